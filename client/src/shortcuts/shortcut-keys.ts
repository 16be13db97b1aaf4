/** The app's keyboard shortcuts, in the order the help sheet lists them. */
export const SHORTCUTS = ['search', 'language', 'help', 'close'] as const;
export type Shortcut = (typeof SHORTCUTS)[number];

export const SHORTCUT_KEYS: Readonly<Record<Shortcut, string>> = {
  search: '/',
  language: 'l',
  help: '?',
  close: 'Escape',
};

/** Keys typed into a field are text, not shortcuts; Escape still closes the help sheet from anywhere. */
export function shortcutOf(key: string, inField: boolean, modified: boolean): Shortcut | null {
  if (modified) return null;
  if (key === SHORTCUT_KEYS.close) return 'close';
  if (inField) return null;
  return SHORTCUTS.find((s) => SHORTCUT_KEYS[s] === key) ?? null;
}
