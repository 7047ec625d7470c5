import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Flex, Modal, Progress, Result, Segmented, Statistic, Steps, Table, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { errorMessage } from '@/components/feedback';
import { useDryRunImport, useStartImport, type ImportKind } from '../api/importCsv';
import { importFinished, useImportJob } from '../api/getImport';
import { customerKeys } from '../api/keys';

type ImportError = Schemas['ImportErrorDto'];
type PlannedRow = Schemas['PlannedRowDto'];

/** The columns the API reads for each kind (any order; an export's extra columns are read past). */
export const importColumns: Record<ImportKind, readonly string[]> = {
  customers: [
    'code', 'name', 'kind', 'level', 'isKeyAccount', 'enterpriseType', 'industry', 'region', 'phone', 'email', 'address', 'postcode', 'website',
    'leadSource', 'ownerEmail', 'tags',
  ],
  contacts: ['customerCode', 'name', 'title', 'mobile', 'phone', 'fax', 'email', 'address', 'birthday', 'isPrimary'],
  purchases: ['customerCode', 'purchasedOn', 'product', 'category', 'quantity', 'unitPrice', 'listUnitPrice', 'currency', 'notes'],
};
// Where a column's name is translated: the kind's own fields first, then the customer's.
const labelSources: Record<ImportKind, string[]> = {
  customers: ['customers.fields'], contacts: ['contacts.fields', 'customers.fields'], purchases: ['purchases.fields', 'customers.fields'],
};

const actionColor: Record<Schemas['ImportAction'], string> = { Create: 'green', Update: 'blue', Skip: 'default', Error: 'red' };
const statusColor: Record<Schemas['ImportStatus'], 'normal' | 'active' | 'success' | 'exception'> = {
  Queued: 'active', Running: 'active', Succeeded: 'success', CompletedWithErrors: 'exception', Failed: 'exception',
};

function templateHref(kind: ImportKind): string {
  // A BOM so Excel opens the header (and any Chinese the user types) as UTF-8.
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${importColumns[kind].join(',')}\n`)}`;
}

/** CSV import of customers, contacts or deals: choose a file → dry run (every row's planned action and errors) →
 *  confirm → the background job's progress → its report. Nothing is written until the user confirms the plan. */
