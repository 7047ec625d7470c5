import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';

const levelColor: Record<Schemas['CustomerLevel'], string> = { Special: 'magenta', A: 'volcano', B: 'blue', C: 'default' };
const lifecycleColor: Record<Schemas['Lifecycle'], string> = { Prospect: 'gold', Active: 'green', Lapsed: 'red', Archived: 'default' };

export function LevelTag({ level }: { level: Schemas['CustomerLevel'] }) {
  const { t } = useTranslation();
  return <Tag color={levelColor[level]}>{t(`enums.level.${level}`)}</Tag>;
}

export function LifecycleTag({ lifecycle }: { lifecycle: Schemas['Lifecycle'] }) {
  const { t } = useTranslation();
  return <Tag color={lifecycleColor[lifecycle]}>{t(`enums.lifecycle.${lifecycle}`)}</Tag>;
}
