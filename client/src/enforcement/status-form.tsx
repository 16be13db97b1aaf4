import { useState, type FormEvent } from 'react';
import { ApiError, type ApiClient, type ApiFeature, type AttachmentOut } from '../api';
import { fill, useI18n } from '../i18n';
import { pointOf } from '../point-of';
import { zoneOf } from '../selection/selection';
import { useSelection } from '../selection/use-selection';
import { nextStatuses, statusChangeBody, type StatusFields } from './status-options';
import { useContainingZones } from './use-containing-zones';

interface Props {
  api: ApiClient;
  site: ApiFeature<'sites'>;
  onChanged: () => void;
  /** The site was changed by someone else: it must be reloaded, and the user told. */
  onConflict: () => void;
}

/** Records a status change: only the allowed next statuses, a required note, optionally the zone it was found in. */
export function StatusForm({ api, site, onChanged, onConflict }: Props) {
  const { t } = useI18n();
  const [fields, setFields] = useState<StatusFields>({ status: '', note: '', zoneId: null });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [evidence, setEvidence] = useState<AttachmentOut[]>([]);
  const [uploading, setUploading] = useState<string | null>(null);
  // 'auto' until the user picks: the open zone when it holds the site, else the first zone that holds it.
  const [zoneChoice, setZoneChoice] = useState<number | null | 'auto'>('auto');
  const zones = useContainingZones(api, site.id, pointOf(site));
  const openZone = zoneOf(useSelection());
  const preferredZone = zones.data?.find((z) => z.id === openZone)?.id ?? zones.data?.[0]?.id ?? null;
  const zoneId = zoneChoice === 'auto' ? preferredZone : zoneChoice;
  const options = nextStatuses(site.properties.status);
  const fieldsBody = statusChangeBody({ ...fields, zoneId }, site.properties.version);
  const body =
    fieldsBody && evidence.length ? { ...fieldsBody, attachmentIds: evidence.map((a) => a.id) } : fieldsBody;

  // Each file is uploaded as it is chosen (the server decides what it is); the change then takes them by id.
  const upload = async (files: FileList | null) => {
    setError(null);
    for (const file of Array.from(files ?? [])) {
      setUploading(file.name);
      try {
        const stored = await api.uploadAttachment(file);
        setEvidence((list) => [...list, stored]);
      } catch (e: unknown) {
        setError(`${file.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    setUploading(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body) return;
    setBusy(true);
    setError(null);
    api
      .changeStatus(site.id, body)
      .then(onChanged)
      .catch((e: unknown) => {
        setBusy(false);
        if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') onConflict();
        else setError(e instanceof Error ? e.message : String(e));
      });
  };

  if (options.length === 0) return <p className="panel-note">{t.status.noTransitions}</p>;
  return (
    <form className="form status-form" onSubmit={submit} data-testid="status-form">
      <h3 className="panel-section__title">{t.status.title}</h3>
      <label>
        {t.status.to}
        <select
          data-testid="status-select"
          value={fields.status}
          onChange={(e) => setFields((f) => ({ ...f, status: e.target.value as StatusFields['status'] }))}
        >
          <option value="">{t.status.choose}</option>
          {options.map((s) => (
            <option key={s} value={s}>
              {t.statuses[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.status.note}
        <textarea
          data-testid="status-note"
          rows={2}
          value={fields.note}
          onChange={(e) => setFields((f) => ({ ...f, note: e.target.value }))}
        />
      </label>
      <label>
        {t.status.zone}
        <select
          data-testid="status-zone"
          value={zoneId ?? ''}
          onChange={(e) => setZoneChoice(e.target.value ? Number(e.target.value) : null)}
        >
          <option value="">{t.status.noZone}</option>
          {zones.data?.map((zone) => (
            <option key={zone.id} value={zone.id}>
              {zone.properties.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.evidence.add}
        <input
          type="file"
          data-testid="evidence-upload"
          multiple
          accept="image/jpeg,image/png,image/webp,application/pdf"
          disabled={busy || uploading !== null}
          onChange={(e) => {
            void upload(e.target.files);
            e.target.value = '';
          }}
        />
      </label>
      {uploading && <p className="panel-note">{fill(t.evidence.uploading, { name: uploading })}</p>}
      {evidence.length > 0 && (
        <ul className="evidence-pending" data-testid="evidence-pending">
          {evidence.map((a) => (
            <li key={a.id}>
              {a.displayName}
              {a.flags.map((flag) => (
                <span key={flag} className="evidence-list__flag" data-flag={flag}>
                  {t.evidence[flag]}
                </span>
              ))}
              <button
                type="button"
                className="button button--small"
                aria-label={fill(t.evidence.remove, { name: a.displayName })}
                onClick={() => setEvidence((list) => list.filter((x) => x.id !== a.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="form__problem" role="alert">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary"
        data-testid="status-submit"
        disabled={!body || busy || uploading !== null}
      >
        {t.status.submit}
      </button>
    </form>
  );
}