export function ImportCsvModal({ kind, open, onClose }: { kind: ImportKind; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [only, setOnly] = useState<'all' | 'errors'>('all');
  const [jobId, setJobId] = useState<string>();
  const dryRun = useDryRunImport(kind);
  const start = useStartImport(kind);
  const job = useImportJob(jobId);
  const plan = dryRun.data;

  const reset = () => {
    setFile(null);
    setOnly('all');
    setJobId(undefined);
    dryRun.reset();
    start.reset();
  };
  const close = () => {
    reset();
    onClose();
  };

  const fieldLabel = (field: string) => {
    if (!field) return '';
    const source = labelSources[kind].find((ns) => i18n.exists(`${ns}.${field}`));
    return source ? t(`${source}.${field}`) : t(`customers.import.columnNames.${field}`, { defaultValue: field });
  };
  const errorsByRow = useMemo(() => {
    const map = new Map<number, ImportError[]>();
    for (const e of plan?.errors ?? []) map.set(e.row, [...(map.get(e.row) ?? []), e]);
    return map;
  }, [plan]);
  const planRows = (plan?.rows ?? []).filter((r) => only === 'all' || r.action === 'Error' || errorsByRow.has(r.row));
  const step = jobId ? 2 : plan ? 1 : 0;
  const finished = job.data && importFinished(job.data);
  useEffect(() => {
    // The rows were written in the background: lists and records read afresh once the job is done.
    if (finished) void queryClient.invalidateQueries({ queryKey: customerKeys.all });
  }, [finished, queryClient]);

  const footer =
    step === 0 ? (
      <>
        <Button onClick={close}>{t('common.cancel')}</Button>
        <Button type="primary" disabled={!file} loading={dryRun.isPending} onClick={() => file && dryRun.mutate(file.csv)}>
          {t('customers.import.check')}
        </Button>
      </>
    ) : step === 1 && plan ? (
      <>
        <Button onClick={reset}>{t('customers.import.chooseAnother')}</Button>
        <Button
          type="primary"
          disabled={plan.create + plan.update === 0}
          loading={start.isPending}
          onClick={() => file && start.mutate({ csv: file.csv, key: crypto.randomUUID() }, { onSuccess: (j) => setJobId(j.id) })}
        >
          {t('customers.import.confirm', { count: plan.create + plan.update })}
        </Button>
      </>
    ) : (
      <Button type="primary" disabled={!finished} onClick={close}>{t('common.close')}</Button>
    );

  return (
    <Modal open={open} title={t(`customers.import.title.${kind}`)} width={860} onCancel={close} mask={{ closable: false }} footer={footer} destroyOnHidden>
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: t('customers.import.stepFile') }, { title: t('customers.import.stepCheck') }, { title: t('customers.import.stepRun') }]}
      />
      {step === 0 && (
        <Flex vertical gap={12}>
          <Upload.Dragger
            accept=".csv,text/csv"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              void f.text().then((csv) => setFile({ name: f.name, csv }));
              dryRun.reset();
              return false;
            }}
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{file ? file.name : t('customers.import.drop')}</p>
            <p className="ant-upload-hint">{t(`customers.import.hint.${kind}`)}</p>
          </Upload.Dragger>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('customers.import.columns')} <Typography.Text code>{importColumns[kind].join(', ')}</Typography.Text>{' '}
            <a href={templateHref(kind)} download={`${kind}-template.csv`}>{t('customers.import.template')}</a>
          </Typography.Paragraph>
          {dryRun.isError && <Alert type="error" showIcon title={errorMessage(dryRun.error)} />}
        </Flex>
      )}
      {step === 1 && plan && (
        <Flex vertical gap={12} data-testid="import-plan">
          <Flex gap={32} wrap>
            <Statistic title={t('customers.import.total')} value={plan.total} />
            <Statistic title={t('customers.import.actions.Create')} value={plan.create} styles={{ content: { color: '#389e0d' } }} />
            <Statistic title={t('customers.import.actions.Update')} value={plan.update} styles={{ content: { color: '#0958d9' } }} />
            <Statistic title={t('customers.import.actions.Skip')} value={plan.skip} />
            <Statistic title={t('customers.import.actions.Error')} value={plan.failed} styles={{ content: { color: plan.failed ? '#cf1322' : undefined } }} />
          </Flex>
          {plan.failed > 0 && <Alert type="warning" showIcon title={t('customers.import.errorsWarning')} />}
          {start.isError && <Alert type="error" showIcon title={errorMessage(start.error)} />}
          <Segmented
            value={only}
            onChange={(v) => setOnly(v as 'all' | 'errors')}
            options={[{ value: 'all', label: t('customers.import.allRows') }, { value: 'errors', label: t('customers.import.errorRows', { count: plan.failed }) }]}
          />
          <Table<PlannedRow>
            size="small"
            rowKey="row"
            dataSource={planRows}
            pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
            scroll={{ y: 320 }}
            columns={[
              { title: t('customers.import.row'), dataIndex: 'row', width: 80 },
              { title: t('customers.import.action'), width: 110, render: (_, r) => <Tag color={actionColor[r.action]}>{t(`customers.import.actions.${r.action}`)}</Tag> },
              {
                title: t('customers.import.matchedBy'), width: 150,
                render: (_, r) =>
                  r.matchedBy ? (
                    kind === 'customers' && r.customerId ? <Link to={`/customers/${r.customerId}`} target="_blank">{fieldLabel(r.matchedBy)}</Link> : fieldLabel(r.matchedBy)
                  ) : '—',
              },
              ...(kind === 'customers'
                ? []
                : [{
                    title: t('customers.import.customer'), key: 'customer', width: 90,
                    render: (_: unknown, r: PlannedRow) => (r.customerId ? <Link to={`/customers/${r.customerId}`} target="_blank">{t('customers.import.open')}</Link> : '—'),
                  }]),
              {
                title: t('customers.import.problems'),
                render: (_, r) => (
                  <Flex vertical>
                    {(errorsByRow.get(r.row) ?? []).map((e, i) => (
                      <Typography.Text key={i} type="danger">{e.field ? `${fieldLabel(e.field)}: ` : ''}{e.message}</Typography.Text>
                    ))}
                  </Flex>
                ),
              },
            ]}
          />
        </Flex>
      )}
      {step === 2 && <ImportProgress job={job.data} error={job.error} fieldLabel={fieldLabel} />}
    </Modal>
  );
}

function ImportProgress({ job, error, fieldLabel }: { job: Schemas['ImportJobDto'] | undefined; error: unknown; fieldLabel: (f: string) => string }) {
  const { t } = useTranslation();
  if (error) return <Alert type="error" showIcon title={errorMessage(error)} />;
  if (!job) return <Progress percent={0} status="active" />;
  const done = importFinished(job);
  return (
    <Flex vertical gap={12} data-testid="import-job">
      <Typography.Text aria-live="polite">
        {t(`customers.import.status.${job.status}`)} · {t('customers.import.processed', { done: job.processedRows, total: job.totalRows })}
      </Typography.Text>
      <Progress percent={Math.round(job.percent)} status={statusColor[job.status]} />
      {done && (
        <Result
          style={{ padding: 8 }}
          status={job.status === 'Succeeded' ? 'success' : job.status === 'Failed' ? 'error' : 'warning'}
          title={t(`customers.import.status.${job.status}`)}
          subTitle={t('customers.import.report', { created: job.created, updated: job.updated, skipped: job.skipped, failed: job.failed })}
        />
      )}
      {job.errors.length > 0 && (
        <Table<Schemas['ImportErrorDto']>
          size="small"
          rowKey={(e) => `${e.row}-${e.field}-${e.message}`}
          dataSource={job.errors}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('customers.import.row'), dataIndex: 'row', width: 80 },
            { title: t('customers.import.field'), width: 140, render: (_, e) => fieldLabel(e.field) || '—' },
            { title: t('customers.import.problems'), dataIndex: 'message' },
          ]}
        />
      )}
    </Flex>
  );
}
