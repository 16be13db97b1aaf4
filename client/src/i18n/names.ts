import type { Locale } from './i18n';

/** The name to show in the chosen language, when the feature has one in it. */
export function localName(props: { name?: string | null; nameZh?: string | null }, locale: Locale): string {
  const preferred = locale === 'zh' ? props.nameZh : props.name;
  return preferred || props.name || props.nameZh || '';
}
