import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhHans } from './zh-Hans';
import { zhHant } from './zh-Hant';
import { en } from './en';

export const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'wenshi.language';

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(saved ?? '') ? (saved as Language) : 'zh-Hans';
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-Hans': { translation: zhHans },
    'zh-Hant': { translation: zhHant },
    en: { translation: en },
  },
  lng: initialLanguage(),
  fallbackLng: 'zh-Hans',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});
document.documentElement.lang = i18n.language;

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

/** Sorting for titles and names: pinyin order in Chinese. */
export function collatorFor(language: string): Intl.Collator {
  return new Intl.Collator(language === 'en' ? 'en' : 'zh-Hans-CN-u-co-pinyin');
}

export default i18n;
