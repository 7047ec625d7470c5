import { useEffect } from 'react';
import { DatePicker, Form, Input, Modal, Rate, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { formatDateTime } from '@/components/format';
import { useCloseComplaint } from '../api/closeComplaint';
import { useCommitComplaint } from '../api/commitComplaint';
import { useAdvanceComplaint } from '../api/advanceComplaint';
import { useAssignComplaint } from '../api/assignComplaint';
import { useAssignableUsers } from '../api/listAssignableUsers';

type DialogProps = { complaint: Schemas['ComplaintDto']; open: boolean; onClose: () => void };

function useDialogForm<T extends object>(open: boolean) {
  const [form] = Form.useForm<T>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return form;
}

/** Follow-up call and close: satisfaction 1–5 and the customer's comment. */
export function CloseDialog({ complaint, open, onClose }: DialogProps) {
  const { t } = useTranslation();
  const form = useDialogForm<{ satisfaction: number; comment?: string }>(open);
  const close = useCloseComplaint(complaint.id);
  const f = (name: string) => t(`work.complaints.fields.${name}`);
  return (
    <Modal open={open} title={t('work.complaints.closeTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('work.complaints.close')} cancelText={t('common.cancel')} confirmLoading={close.isPending} forceRender>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          close.mutate(
            { satisfaction: v.satisfaction, comment: v.comment?.trim() || null },
            {
              onSuccess: () => { showSuccess(t('work.complaints.closed')); onClose(); },
              onError: (e) => { if (!applyProblemToForm(form, e, ['satisfaction', 'comment'])) showError(e); },
            },
          )
        }
      >
        <Form.Item name="satisfaction" label={f('satisfaction')} rules={[{ required: true, message: t('common.required', { field: f('satisfaction') }) }]}>
          <Rate count={5} />
        </Form.Item>
        <Form.Item name="comment" label={f('followUpComment')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Commit to a resolution time (承诺时间); later than the policy's due time needs a reason. */
export function CommitmentDialog({ complaint, open, onClose }: DialogProps) {
  const { t } = useTranslation();
  const form = useDialogForm<{ committedAt: Dayjs; reason?: string }>(open);
  const commit = useCommitComplaint(complaint.id);
  const committedAt = Form.useWatch('committedAt', form);
  const late = !!committedAt && committedAt.isAfter(dayjs(complaint.resolutionDueAt));
  const f = (name: string) => t(`work.complaints.fields.${name}`);
  return (
    <Modal open={open} title={t('work.complaints.commitTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={commit.isPending} forceRender>
      <Typography.Paragraph type="secondary">{t('work.complaints.dueAt')}: {formatDateTime(complaint.resolutionDueAt)}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          commit.mutate(
            { committedAt: v.committedAt.toISOString(), reason: v.reason?.trim() || null },
            {
              onSuccess: () => { showSuccess(t('work.complaints.committed')); onClose(); },
              onError: (e) => { if (!applyProblemToForm(form, e, ['committedAt', 'reason'])) showError(e); },
            },
          )
        }
      >
        <Form.Item name="committedAt" label={f('committedAt')} rules={[{ required: true, message: t('common.required', { field: f('committedAt') }) }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={f('reason')}
          extra={late ? t('work.complaints.laterThanDue') : undefined}
          rules={[{ required: late, whitespace: true, message: t('work.complaints.laterThanDue') }]}
        >
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Reopen needs a reason. */
export function ReopenDialog({ complaint, open, onClose }: DialogProps) {
  const { t } = useTranslation();
  const form = useDialogForm<{ reason: string }>(open);
  const advance = useAdvanceComplaint(complaint.id);
  return (
    <Modal open={open} title={t('work.complaints.reopen')} onCancel={onClose} onOk={() => form.submit()} okText={t('work.complaints.reopen')} cancelText={t('common.cancel')} confirmLoading={advance.isPending} forceRender>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          advance.mutate({ step: 'Reopen', reason: v.reason.trim() }, {
            onSuccess: () => { showSuccess(t('work.complaints.advanced')); onClose(); },
            onError: (e) => { if (!applyProblemToForm(form, e, ['reason'])) showError(e); },
          })
        }
      >
        <Form.Item name="reason" label={t('work.complaints.reopenReason')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('work.complaints.reopenReason') }) }]}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AssignDialog({ complaint, open, onClose }: DialogProps) {
  const { t } = useTranslation();
  const form = useDialogForm<{ assigneeId: string }>(open);
  const assign = useAssignComplaint(complaint.id);
  const users = useAssignableUsers();
  const label = t('work.complaints.fields.assignee');
  return (
    <Modal open={open} title={t('work.complaints.assign')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={assign.isPending} forceRender>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ assigneeId: complaint.assigneeId ?? undefined }}
        onFinish={(v) => assign.mutate(v, { onSuccess: () => { showSuccess(t('work.complaints.assigned')); onClose(); }, onError: showError })}
      >
        <Form.Item name="assigneeId" label={label} rules={[{ required: true, message: t('common.required', { field: label }) }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={users.isPending}
            options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} · ${t(`role.${u.role}`)}` }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
