import { useEffect, type RefObject } from 'react';

/**
 * A full-page overlay's keyboard: the page behind it is made inert while it is open (so Tab stays in it), the
 * focus moves into it, Escape closes it, and the focus goes back where it was on close.
 */
export function useOverlayFocus(overlay: RefObject<HTMLElement | null>, onClose: () => void): void {
  useEffect(() => {
    const element = overlay.current;
    if (!element) return;
    const behind = [...(element.parentElement?.children ?? [])].filter(
      (e): e is HTMLElement => e instanceof HTMLElement && e !== element && !e.inert,
    );
    for (const e of behind) e.inert = true;
    const previous = document.activeElement;
    element.focus();
    return () => {
      for (const e of behind) e.inert = false;
      if (previous instanceof HTMLElement) previous.focus();
    };
  }, [overlay]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onClose]);
}
