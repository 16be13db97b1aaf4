import { useI18n } from '../i18n';
import { PanelEntry } from '../panels/panel-entry';

/** The sidebar's way into the progress report, which needs the map's width for its table and chart. */
export function ProgressEntry({ open, onOpen }: { open: boolean; onOpen: (open: boolean) => void }) {
  const { t } = useI18n();
  const p = t.progress;
  return (
    <PanelEntry
      id="progress-entry-title"
      testId="progress-open"
      title={p.title}
      hint={p.openHint}
      openLabel={p.open}
      closeLabel={p.close}
      open={open}
      onOpen={onOpen}
    />
  );
}
