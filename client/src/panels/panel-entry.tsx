interface Props {
  /** The heading's id (the section is labelled by it) and the button's test id. */
  id: string;
  testId: string;
  title: string;
  hint: string;
  openLabel: string;
  closeLabel: string;
  open: boolean;
  onOpen: (open: boolean) => void;
}

/** A sidebar section whose one button opens or closes a panel over the map (progress, reports). */
export function PanelEntry({ id, testId, title, hint, openLabel, closeLabel, open, onOpen }: Props) {
  return (
    <section className="panel-section" aria-labelledby={id}>
      <h2 id={id} className="panel-section__title">
        {title}
      </h2>
      <p className="panel-note">{hint}</p>
      <button
        type="button"
        className="button"
        data-testid={testId}
        aria-expanded={open}
        onClick={() => onOpen(!open)}
      >
        {open ? closeLabel : openLabel}
      </button>
    </section>
  );
}
