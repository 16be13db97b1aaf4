export { I18nProvider, useI18n, fill, LOCALES, type Locale } from './i18n';
export { localName } from './names';
export type { Messages } from './en';
