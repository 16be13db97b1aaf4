import { useState } from 'react';
import { useI18n } from '../i18n';
import { SEARCH_INPUT_ID } from '../panels/search-box';
import { ShortcutHelp } from './shortcut-help';
import { useShortcuts } from './use-shortcuts';

/** The app's keyboard shortcuts, and the button that opens their help sheet (also opened with ?). */
export function Shortcuts() {
  const { t, locale, setLocale } = useI18n();
  const [help, setHelp] = useState(false);
  useShortcuts((shortcut) => {
    if (shortcut === 'search') document.getElementById(SEARCH_INPUT_ID)?.focus();
    if (shortcut === 'language') setLocale(locale === 'en' ? 'zh' : 'en');
    if (shortcut === 'help') setHelp(true);
    if (shortcut === 'close') setHelp(false);
  });
  return (
    <>
      <button
        type="button"
        className="shortcuts-open"
        data-testid="shortcuts-open"
        aria-haspopup="dialog"
        aria-label={t.shortcuts.open}
        title={t.shortcuts.open}
        onClick={() => setHelp(true)}
      >
        ?
      </button>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </>
  );
}
