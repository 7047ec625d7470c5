import { useEffect, useState } from 'react';
import { Button, Empty, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { PageHeader } from '@/components/PageHeader';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { useStandardAnswers } from '../api/listStandardAnswers';
import { useCreateStandardAnswer } from '../api/createStandardAnswer';
import { useUpdateStandardAnswer } from '../api/updateStandardAnswer';
import { useDeleteStandardAnswer } from '../api/deleteStandardAnswer';
import { categories } from './ComplaintIntakeModal';

type Answer = Schemas['StandardAnswerDto'];
type Values = { category: Schemas['ComplaintCategory']; question: string; answer: string; tags?: string[] };

function AnswerModal({ open, answer, onClose }: { open: boolean; answer: Answer | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateStandardAnswer();
  const update = useUpdateStandardAnswer();
  const f = (name: string) => t(`work.complaints.answers.${name}`);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (answer) form.setFieldsValue({ category: answer.category, question: answer.question, answer: answer.answer, tags: answer.tags });
  }, [open, answer, form]);
  const submit = (v: Values) => {
    const body = { category: v.category, question: v.question.trim(), answer: v.answer.trim(), tags: v.tags ?? [] };
    const handlers = {
      onSuccess: () => { showSuccess(t('common.saved')); onClose(); },
      onError: (e: unknown) => { if (!applyProblemToForm(form, e, ['category', 'question', 'answer', 'tags'])) showError(e); },
    };
    if (answer) update.mutate({ id: answer.id, version: answer.version, body }, handlers);
    else create.mutate(body, handlers);
  };
  const req = (name: string) => [{ required: true, whitespace: true, message: t('common.required', { field: f(name) }) }];
  return (
    <Modal open={open} title={answer ? t('common.edit') : f('new')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending} width={640} forceRender>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="category" label={t('work.complaints.fields.category')} rules={[{ required: true, message: t('common.required', { field: t('work.complaints.fields.category') }) }]}>
          <Select options={categories.map((c) => ({ value: c, label: t(`work.enums.complaintCategory.${c}`) }))} />
        </Form.Item>
        <Form.Item name="question" label={f('question')} rules={req('question')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="answer" label={f('answer')} rules={req('answer')}>
          <Input.TextArea maxLength={4000} autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="tags" label={f('tags')}>
          <Select mode="tags" tokenSeparators={[',', '，']} open={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The standard Q&A (标准回答) for frequent complaints, kept by customer service and administrators. */
export function StandardAnswersPage() {
  const { t } = useTranslation();
  const answers = useStandardAnswers();
  const remove = useDeleteStandardAnswer();
  const [editing, setEditing] = useState<Answer | null | undefined>(undefined);
  const [category, setCategory] = useState<Schemas['ComplaintCategory'] | undefined>();
  const f = (name: string) => t(`work.complaints.answers.${name}`);
  if (answers.isError) return <ErrorResult error={answers.error} onRetry={() => void answers.refetch()} />;
  const rows = (answers.data ?? []).filter((a) => !category || a.category === category);
  return (
    <>
      <PageHeader
        title={f('title')}
        extra={
          <>
            <Select allowClear placeholder={t('work.complaints.fields.category')} style={{ width: 180 }} value={category} onChange={setCategory}
              options={categories.map((c) => ({ value: c, label: t(`work.enums.complaintCategory.${c}`) }))} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>{f('new')}</Button>
          </>
        }
      />
      <Table<Answer>
        rowKey="id"
        loading={answers.isPending}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty /> }}
        columns={[
          { title: t('work.complaints.fields.category'), width: 150, render: (_, a) => <Tag>{t(`work.enums.complaintCategory.${a.category}`)}</Tag> },
          { title: f('question'), dataIndex: 'question', width: 260 },
          { title: f('answer'), render: (_, a) => <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>{a.answer}</Typography.Paragraph> },
          { title: f('tags'), width: 160, render: (_, a) => a.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) },
          {
            title: t('common.actions'), width: 150,
            render: (_, a) => (
              <Space>
                <Button size="small" onClick={() => setEditing(a)}>{t('common.edit')}</Button>
                <Popconfirm title={f('deleteConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')}
                  onConfirm={() => remove.mutate({ id: a.id, version: a.version }, { onSuccess: () => showSuccess(t('common.saved')) })}>
                  <Button size="small" danger>{t('common.delete')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <AnswerModal open={editing !== undefined} answer={editing ?? null} onClose={() => setEditing(undefined)} />
    </>
  );
}
