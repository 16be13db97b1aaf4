import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n';
import { SHORTCUT_KEYS, SHORTCUTS } from './shortcut-keys';

/** The help sheet of the shortcuts, a modal dialog: the browser keeps the focus in it and Escape closes it. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="shortcut-help"
      data-testid="shortcuts-help"
      aria-labelledby="shortcuts-title"
      onClose={onClose}
    >
      <h2 id="shortcuts-title">{t.shortcuts.title}</h2>
      <dl>
        {SHORTCUTS.map((s) => (
          <div key={s}>
            <dt>
              <kbd>{SHORTCUT_KEYS[s] === 'Escape' ? 'Esc' : SHORTCUT_KEYS[s]}</kbd>
            </dt>
            <dd>{t.shortcutNames[s]}</dd>
          </div>
        ))}
      </dl>
      <p className="panel-note">{t.shortcuts.searchKeys}</p>
      <button type="button" className="button" onClick={onClose}>
        {t.close}
      </button>
    </dialog>
  );
}
