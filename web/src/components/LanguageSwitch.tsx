import { Select } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { languages } from '@/lib/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Select
      aria-label={t('header.language')}
      value={i18n.language}
      onChange={(lng: string) => void i18n.changeLanguage(lng)}
      prefix={<GlobalOutlined aria-hidden />}
      variant="borderless"
      popupMatchSelectWidth={false}
      options={languages.map((l) => ({ value: l, label: t(`language.${l}`) }))}
      data-testid="language-switch"
    />
  );
}
