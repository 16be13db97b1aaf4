import { useSyncExternalStore } from 'react';

/** Below this width the panels are bottom sheets over a full-width map (docs/ui.md). */
export const PHONE_QUERY = '(max-width: 700px)';
/** Below this width the side panel starts closed, so that the map keeps most of the screen. */
export const COMPACT_QUERY = '(max-width: 899px)';

const matches = (query: string) => typeof window !== 'undefined' && window.matchMedia(query).matches;

/** Whether a media query matches now, re-rendered when it changes (a phone turned, a window resized). */
export function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => matches(query),
    () => false,
  );
}

export const isCompactScreen = () => matches(COMPACT_QUERY);
