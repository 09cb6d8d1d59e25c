// The i18n provider: German first, English as fallback, both over ra-language-english so that nothing shows a raw key.
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { mergeTranslations, type TranslationMessages } from 'react-admin';
import { appGerman } from './app-de.ts';
import { appEnglish } from './app-en.ts';
import { raGerman } from './ra-de.ts';

const english = englishMessages;
const catalogs: Record<'de' | 'en', TranslationMessages> = {
  de: mergeTranslations(english, raGerman, appGerman) as TranslationMessages,
  en: mergeTranslations(english, appEnglish) as TranslationMessages,
};

export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? catalogs.en : catalogs.de), 'de', [
  { locale: 'de', name: 'Deutsch' },
  { locale: 'en', name: 'English' },
]);
