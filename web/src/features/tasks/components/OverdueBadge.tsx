import { Badge, Button, Tooltip } from 'antd';
import { ScheduleOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useTaskSummary } from '../api/getTaskSummary';

/** The header's task badge: overdue count (red), refreshed every minute; opens the board. */
export function OverdueBadge() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const summary = useTaskSummary();
  const overdue = summary.data?.overdue ?? 0;
  return (
    <Tooltip title={t('work.nav.overdueTasks', { count: overdue })}>
      <Badge count={overdue} size="small" offset={[-4, 4]}>
        <Button type="text" icon={<ScheduleOutlined />} aria-label={t('work.nav.overdueTasks', { count: overdue })} data-testid="overdue-badge" onClick={() => navigate('/board')} />
      </Badge>
    </Tooltip>
  );
}
