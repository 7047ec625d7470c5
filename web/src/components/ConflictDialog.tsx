import { useState } from 'react';
import { Alert, Button, Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadingBlock } from './LoadingBlock';

export type ConflictRow = { key: string; label: string; mine: string; theirs: string };

type Props = {
  open: boolean;
  title: string;
  body: string;
  /** The fields whose values differ between the user's edit and the server, or undefined while loading. */
  differences: ConflictRow[] | undefined;
  onReload: () => void;
  onOverwrite: () => void;
  onCancel: () => void;
  saving?: boolean;
};

/** Shown when a save answers 412: someone else saved the record since it was loaded. */
export function ConflictDialog({ open, title, body, differences, onReload, onOverwrite, onCancel, saving }: Props) {
  const { t } = useTranslation();
  const [comparing, setComparing] = useState(false);
  const close = () => {
    setComparing(false);
    onCancel();
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={close}
      width={comparing ? 760 : 520}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          {t('common.cancel')}
        </Button>,
        comparing ? (
          <Button key="overwrite" danger loading={saving} onClick={onOverwrite}>
            {t('conflict.overwrite')}
          </Button>
        ) : (
          <Button key="compare" onClick={() => setComparing(true)}>
            {t('conflict.compare')}
          </Button>
        ),
        <Button
          key="reload"
          type="primary"
          onClick={() => {
            setComparing(false);
            onReload();
          }}
        >
          {t('conflict.reload')}
        </Button>,
      ]}
    >
      <Alert type="warning" showIcon title={body} style={{ marginBottom: comparing ? 16 : 0 }} />
      {comparing &&
        (differences === undefined ? (
          <LoadingBlock minHeight={120} />
        ) : differences.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('conflict.noDifferences')}</Typography.Paragraph>
        ) : (
          <Table<ConflictRow>
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={differences}
            scroll={{ y: 360 }}
            columns={[
              { title: t('conflict.field'), dataIndex: 'label', width: 160 },
              { title: t('conflict.mine'), dataIndex: 'mine' },
              { title: t('conflict.theirs'), dataIndex: 'theirs' },
            ]}
          />
        ))}
    </Modal>
  );
}
