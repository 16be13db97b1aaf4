import { useI18n } from '../i18n';
import { PanelEntry } from '../panels/panel-entry';

/** The sidebar's way into the periodic reports (logged-in users: the reports are not public). */
export function ReportsEntry({ open, onOpen }: { open: boolean; onOpen: (open: boolean) => void }) {
  const { t } = useI18n();
  const r = t.reports;
  return (
    <PanelEntry
      id="reports-entry-title"
      testId="reports-open"
      title={r.entry}
      hint={r.entryHint}
      openLabel={r.openPanel}
      closeLabel={r.close}
      open={open}
      onOpen={onOpen}
    />
  );
}
