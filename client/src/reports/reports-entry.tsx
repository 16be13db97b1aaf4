import { useI18n } from '../i18n';

interface Props {
  open: boolean;
  onOpen: (open: boolean) => void;
}

/** The sidebar's way into the periodic reports (logged-in users: the reports are not public). */
export function ReportsEntry({ open, onOpen }: Props) {
  const { t } = useI18n();
  return (
    <section className="panel-section" aria-labelledby="reports-entry-title">
      <h2 id="reports-entry-title" className="panel-section__title">
        {t.reports.entry}
      </h2>
      <p className="panel-note">{t.reports.entryHint}</p>
      <button
        type="button"
        className="button"
        data-testid="reports-open"
        aria-expanded={open}
        onClick={() => onOpen(!open)}
      >
        {open ? t.reports.close : t.reports.openPanel}
      </button>
    </section>
  );
}
