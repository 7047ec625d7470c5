import { useState } from 'react';
import { Alert, Descriptions, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { showSuccess } from '@/components/feedback';
import { useCustomerSearch } from '../api/searchCustomers';
import { useMergeCustomers } from '../api/mergeCustomers';

/** Merges a duplicate record into this customer (合并重复客户): the survivor keeps its own fields and receives the
 *  duplicate's contacts, deals, visits, complaints, referrals, tasks, assessments and points; the duplicate is archived. */
export function MergeDialog({ customer, open, onClose }: { customer: Schemas['CustomerDto']; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(customer.name);
  const [duplicateId, setDuplicateId] = useState<string>();
  const search = useCustomerSearch(q);
  const merge = useMergeCustomers();
  const moved = merge.data?.moved;
  const close = () => {
    merge.reset();
    setDuplicateId(undefined);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('customers.merge.title')}
      onCancel={close}
      okText={moved ? t('common.close') : t('customers.merge.confirm')}
      okButtonProps={{ danger: !moved, disabled: !moved && !duplicateId }}
      cancelButtonProps={{ style: moved ? { display: 'none' } : undefined }}
      cancelText={t('common.cancel')}
      confirmLoading={merge.isPending}
      onOk={() =>
        moved
          ? close()
          : duplicateId && merge.mutate({ survivorId: customer.id, duplicateId }, { onSuccess: () => showSuccess(t('customers.merge.done')) })
      }
      destroyOnHidden
    >
      {moved ? (
        <Descriptions size="small" column={2} bordered title={t('customers.merge.moved')} data-testid="merge-result">
          {(Object.keys(moved) as (keyof typeof moved)[]).map((k) => (
            <Descriptions.Item key={k} label={t(`customers.merge.counts.${k}`)}>{moved[k]}</Descriptions.Item>
          ))}
        </Descriptions>
      ) : (
        <>
          <Alert type="warning" showIcon title={t('customers.merge.explain', { name: customer.name, code: customer.code })} style={{ marginBottom: 16 }} />
          <Form layout="vertical">
            <Form.Item label={t('customers.merge.duplicate')} htmlFor="merge-duplicate" required>
              <Select
                id="merge-duplicate"
                showSearch={{ filterOption: false, onSearch: setQ }}
                value={duplicateId}
                onChange={setDuplicateId}
                loading={search.isFetching}
                placeholder={t('customers.merge.pick')}
                options={(search.data ?? [])
                  .filter((c) => c.id !== customer.id)
                  .map((c) => ({ value: c.id, label: `${c.name} · ${c.code} · ${c.ownerName}${c.phone ? ` · ${c.phone}` : ''}` }))}
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
