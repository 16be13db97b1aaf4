import { useEffect, useState } from 'react';
import type { ApiClient, SearchHit } from '../api';
import { queryKey } from '../server-state/query-keys';
import { useApiQuery } from '../server-state/use-api-query';

/** Waits for a pause in the typing, so the API is asked once per word rather than once per key. */
const DEBOUNCE_MS = 200;
const LIMIT = 10;

/** The hits for `text` (none for blank text); a later text's request aborts the earlier one's. */
export function useSearch(api: ApiClient, text: string): SearchHit[] {
  const q = text.trim();
  const [asked, setAsked] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setAsked(q), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q]);
  // A failed search shows no hits; the box stays usable for the next try.
  const hits = useApiQuery(asked ? queryKey('search', asked, LIMIT) : null, (signal) =>
    api.search(asked, LIMIT, signal),
  );
  return q && asked === q && !hits.loading ? (hits.data ?? []) : [];
}
