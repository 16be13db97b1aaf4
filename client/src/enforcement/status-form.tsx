import { EVIDENCE_ACCEPT } from '@gridwatch/contract';
import { useState, type FormEvent } from 'react';
import { ApiError, type ApiClient, type ApiFeature, type AttachmentOut } from '../api';
import { fill, useI18n } from '../i18n';
import { enqueue } from '../offline/queue/offline-queue';
import { changeBody, nextSeq, type QueuedChange } from '../offline/queue/queue-rules';
import { pointOf } from '../point-of';
import { zoneOf } from '../selection/selection';
import { useSelection } from '../selection/use-selection';
import { nextStatuses, statusChangeBody, type StatusFields } from './status-options';
import { useContainingZones } from './use-containing-zones';

interface Props {
  api: ApiClient;
  site: ApiFeature<'sites'>;
  /** Who records it: a change kept for later is sent by their session only. */
  username: string;
  onChanged: () => void;
  /** No network: the change was kept in the offline queue (docs/offline.md). */
  onQueued: () => void;
  /** The site was changed by someone else: it must be reloaded, and the user told. */
  onConflict: () => void;
}

/** A chosen file: uploaded at once when there is a network, else kept to go with the change in the queue. */
interface Evidence {
  file: File;
  uploaded: AttachmentOut | null;
}

const noNetwork = (e: unknown) => e instanceof ApiError && e.status === 0;

/**
 * Records a status change: only the allowed next statuses, a required note, optionally the zone it was found in and
 * evidence. Without a network (the browser says so, or the request gets no answer) the change and its photos go to
 * the offline queue instead (offline/queue/), under the same key, so a change that did reach the server is not
 * recorded twice when the queue sends it again.
 */
export function StatusForm({ api, site, username, onChanged, onQueued, onConflict }: Props) {
  const { t } = useI18n();
  const [fields, setFields] = useState<StatusFields>({ status: '', note: '', zoneId: null });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [evidence, setEvidence] = useState<Evidence[]>([]);
  const [uploading, setUploading] = useState<string | null>(null);
  // 'auto' until the user picks: the open zone when it holds the site, else the first zone that holds it.
  const [zoneChoice, setZoneChoice] = useState<number | null | 'auto'>('auto');
  const zones = useContainingZones(api, site.id, pointOf(site));
  const openZone = zoneOf(useSelection());
  const preferredZone = zones.data?.find((z) => z.id === openZone)?.id ?? zones.data?.[0]?.id ?? null;
  const zoneId = zoneChoice === 'auto' ? preferredZone : zoneChoice;
  const options = nextStatuses(site.properties.status);
  const body = statusChangeBody({ ...fields, zoneId }, site.properties.version);

  // Each file is uploaded as it is chosen (the server decides what it is); the change then takes them by id.
  // Offline, it is kept as it is and uploaded by the queue before the change.
  const upload = async (files: FileList | null) => {
    setError(null);
    for (const file of Array.from(files ?? [])) {
      if (!navigator.onLine) {
        setEvidence((list) => [...list, { file, uploaded: null }]);
        continue;
      }
      setUploading(file.name);
      try {
        const stored = await api.uploadAttachment(file);
        setEvidence((list) => [...list, { file, uploaded: stored }]);
      } catch (e: unknown) {
        if (noNetwork(e)) setEvidence((list) => [...list, { file, uploaded: null }]);
        else setError(`${file.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    setUploading(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body) return;
    setBusy(true);
    setError(null);
    const change: QueuedChange = {
      id: crypto.randomUUID(),
      seq: nextSeq(),
      username,
      siteId: site.id,
      siteName: site.properties.name,
      at: pointOf(site),
      fromStatus: site.properties.status,
      version: body.version,
      status: body.status,
      note: body.note ?? '',
      zoneId: body.zoneId ?? null,
      observedAt: new Date().toISOString(),
      sendObservedAt: true,
      photos: evidence.map(({ file, uploaded }) => ({
        name: file.name,
        type: file.type,
        blob: file,
        attachmentId: uploaded?.id ?? null,
      })),
      state: 'pending',
      problem: null,
    };
    const keep = (queued: QueuedChange) =>
      enqueue(queued)
        .then(onQueued)
        .catch((e: unknown) => {
          setBusy(false);
          setError(e instanceof Error ? e.message : String(e));
        });
    // Offline, or a photo still to upload: the queue sends it (the page sends the queue when the network is back).
    if (!navigator.onLine || evidence.some((e) => e.uploaded === null)) {
      void keep(change);
      return;
    }
    // Online, a change is the request the queue would send, without the field time (it is now): if its answer is
    // lost, the queue sends the same request under the same key, and the server answers it once.
    const sent = { ...change, sendObservedAt: false };
    api
      .changeStatus(site.id, changeBody(sent), sent.id)
      .then(onChanged)
      .catch((e: unknown) => {
        if (noNetwork(e)) return keep(sent);
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
          accept={EVIDENCE_ACCEPT}
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
          {evidence.map((item, i) => (
            <li key={`${i}/${item.file.name}`} data-kept={item.uploaded === null || undefined}>
              {item.uploaded?.displayName ?? item.file.name}
              {item.uploaded?.flags.map((flag) => (
                <span key={flag} className="evidence-list__flag" data-flag={flag}>
                  {t.evidence[flag]}
                </span>
              ))}
              {item.uploaded === null && <span className="evidence-list__flag">{t.queue.photoKept}</span>}
              <button
                type="button"
                className="button button--small"
                aria-label={fill(t.evidence.remove, { name: item.uploaded?.displayName ?? item.file.name })}
                onClick={() => setEvidence((list) => list.filter((x) => x !== item))}
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
