import { useEffect, useState } from 'react';
import { Button, Col, DatePicker, Form, Input, Modal, Row, Space, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { useCompleteVisit } from '../api/completeVisit';
import { useUpdateVisitRecord } from '../api/updateVisitRecord';

/** The API's minimum length of a visit summary (拜访纪要). */
export const summaryMinLength = 10;

type Values = { time: [Dayjs, Dayjs]; summary: string; outcome?: string; customerFeedback?: string; nextSteps?: string; followUpDate?: Dayjs | null };
type Position = { latitude: number; longitude: number; accuracyMeters: number };

const fields = ['summary', 'outcome', 'customerFeedback', 'nextSteps', 'followUpDate', 'actualStart', 'actualEnd'];

/** Completes a visit with its record, or (mode "edit") corrects a returned record. */
export function CompleteVisitModal({ visit, open, onClose, mode = 'complete' }: {
  visit: Schemas['VisitDto']; open: boolean; onClose: () => void; mode?: 'complete' | 'edit';
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const complete = useCompleteVisit(visit.id);
  const update = useUpdateVisitRecord(visit.id);
  const [position, setPosition] = useState<Position | null>(null);
  const [locating, setLocating] = useState(false);
  const f = (name: string) => t(`work.visits.fields.${name}`);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const start = visit.actualStart ? dayjs(visit.actualStart) : visit.plannedStart && dayjs(visit.plannedStart).isBefore(dayjs()) ? dayjs(visit.plannedStart) : dayjs().subtract(1, 'hour').startOf('minute');
    const end = visit.actualEnd ? dayjs(visit.actualEnd) : start.add(1, 'hour').isAfter(dayjs()) ? dayjs().startOf('minute') : start.add(1, 'hour');
    form.setFieldsValue({
      time: [start, end], summary: visit.summary ?? '', outcome: visit.outcome ?? '', customerFeedback: visit.customerFeedback ?? '',
      nextSteps: visit.nextSteps ?? '', followUpDate: visit.followUpDate ? dayjs(visit.followUpDate) : null,
    });
  }, [open, visit, form]);

  const checkIn = () => {
    if (!('geolocation' in navigator)) {
      showError(new Error(t('work.visits.noGeolocation')));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false);
        setPosition({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracyMeters: p.coords.accuracy });
      },
      () => {
        setLocating(false);
        showError(new Error(t('work.visits.checkInFailed')));
      },
      { timeout: 10_000, enableHighAccuracy: true },
    );
  };

  const pending = complete.isPending || update.isPending;
  const submit = (v: Values) => {
    const body: Schemas['VisitRecordInput'] = {
      actualStart: v.time[0].toISOString(), actualEnd: v.time[1].toISOString(), summary: v.summary.trim(),
      outcome: v.outcome?.trim() || null, customerFeedback: v.customerFeedback?.trim() || null, nextSteps: v.nextSteps?.trim() || null,
      followUpDate: v.followUpDate ? v.followUpDate.format('YYYY-MM-DD') : null,
      latitude: position?.latitude ?? visit.checkInLatitude ?? null, longitude: position?.longitude ?? visit.checkInLongitude ?? null,
      accuracyMeters: position?.accuracyMeters ?? visit.checkInAccuracyMeters ?? null,
    };
    const handlers = {
      onSuccess: () => {
        showSuccess(mode === 'edit' ? t('common.saved') : t('work.visits.completed'));
        onClose();
      },
      onError: (error: unknown) => {
        if (!applyProblemToForm(form, error, fields)) showError(error);
      },
    };
    if (mode === 'edit') update.mutate({ version: visit.version, body }, handlers);
    else complete.mutate(body, handlers);
  };

  return (
    <Modal
      open={open}
      title={t('work.visits.complete')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      width={680}
      forceRender
    >
      <Typography.Paragraph type="secondary">{visit.customerName}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="time" label={f('actualTime')} rules={[{ required: true, message: t('common.required', { field: f('actualTime') }) }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="summary"
          label={f('summary')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: f('summary') }) },
            { validator: (_, value: string | undefined) => (!value || value.trim().length >= summaryMinLength ? Promise.resolve() : Promise.reject(new Error(t('work.visits.summaryMin', { count: summaryMinLength })))) },
          ]}
        >
          <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="outcome" label={f('outcome')}>
              <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="customerFeedback" label={f('customerFeedback')}>
              <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="nextSteps" label={f('nextSteps')}>
              <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="followUpDate" label={f('followUpDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button icon={<EnvironmentOutlined />} onClick={checkIn} loading={locating}>
            {locating ? t('work.visits.checkingIn') : t('work.visits.checkIn')}
          </Button>
          {position && (
            <Typography.Text type="success">
              {t('work.visits.checkedIn', { accuracy: Math.round(position.accuracyMeters) })} · {position.latitude.toFixed(5)}, {position.longitude.toFixed(5)}
            </Typography.Text>
          )}
        </Space>
      </Form>
    </Modal>
  );
}
