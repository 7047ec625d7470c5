import { useMemo, useState, type ReactNode } from 'react';
import { Button, Card, Col, Collapse, Descriptions, Empty, Flex, Input, Row, Space, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, CopyOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { LoadingBlock } from '@/components/LoadingBlock';
import { showError, showSuccess } from '@/components/feedback';
import { formatDateTime, orDash } from '@/components/format';
import { hasRole, useMe } from '@/lib/session/session';
import { useComplaint } from '../api/getComplaint';
import { useComplaintEvents } from '../api/listComplaintEvents';
import { useSuggestedAnswers } from '../api/listSuggestedAnswers';
import { useAdvanceComplaint } from '../api/advanceComplaint';
import { useCommentOnComplaint } from '../api/commentOnComplaint';
import { useAssignableUsers } from '../api/listAssignableUsers';
import { AssignDialog, CloseDialog, CommitmentDialog, ReopenDialog } from './ComplaintDialogs';
import { ResolveDialog } from './ResolveDialog';
import { ComplaintStatusTag, SeverityTag, SlaTag } from './SlaTag';

type Dialog = 'resolve' | 'close' | 'commit' | 'reopen' | 'assign' | null;

/** One complaint: facts, SLA, actions per allowedNext, the timeline and the standard answers. */
/** `extra` adds buttons other features contribute (composed by the route), e.g. the record's tasks. */
export function ComplaintDetailPage({ extra }: { extra?: (complaint: Schemas['ComplaintDto']) => ReactNode } = {}) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const complaint = useComplaint(id);
  const events = useComplaintEvents(id);
  const suggested = useSuggestedAnswers(id);
  const users = useAssignableUsers();
  const advance = useAdvanceComplaint(id);
  const comment = useCommentOnComplaint(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [text, setText] = useState('');
  const names = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.displayName])), [users.data]);

  if (complaint.isPending) return <LoadingBlock />;
  if (complaint.isError) return <ErrorResult error={complaint.error} onRetry={() => void complaint.refetch()} notFoundText={t('work.complaints.notFound')} />;
  const c = complaint.data;
  const f = (name: string) => t(`work.complaints.fields.${name}`);
  const canWork = hasRole(me, 'Service', 'Admin', 'Manager', 'Rep');
  const finished = c.status === 'Resolved' || c.status === 'Closed';
  const step = (s: 'Acknowledge' | 'Investigate') =>
    advance.mutate({ step: s, reason: null }, { onSuccess: () => showSuccess(t('work.complaints.advanced')), onError: showError });

  const actions = canWork
    ? [
        c.allowedNext.includes('Acknowledged') && <Button key="ack" type="primary" loading={advance.isPending} onClick={() => step('Acknowledge')}>{t('work.complaints.acknowledge')}</Button>,
        c.allowedNext.includes('Investigating') && !finished && <Button key="inv" loading={advance.isPending} onClick={() => step('Investigate')}>{t('work.complaints.investigate')}</Button>,
        c.allowedNext.includes('Resolved') && <Button key="res" type="primary" onClick={() => setDialog('resolve')}>{t('work.complaints.resolve')}</Button>,
        c.allowedNext.includes('Closed') && <Button key="close" type="primary" onClick={() => setDialog('close')}>{t('work.complaints.close')}</Button>,
        finished && c.allowedNext.some((s) => s !== 'Closed') && <Button key="reopen" danger onClick={() => setDialog('reopen')}>{t('work.complaints.reopen')}</Button>,
        !finished && <Button key="commit" onClick={() => setDialog('commit')}>{t('work.complaints.commit')}</Button>,
        !finished && <Button key="assign" onClick={() => setDialog('assign')}>{t('work.complaints.assign')}</Button>,
      ].filter(Boolean)
    : [];

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="start" wrap gap={12}>
          <div>
            <Space align="center" wrap>
              <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} onClick={() => navigate(-1)} />
              <Typography.Title level={3} style={{ margin: 0 }}>
                {c.number} · <Link to={`/customers/${c.customerId}?tab=complaints`}>{c.customerName}</Link>
              </Typography.Title>
            </Space>
            <Space wrap style={{ marginTop: 8 }} data-testid="complaint-status">
              <ComplaintStatusTag status={c.status} />
              <SlaTag sla={c.sla} />
              <SeverityTag severity={c.severity} />
              {c.isRecurring && <Tag color="magenta">{t('work.complaints.recurring')}</Tag>}
            </Space>
          </div>
          <Space wrap>{actions}{extra?.(c)}</Space>
        </Flex>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'desc', label: f('description'), children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.description}</Typography.Paragraph>, span: 2 },
                { key: 'cat', label: f('category'), children: t(`work.enums.complaintCategory.${c.category}`) },
                { key: 'ch', label: f('channel'), children: t(`work.enums.complaintChannel.${c.channel}`) },
                { key: 'rec', label: f('receivedAt'), children: formatDateTime(c.receivedAt) },
                { key: 'as', label: f('assignee'), children: c.assigneeId ? names.get(c.assigneeId) ?? '…' : '—' },
                { key: 'frd', label: f('firstResponseDueAt'), children: formatDateTime(c.firstResponseDueAt) },
                { key: 'due', label: f('committedAt'), children: <Typography.Text type={c.sla === 'Breached' ? 'danger' : c.sla === 'AtRisk' ? 'warning' : undefined}>{formatDateTime(c.resolutionDueAt)}</Typography.Text> },
                ...(c.commitmentReason ? [{ key: 'cr', label: f('reason'), children: c.commitmentReason, span: 2 }] : []),
                ...(c.resolvedAt
                  ? [
                      { key: 'fact', label: f('isFactual'), children: c.isFactual ? t('work.complaints.factual') : t('work.complaints.notFactual') },
                      { key: 'rt', label: f('resolutionType'), children: c.resolutionType ? t(`work.enums.resolutionType.${c.resolutionType}`) : '—' },
                      { key: 'root', label: f('rootCause'), children: orDash(c.rootCause) },
                      { key: 'ca', label: f('correctiveAction'), children: orDash(c.correctiveAction) },
                      { key: 'exp', label: f('explanation'), children: orDash(c.explanation), span: 2 },
                      ...(c.goodwillDescription ? [{ key: 'gw', label: f('goodwillDescription'), children: `${c.goodwillDescription}${c.goodwillValue != null ? ` (${c.goodwillValue})` : ''}`, span: 2 }] : []),
                    ]
                  : []),
                ...(c.closedAt
                  ? [
                      { key: 'sat', label: f('satisfaction'), children: `${c.satisfaction ?? '—'} / 5` },
                      { key: 'fc', label: f('followUpComment'), children: orDash(c.followUpComment) },
                    ]
                  : []),
              ]}
            />
          </Card>
          <Card size="small" title={t('work.complaints.timeline')}>
            {events.isPending ? (
              <LoadingBlock minHeight={80} />
            ) : events.isError ? (
              <ErrorResult error={events.error} />
            ) : (
              <Timeline
                items={events.data.map((e) => ({
                  key: e.id,
                  color: e.kind === 'Resolved' || e.kind === 'Closed' ? 'green' : e.kind === 'Reopened' ? 'red' : 'blue',
                  title: formatDateTime(e.at),
                  content: (
                    <>
                      <Typography.Text strong>{t(`work.enums.complaintEvent.${e.kind}`)}</Typography.Text>
                      {e.toStatus && <> → {t(`work.enums.complaintStatus.${e.toStatus}`)}</>}
                      {e.actorId && <Typography.Text type="secondary"> · {names.get(e.actorId) ?? ''}</Typography.Text>}
                      {e.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</div>}
                    </>
                  ),
                }))}
              />
            )}
            {canWork && (
              <Space.Compact style={{ width: '100%' }}>
                <Input placeholder={t('work.complaints.addComment')} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} aria-label={t('work.complaints.comment')} />
                <Button
                  type="primary"
                  disabled={!text.trim()}
                  loading={comment.isPending}
                  onClick={() => comment.mutate({ text: text.trim() }, { onSuccess: () => { setText(''); showSuccess(t('work.complaints.commented')); }, onError: showError })}
                >
                  {t('work.complaints.addComment')}
                </Button>
              </Space.Compact>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('work.complaints.suggested')}>
            {suggested.isPending ? (
              <LoadingBlock minHeight={80} />
            ) : suggested.isError ? (
              <ErrorResult error={suggested.error} />
            ) : suggested.data.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.complaints.noSuggestions')} />
            ) : (
              <Collapse
                size="small"
                items={suggested.data.map(({ answer }) => ({
                  key: answer.id,
                  label: answer.question,
                  extra: <Tag>{t(`work.enums.complaintCategory.${answer.category}`)}</Tag>,
                  children: (
                    <>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{answer.answer}</Typography.Paragraph>
                      <Button size="small" icon={<CopyOutlined />} onClick={() => void navigator.clipboard?.writeText(answer.answer).then(() => showSuccess(t('common.copied')))}>
                        {t('work.complaints.copyAnswer')}
                      </Button>
                    </>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      <ResolveDialog complaintId={c.id} open={dialog === 'resolve'} onClose={() => setDialog(null)} />
      <CloseDialog complaint={c} open={dialog === 'close'} onClose={() => setDialog(null)} />
      <CommitmentDialog complaint={c} open={dialog === 'commit'} onClose={() => setDialog(null)} />
      <ReopenDialog complaint={c} open={dialog === 'reopen'} onClose={() => setDialog(null)} />
      <AssignDialog complaint={c} open={dialog === 'assign'} onClose={() => setDialog(null)} />
    </>
  );
}
