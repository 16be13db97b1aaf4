import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { ReportOut } from '@gridwatch/contract';
import { ApiError } from '../api';

/** The reads a report write changes: the lists, the report, the overview. */
const REPORT_READS = new Set(['reports', 'report', 'reports-overview']);

/**
 * Runs one report write at a time: busy while it runs, its error kept for the panel to show, and the report
 * reads refreshed after it, so the lists and the overview show the new state.
 */
export function useReportWrites(onDone: (report: ReportOut) => void) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (write: () => Promise<ReportOut>) => {
      setBusy(true);
      setError(null);
      try {
        const report = await write();
        await queryClient.invalidateQueries({
          predicate: (query) => REPORT_READS.has(String(query.queryKey[0])),
        });
        onDone(report);
      } catch (e) {
        setError(e instanceof ApiError ? e.message : String(e));
      } finally {
        setBusy(false);
      }
    },
    [queryClient, onDone],
  );
  return { busy, error, run };
}
