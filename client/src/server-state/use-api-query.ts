import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { ApiError } from '../api';

export interface QueryState<T> {
  /** The answer to the current key, or while it loads the answer to the previous one (so panels do not blink). */
  data: T | null;
  loading: boolean;
  error: ApiError | null;
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError(0, { code: 'CLIENT', message: String(error), details: [] });
}

/**
 * One read of the API through the query cache, under `key` (none while it is null). TanStack Query aborts the
 * request of a key no longer shown, so an answer that arrives late never replaces the answer to what is asked now.
 */
export function useApiQuery<T>(
  key: QueryKey | null,
  run: (signal: AbortSignal) => Promise<T>,
): QueryState<T> {
  const query = useQuery({
    queryKey: key ?? ['disabled'],
    queryFn: ({ signal }) => run(signal),
    enabled: key !== null,
    placeholderData: keepPreviousData,
  });
  if (key === null) return { data: null, loading: false, error: null };
  return {
    data: query.data ?? null,
    loading: query.isFetching,
    error: query.error ? asApiError(query.error) : null,
  };
}
