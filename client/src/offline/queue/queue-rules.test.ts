import { describe, expect, it } from 'vitest';
import { change } from './fixtures';
import {
  canEdit,
  changeBody,
  changesOfSite,
  editChange,
  classifyFailure,
  inSendOrder,
  keepMine,
  nextSeq,
  nextToSend,
  photosToUpload,
  queueCounts,
} from './queue-rules';

const photo = (attachmentId: number | null) => ({
  name: 'p.jpg',
  type: 'image/jpeg',
  blob: 'bytes',
  attachmentId,
});

describe('the order of sending', () => {
  it('sends oldest first, ties by id', () => {
    const list = [change({ id: 'c', seq: 3 }), change({ id: 'b', seq: 1 }), change({ id: 'a', seq: 1 })];
    expect(inSendOrder(list).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });

  it("sends only the user's own pending changes, skipping those tried in this run", () => {
    const list = [
      change({ id: 'conflict', seq: 1, state: 'conflict' }),
      change({ id: 'other', seq: 2, username: 'someone' }),
      change({ id: 'rejected', seq: 3, state: 'rejected' }),
      change({ id: 'mine', seq: 4 }),
      change({ id: 'later', seq: 5 }),
    ];
    expect(nextToSend(list, 'crew')?.id).toBe('mine');
    expect(nextToSend(list, 'crew', new Set(['mine']))?.id).toBe('later');
    expect(nextToSend(list, 'crew', new Set(['mine', 'later']))).toBeNull();
    expect(nextToSend(list, 'someone')?.id).toBe('other');
  });

  it('makes strictly increasing sequence numbers even within one millisecond', () => {
    const a = nextSeq(1000);
    const b = nextSeq(1000);
    expect(b).toBeGreaterThan(a);
    expect(nextSeq(a - 500)).toBeGreaterThan(b);
  });
});

describe('the body sent', () => {
  it('carries the version it was made against, the note, the zone, the photos and the field time', () => {
    const entry = change({ zoneId: 4, photos: [photo(11), photo(12)] });
    expect(changeBody(entry)).toEqual({
      status: 'SHUT_DOWN',
      note: 'machines off, meter read',
      version: 3,
      zoneId: 4,
      attachmentIds: [11, 12],
      observedAt: '2026-12-03T06:03:00.000Z',
    });
  });

  it('leaves the field time out of a change first tried online, so its resend is the same request', () => {
    expect(changeBody(change({ sendObservedAt: false }))).toEqual({
      status: 'SHUT_DOWN',
      note: 'machines off, meter read',
      version: 3,
    });
  });

  it('refuses to build a body before every photo is uploaded, and says which are left', () => {
    const entry = change({ photos: [photo(11), photo(null), photo(null)] });
    expect(photosToUpload(entry)).toEqual([1, 2]);
    expect(() => changeBody(entry)).toThrow(/not uploaded/);
  });
});

describe("the server's answers", () => {
  const failure = (status: number, code = 'X', paths: string[] = []) => ({
    status,
    code,
    message: `refused: ${code}`,
    paths,
  });

  it('keeps a change queued when there was no answer, a server error, no session or a rate limit', () => {
    for (const status of [0, 500, 502, 503, 401, 408, 429]) {
      expect(classifyFailure(failure(status))).toEqual({ kind: 'retry' });
    }
  });

  it('makes a stale version a conflict', () => {
    expect(classifyFailure(failure(409, 'VERSION_CONFLICT'))).toEqual({ kind: 'conflict' });
  });

  it('uploads the photos again when the server no longer has the uploads', () => {
    expect(classifyFailure(failure(400, 'VALIDATION_FAILED', ['/attachmentIds/0']))).toEqual({
      kind: 'reupload',
    });
  });

  it("rejects with the server's message whatever else it refuses", () => {
    expect(classifyFailure(failure(409, 'TRANSITION_NOT_ALLOWED'))).toEqual({
      kind: 'rejected',
      message: 'refused: TRANSITION_NOT_ALLOWED',
    });
    expect(classifyFailure(failure(422, 'OBSERVED_AT_INVALID', ['/observedAt']))).toMatchObject({
      kind: 'rejected',
    });
    expect(classifyFailure(failure(403, 'FORBIDDEN'))).toMatchObject({ kind: 'rejected' });
    expect(classifyFailure(failure(404, 'NOT_FOUND'))).toMatchObject({ kind: 'rejected' });
  });
});

describe('keep mine', () => {
  const conflict = change({ state: 'conflict', photos: [photo(11)], sendObservedAt: false });

  it('makes the change again from the current status: new key, current version, photos to upload again', () => {
    const kept = keepMine(conflict, { status: 'SHUTDOWN_ORDERED', version: 9 }, 'b', 50);
    expect(kept).toEqual({
      ok: true,
      entry: {
        ...conflict,
        id: 'b',
        seq: 50,
        version: 9,
        fromStatus: 'SHUTDOWN_ORDERED',
        sendObservedAt: true,
        photos: [photo(null)],
        state: 'pending',
        problem: null,
        attempted: false,
      },
    });
  });

  it('is refused when the server has that status already or the transition is not allowed from it', () => {
    expect(keepMine(conflict, { status: 'SHUT_DOWN', version: 9 }, 'b', 50)).toEqual({
      ok: false,
      reason: 'SAME_STATUS',
    });
    expect(keepMine(conflict, { status: 'LICENSED', version: 9 }, 'b', 50)).toEqual({
      ok: false,
      reason: 'NOT_ALLOWED',
    });
  });
});

describe('what the crew sees', () => {
  it("lists a site's waiting changes and counts what needs the crew", () => {
    const list = [
      change({ id: 'x', siteId: 1, seq: 2 }),
      change({ id: 'y', siteId: 2, state: 'conflict' }),
      change({ id: 'z', siteId: 1, seq: 1, state: 'rejected' }),
    ];
    expect(changesOfSite(list, 1).map((e) => e.id)).toEqual(['z', 'x']);
    expect(queueCounts(list)).toEqual({ total: 3, pending: 1, conflicts: 1, rejected: 1 });
  });
});

describe('editing a waiting change', () => {
  const waiting = change({ id: 'k1', seq: 4, fromStatus: 'SHUTDOWN_ORDERED', status: 'SHUT_DOWN' });
  const photo = { name: 'b.jpg', type: 'image/jpeg', blob: 'b', attachmentId: null };

  it('changes the status, note and photos, and keeps the id (its key), the place in the queue and the field time', () => {
    const edited = editChange(waiting, { status: 'SHUT_DOWN', note: '  racks gone  ', photos: [photo] });
    expect(edited).toEqual({
      ok: true,
      entry: { ...waiting, note: 'racks gone', photos: [photo] },
    });
    if (!edited.ok) return;
    expect([edited.entry.id, edited.entry.seq, edited.entry.observedAt]).toEqual([
      'k1',
      4,
      waiting.observedAt,
    ]);
    expect(
      inSendOrder([change({ id: 'k0', seq: 3 }), edited.entry, change({ id: 'k2', seq: 5 })]).map(
        (e) => e.id,
      ),
    ).toEqual(['k0', 'k1', 'k2']);
  });

  it("checks the server's rules as the form does: an allowed next status, a note", () => {
    expect(editChange(waiting, { status: 'LICENSED', note: 'x', photos: [] })).toEqual({
      ok: false,
      reason: 'NOT_ALLOWED',
    });
    expect(editChange(waiting, { status: 'SHUT_DOWN', note: '   ', photos: [] })).toEqual({
      ok: false,
      reason: 'NO_NOTE',
    });
  });

  it('never edits a change the server may have recorded, or one that came back', () => {
    for (const entry of [
      change({ sendObservedAt: false }),
      change({ attempted: true }),
      change({ state: 'conflict' }),
      change({ state: 'rejected' }),
    ]) {
      expect(canEdit(entry)).toBe(false);
      expect(editChange(entry, { status: 'SHUT_DOWN', note: 'x', photos: [] })).toEqual({
        ok: false,
        reason: 'NOT_EDITABLE',
      });
    }
    expect(canEdit(waiting)).toBe(true);
  });
});
