// The i18n provider: German first, English as fallback, both over ra-language-english so that nothing shows a raw key.
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { mergeTranslations } from 'react-admin';
import { appGerman } from './app-de.ts';
import { appEnglish } from './app-en.ts';
import { raGerman } from './ra-de.ts';

const catalogs = {
  de: mergeTranslations(englishMessages, raGerman, appGerman),
  en: mergeTranslations(englishMessages, appEnglish),
};

export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? catalogs.en : catalogs.de), 'de', [
  { locale: 'de', name: 'Deutsch' },
  { locale: 'en', name: 'English' },
]);
