import { useEffect, useState } from 'react';
import type { ApiClient, SearchHit } from '../api';

/** Waits for a pause in the typing, so the API is asked once per word rather than once per key. */
const DEBOUNCE_MS = 200;
const LIMIT = 10;

/** The hits for `text` (none for blank text); a later text's request aborts the earlier one's. */
export function useSearch(api: ApiClient, text: string): SearchHit[] {
  const [hits, setHits] = useState<{ q: string; hits: SearchHit[] }>({ q: '', hits: [] });
  const q = text.trim();
  useEffect(() => {
    if (!q) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .search(q, LIMIT, controller.signal)
        .then((found) => setHits({ q, hits: found }))
        // A failed search shows no hits; the box stays usable for the next try.
        .catch(() => {
          if (!controller.signal.aborted) setHits({ q, hits: [] });
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, q]);
  return q && hits.q === q ? hits.hits : [];
}
