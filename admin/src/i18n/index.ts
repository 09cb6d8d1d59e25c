// The i18n provider: the staff screens are German. The English catalogue is kept key for key (a unit test checks it),
// but the language switch is off until the choice vocabularies (admin/src/*/choices.ts) are in the catalogue too, so
// nobody sees a screen half in one language and half in the other. German lies over ra-language-english, so nothing
// shows a raw key.
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { mergeTranslations, type TranslationMessages } from 'react-admin';
import { appGerman } from './app-de.ts';
import { raGerman } from './ra-de.ts';

const german = mergeTranslations(englishMessages, raGerman, appGerman) as TranslationMessages;

// German whatever locale a browser stored from the time there was a switch.
export const i18nProvider = polyglotI18nProvider(() => german, 'de', [{ locale: 'de', name: 'Deutsch' }]);
