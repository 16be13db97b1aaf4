import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createDataChangedSignal, DataChangedContext } from './data-changed';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // An answer is asked for when it is shown and again after a write of ours invalidates it; a failure shows at
      // once, as the panels always did.
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
    },
  });
}

/** The cache of the API's answers and the signal of writes; one per session, so a new user starts empty. */
export function ServerStateProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  const [dataChanged] = useState(createDataChangedSignal);
  return (
    <QueryClientProvider client={client}>
      <DataChangedContext value={dataChanged}>{children}</DataChangedContext>
    </QueryClientProvider>
  );
}
