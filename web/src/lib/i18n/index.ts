import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import zhCN from './locales/zh-CN';
import en from './locales/en';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'crm.language';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(storageKey);
    return languages.find((l) => l === value) ?? 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applyToPage(lng: string): void {
  dayjs.locale(lng === 'en' ? 'en' : 'zh-cn');
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyToPage(i18n.language);

i18n.on('languageChanged', (lng) => {
  applyToPage(lng);
  try {
    localStorage.setItem(storageKey, lng);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
});

export function currentLanguage(): Language {
  return languages.find((l) => l === i18n.language) ?? 'zh-CN';
}

export default i18n;
