import { useEffect, useRef } from 'react';
import { decodeView, encodeView, type ViewState } from './view-url';

/**
 * Keeps the address in step with the view: each settled change (the camera is only reported when the map comes
 * to rest) is a new history entry, so back and forward step through views. On load, and on back or forward,
 * `onRestore` is given the view the address holds.
 */
export function useViewUrl(view: ViewState, onRestore: (view: ViewState) => void): void {
  const search = encodeView(view);
  const restore = useRef(onRestore);
  useEffect(() => {
    restore.current = onRestore;
  }, [onRestore]);
  // The view being restored, until the app shows it: the renders before that must not overwrite the address.
  const restoring = useRef<string | null>(null);

  useEffect(() => {
    const fromAddress = () => {
      const restored = decodeView(window.location.search);
      restoring.current = encodeView(restored);
      restore.current(restored);
    };
    fromAddress();
    window.addEventListener('popstate', fromAddress);
    return () => window.removeEventListener('popstate', fromAddress);
  }, []);

  useEffect(() => {
    if (restoring.current !== null) {
      if (search !== restoring.current) return;
      restoring.current = null;
    }
    if (search === window.location.search) return;
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    // An address without a camera is the plain map's first view, not a view of its own to go back to.
    if (decodeView(window.location.search).camera) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, [search]);
}
