import type { SignatureList } from '../api';
import { fill, localName, useI18n } from '../i18n';
import type { QueryState } from '../server-state/use-api-query';
import { signatureReason } from './signature-reason';

/** How many substations the list shows: those with a step, strongest first. */
export const SIGNATURE_LIMIT = 15;

interface Props {
  open: boolean;
  onOpen: (open: boolean) => void;
  list: QueryState<SignatureList>;
  selected: number | null;
  onChoose: (substationId: number) => void;
}

/**
 * The meters ranked by mining signatures as of the map's day (docs/detection.md), each with why, in words; a row
 * opens its substation (and its readings chart) and flies to it.
 */
export function SignaturePanel({ open, onOpen, list, selected, onChoose }: Props) {
  const { t, locale } = useI18n();
  const s = t.signatures;
  const all = list.data?.substations ?? [];
  const shown = all.filter((r) => r.signature !== 'none').slice(0, SIGNATURE_LIMIT);
  const rest = all.length - shown.length;
  return (
    <section className="panel-section" data-testid="analysis-signatures" aria-labelledby="signatures-title">
      <h2 id="signatures-title" className="panel-section__title">
        {s.title}
      </h2>
      <p className="panel-note">{s.subtitle}</p>
      <label className="analysis-toggle">
        <input
          type="checkbox"
          data-testid="signatures-toggle"
          checked={open}
          aria-controls={open ? 'signature-list' : undefined}
          onChange={(e) => onOpen(e.target.checked)}
        />
        {s.toggle}
      </label>
      {open && (
        <>
          {list.error && (
            <p className="panel-note panel-note--error" role="alert">
              {fill(t.loadFailed, { what: s.title, message: list.error.message })}
            </p>
          )}
          {!list.data && list.loading && <p className="panel-note">{t.loading}</p>}
          {list.data && shown.length === 0 && <p className="panel-note">{s.empty}</p>}
          <ol
            id="signature-list"
            className="signatures"
            data-testid="signature-list"
            data-as-of={list.data?.asOf}
            aria-label={s.list}
            aria-busy={list.loading}
          >
            {shown.map((r) => (
              <li key={r.substationId}>
                <button
                  type="button"
                  className="signatures__row"
                  data-testid="signature-row"
                  data-substation-id={r.substationId}
                  data-signature={r.signature}
                  aria-pressed={selected === r.substationId}
                  onClick={() => onChoose(r.substationId)}
                >
                  <span className="signatures__head">
                    <span className="signatures__rank">{r.rank}</span>
                    <span className="signatures__name">{localName(r, locale)}</span>
                    <span className={`signatures__kind signatures__kind--${r.signature}`}>
                      {s.kinds[r.signature]}
                    </span>
                  </span>
                  <span className="signatures__reason" data-testid="signature-reason">
                    {signatureReason(r, list.data!.asOf, t, locale)}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          {list.data && rest > 0 && <p className="panel-note">{fill(s.rest, { count: rest })}</p>}
        </>
      )}
    </section>
  );
}
