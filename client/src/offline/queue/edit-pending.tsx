import { EVIDENCE_ACCEPT } from '@gridwatch/contract';
import { useState, type FormEvent } from 'react';
import { fill, useI18n } from '../../i18n';
import { nextStatuses } from '../../enforcement/status-options';
import { editWaitingChange, withdrawChange, type EditOutcome } from './offline-queue';
import type { QueuedChange, QueuedPhoto } from './queue-rules';

/**
 * The crew's edit of a change still waiting in the queue (site-pending.tsx): its target status, its note, its photos
 * (a new one is kept on the device and uploaded by the queue before the change), or its withdrawal. The change keeps
 * its id and place in the queue (queue-rules.ts `editChange`); the rules are the status form's.
 */
export function EditPending({ change, onDone }: { change: QueuedChange; onDone: () => void }) {
  const { t } = useI18n();
  const q = t.queue;
  const [status, setStatus] = useState(change.status);
  const [note, setNote] = useState(change.note);
  const [photos, setPhotos] = useState<QueuedPhoto[]>(change.photos);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const explain = (outcome: EditOutcome | { ok: true }) => {
    if (outcome.ok) return onDone();
    setBusy(false);
    setProblem(
      outcome.reason === 'BUSY' ? q.editBusy : outcome.reason === 'NO_NOTE' ? q.editNoNote : q.editGone,
    );
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    void editWaitingChange(change.id, { status, note, photos }).then(explain);
  };
  const withdraw = () => {
    setBusy(true);
    setProblem(null);
    void withdrawChange(change.id).then(explain);
  };

  return (
    <form className="form edit-pending" data-testid="pending-edit-form" onSubmit={save}>
      <label>
        {t.status.to}
        <select
          data-testid="pending-edit-status"
          value={status}
          onChange={(e) => setStatus(e.target.value as QueuedChange['status'])}
        >
          {nextStatuses(change.fromStatus).map((s) => (
            <option key={s} value={s}>
              {t.statuses[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.status.note}
        <textarea
          data-testid="pending-edit-note"
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <label>
        {t.evidence.add}
        <input
          type="file"
          data-testid="pending-edit-photo"
          multiple
          accept={EVIDENCE_ACCEPT}
          disabled={busy}
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            setPhotos((list) => [
              ...list,
              ...files.map((file) => ({ name: file.name, type: file.type, blob: file, attachmentId: null })),
            ]);
            e.target.value = '';
          }}
        />
      </label>
      {photos.length > 0 && (
        <ul className="evidence-pending" data-testid="pending-edit-photos">
          {photos.map((photo, i) => (
            <li key={`${i}/${photo.name}`}>
              {photo.name}
              <button
                type="button"
                className="button button--small"
                aria-label={fill(t.evidence.remove, { name: photo.name })}
                onClick={() => setPhotos((list) => list.filter((p) => p !== photo))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className="form__problem" role="alert">
          {problem}
        </p>
      )}
      <div className="edit-pending__actions">
        <button
          type="submit"
          className="button button--primary"
          data-testid="pending-edit-save"
          disabled={busy || !note.trim()}
        >
          {q.editSave}
        </button>
        <button type="button" className="button" onClick={onDone} disabled={busy}>
          {q.editCancel}
        </button>
        <button
          type="button"
          className="button edit-pending__withdraw"
          data-testid="pending-withdraw"
          onClick={withdraw}
          disabled={busy}
        >
          {q.withdraw}
        </button>
      </div>
    </form>
  );
}
