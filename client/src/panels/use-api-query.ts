import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api';

export interface QueryState<T> {
  /** The answer to the current key, or while it loads the answer to the previous one (so panels do not blink). */
  data: T | null;
  loading: boolean;
  error: ApiError | null;
}

type Settled<T> = { key: string; data: T; error: null } | { key: string; data: null; error: ApiError };

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError(0, { code: 'CLIENT', message: String(error), details: [] });
}

/**
 * Runs `run` whenever `key` changes (none while it is null), aborting the request of the previous key, so an
 * answer that arrives late never replaces the answer to what is asked now.
 */
export function useApiQuery<T>(key: string | null, run: (signal: AbortSignal) => Promise<T>): QueryState<T> {
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const [last, setLast] = useState<T | null>(null);
  // `run` is a new closure on every render: the key, not the closure, says when to ask again.
  const latestRun = useRef(run);
  useEffect(() => {
    latestRun.current = run;
  });
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    latestRun
      .current(controller.signal)
      .then((data) => {
        setSettled({ key, data, error: null });
        setLast(data);
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setSettled({ key, data: null, error: asApiError(error) });
      });
    return () => controller.abort();
  }, [key]);
  if (key === null) return { data: null, loading: false, error: null };
  if (settled?.key === key) return { data: settled.data, loading: false, error: settled.error };
  return { data: last, loading: true, error: null };
}
