import { useState } from 'react';
import { Button, Empty, Flex, Form, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, StarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { formatDate, orDash } from '@/components/format';
import { useContacts } from '../api/listContacts';
import { useAddContact } from '../api/addContact';
import { useUpdateContact } from '../api/updateContact';
import { useDeleteContact } from '../api/deleteContact';
import { ContactFormModal, contactFormFields, contactToInput, toContactInput, type ContactFormValues } from './ContactFormModal';

type Contact = Schemas['ContactDto'];

/** A customer's contact people (联系人); exactly one is the primary contact. */
export function ContactsTab({ customerId, readOnly }: { customerId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const contacts = useContacts(customerId);
  const add = useAddContact(customerId);
  const update = useUpdateContact(customerId);
  const setPrimary = useUpdateContact(customerId, { silent: false });
  const remove = useDeleteContact(customerId);
  const [form] = Form.useForm<ContactFormValues>();
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const f = (name: string) => t(`contacts.fields.${name}`);

  const onError = (error: unknown) => {
    if (!applyProblemToForm(form, error, contactFormFields)) showError(error);
  };
  const submit = (values: ContactFormValues) => {
    const body = toContactInput(values);
    const done = (text: string) => () => {
      showSuccess(text);
      setEditing(null);
    };
    if (editing === 'new') add.mutate(body, { onSuccess: done(t('contacts.added')), onError });
    else if (editing) update.mutate({ contactId: editing.id, version: editing.version, body }, { onSuccess: done(t('contacts.updated')), onError });
  };

  if (contacts.isError) return <ErrorResult error={contacts.error} onRetry={() => void contacts.refetch()} />;

  return (
    <>
      {!readOnly && (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('contacts.add')}
          </Button>
        </Flex>
      )}
      <Table<Contact>
        rowKey="id"
        loading={contacts.isPending}
        dataSource={contacts.data ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t('contacts.empty')} /> }}
        columns={[
          {
            title: f('name'), dataIndex: 'name', fixed: 'left', width: 160,
            render: (name: string, c) => (
              <Space size={6}>
                {name}
                {c.isPrimary && <Tag color="blue">{t('contacts.primary')}</Tag>}
              </Space>
            ),
          },
          { title: f('title'), dataIndex: 'title', render: orDash },
          { title: f('mobile'), dataIndex: 'mobile', render: orDash },
          { title: f('phone'), dataIndex: 'phone', render: orDash },
          { title: f('email'), dataIndex: 'email', render: orDash },
          { title: f('birthday'), dataIndex: 'birthday', render: formatDate },
          ...(readOnly
            ? []
            : [
                {
                  title: t('common.actions'), key: 'actions', fixed: 'right' as const, width: 140,
                  render: (_: unknown, c: Contact) => (
                    <Space size={0}>
                      <Tooltip title={t('common.edit')}>
                        <Button type="text" icon={<EditOutlined />} aria-label={`${t('common.edit')} ${c.name}`} onClick={() => setEditing(c)} />
                      </Tooltip>
                      {!c.isPrimary && (
                        <Tooltip title={t('contacts.setPrimary')}>
                          <Button
                            type="text"
                            icon={<StarOutlined />}
                            aria-label={`${t('contacts.setPrimary')} ${c.name}`}
                            loading={setPrimary.isPending && setPrimary.variables?.contactId === c.id}
                            onClick={() =>
                              setPrimary.mutate(
                                { contactId: c.id, version: c.version, body: { ...contactToInput(c), isPrimary: true } },
                                { onSuccess: () => showSuccess(t('contacts.primarySet')) },
                              )
                            }
                          />
                        </Tooltip>
                      )}
                      <Popconfirm
                        title={t('contacts.deleteConfirm', { name: c.name })}
                        okText={t('common.delete')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() =>
                          remove
                            .mutateAsync({ contactId: c.id, version: c.version })
                            .then(() => showSuccess(t('contacts.deleted')))
                            .catch(() => undefined)
                        }
                      >
                        <Button type="text" danger icon={<DeleteOutlined />} aria-label={`${t('common.delete')} ${c.name}`} />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]),
        ]}
      />
      <ContactFormModal
        open={editing !== null}
        contact={editing === 'new' ? null : editing}
        saving={add.isPending || update.isPending}
        form={form}
        onSubmit={submit}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
