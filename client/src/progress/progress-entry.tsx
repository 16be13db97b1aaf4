import { useI18n } from '../i18n';

interface Props {
  open: boolean;
  onOpen: (open: boolean) => void;
}

/** The sidebar's way into the progress report, which needs the map's width for its table and chart. */
export function ProgressEntry({ open, onOpen }: Props) {
  const { t } = useI18n();
  return (
    <section className="panel-section" aria-labelledby="progress-entry-title">
      <h2 id="progress-entry-title" className="panel-section__title">
        {t.progress.title}
      </h2>
      <p className="panel-note">{t.progress.openHint}</p>
      <button
        type="button"
        className="button"
        data-testid="progress-open"
        aria-expanded={open}
        onClick={() => onOpen(!open)}
      >
        {open ? t.progress.close : t.progress.open}
      </button>
    </section>
  );
}
