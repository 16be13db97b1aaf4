import { useEffect, useRef } from 'react';
import { shortcutOf, type Shortcut } from './shortcut-keys';

const isField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));

/** Calls `onShortcut` for the app's shortcut keys pressed anywhere on the page. */
export function useShortcuts(onShortcut: (shortcut: Shortcut) => void): void {
  const handler = useRef(onShortcut);
  useEffect(() => {
    handler.current = onShortcut;
  }, [onShortcut]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutOf(
        event.key,
        isField(event.target),
        event.ctrlKey || event.altKey || event.metaKey,
      );
      if (!shortcut || shortcut === 'close') {
        if (shortcut) handler.current(shortcut);
        return;
      }
      event.preventDefault();
      handler.current(shortcut);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
