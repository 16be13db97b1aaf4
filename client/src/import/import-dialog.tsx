import { useState, type FormEvent } from 'react';
import type { ApiClient, ImportLayer, ImportQuery } from '../api';
import { useI18n } from '../i18n';
import { ImportOutcome, type Outcome } from './import-outcome';
import {
  badRows,
  badRowsOfCheck,
  CONTENT_TYPES,
  formatOf,
  IMPORT_LAYERS,
  importQuery,
} from './import-request';
import './import-dialog.css';

interface Props {
  api: ApiClient;
  onClose: () => void;
  /** The layer was written: the map must load it again. */
  onImported: (layer: ImportLayer) => void;
}

type Options = Omit<ImportQuery, 'dryRun'>;

/** Imports a utility report: a dry run first, showing the counts or every bad row, then the import itself. */
export function ImportDialog({ api, onClose, onImported }: Props) {
  const { t } = useI18n();
  const d = t.importDialog;
  const [layer, setLayer] = useState<ImportLayer>('sites');
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<Options>({ crs: 'wgs84', encoding: 'utf8' });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const format = file && formatOf(file.name);
  // Only a clean dry run of exactly what is chosen now may be committed.
  const checked = outcome?.kind === 'counts' && outcome.dryRun;
  const changed = () => setOutcome(null);

  const send = (dryRun: boolean) => {
    if (!file || !format) return;
    setBusy(true);
    api
      .importLayer(layer, file, CONTENT_TYPES[format], importQuery(format, options, dryRun))
      .then((result) => {
        const rows = badRowsOfCheck(result);
        setOutcome(rows ? { kind: 'bad-rows', rows } : { kind: 'counts', dryRun, result });
        if (!dryRun) onImported(layer);
      })
      .catch((error: unknown) => {
        const rows = badRows(error);
        setOutcome(
          rows
            ? { kind: 'bad-rows', rows }
            : { kind: 'failed', message: String((error as Error).message ?? error) },
        );
      })
      .finally(() => setBusy(false));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(true);
  };

  return (
    <div className="modal" role="presentation">
      <form
        className="modal__dialog form"
        role="dialog"
        aria-label={d.title}
        data-testid="import-dialog"
        onSubmit={submit}
      >
        <header className="floating-panel__header">
          <h2 className="feature-details__title">{d.title}</h2>
          <button type="button" className="floating-panel__close" aria-label={t.close} onClick={onClose}>
            ×
          </button>
        </header>
        <label>
          {d.layer}
          <select
            data-testid="import-layer"
            value={layer}
            onChange={(e) => {
              setLayer(e.target.value as ImportLayer);
              changed();
            }}
          >
            {IMPORT_LAYERS.map((l) => (
              <option key={l} value={l}>
                {t.layerNames[l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {d.file}
          <input
            data-testid="import-file"
            type="file"
            accept=".geojson,.json,.csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              changed();
            }}
          />
          {file && !format && <span className="form__problem">{d.badFile}</span>}
        </label>
        <label>
          {d.encoding}
          <select
            data-testid="import-encoding"
            value={options.encoding}
            disabled={format !== 'csv'}
            onChange={(e) => {
              setOptions((o) => ({ ...o, encoding: e.target.value as Options['encoding'] }));
              changed();
            }}
          >
            <option value="utf8">UTF-8</option>
            <option value="gb18030">GB 18030</option>
          </select>
        </label>
        <label>
          {d.crs}
          <select
            data-testid="import-crs"
            value={options.crs}
            onChange={(e) => {
              setOptions((o) => ({ ...o, crs: e.target.value as Options['crs'] }));
              changed();
            }}
          >
            <option value="wgs84">{d.wgs84}</option>
            <option value="gcj02">{d.gcj02}</option>
          </select>
        </label>
        <div className="modal__actions">
          <button type="submit" className="button" data-testid="import-check" disabled={!format || busy}>
            {d.check}
          </button>
          <button
            type="button"
            className="button button--primary"
            data-testid="import-commit"
            disabled={!checked || busy}
            onClick={() => send(false)}
          >
            {d.commit}
          </button>
        </div>
        {outcome && <ImportOutcome outcome={outcome} />}
      </form>
    </div>
  );
}
