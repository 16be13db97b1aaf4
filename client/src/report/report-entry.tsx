import { useI18n } from '../i18n';

/** The sidebar's way to the printable report, beside the progress report's. */
export function ReportEntry({ onOpen }: { onOpen: () => void }) {
  const { t } = useI18n();
  return (
    <section className="panel-section" aria-labelledby="report-entry-title">
      <h2 id="report-entry-title" className="panel-section__title">
        {t.report.open}
      </h2>
      <p className="panel-note">{t.report.openHint}</p>
      <button
        type="button"
        className="button"
        data-testid="print-report"
        aria-haspopup="dialog"
        onClick={onOpen}
      >
        {t.report.open}
      </button>
    </section>
  );
}
