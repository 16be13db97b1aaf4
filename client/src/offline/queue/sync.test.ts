import type { StatusChangeBody } from '@gridwatch/contract';
import { describe, expect, it } from 'vitest';
import { change, memoryStorage } from './fixtures';
import type { Failure, QueuedPhoto } from './queue-rules';
import { syncQueue, type Sender } from './sync';

/** A server scripted by site: each call answers the next of its site's answers (ok, or a failure). */
function scriptedServer(answers: Record<number, (Failure | 'ok')[]>, uploads: (Failure | number)[] = []) {
  const calls: string[] = [];
  const sender: Sender<string> = {
    upload: (p: QueuedPhoto<string>) => {
      calls.push(`upload ${p.name}`);
      const answer = uploads.shift() ?? 1;
      return typeof answer === 'number' ? Promise.resolve(answer) : Promise.reject(answer);
    },
    change: (siteId: number, body: StatusChangeBody, key: string) => {
      calls.push(`change ${siteId} ${key} ${JSON.stringify(body.attachmentIds ?? [])}`);
      const answer = answers[siteId]?.shift() ?? 'ok';
      return answer === 'ok' ? Promise.resolve() : Promise.reject(answer);
    },
    toFailure: (error) => error as Failure,
    newId: () => 'fresh',
  };
  return { sender, calls };
}

const fail = (status: number, code: string, paths: string[] = []): Failure => ({
  status,
  code,
  message: code,
  paths,
});

describe('syncQueue', () => {
  it('sends in order of recording, keeps conflicts and refusals for the crew, and goes on past them', async () => {
    const storage = memoryStorage([
      change({ id: 'c3', seq: 3, siteId: 3 }),
      change({ id: 'c1', seq: 1, siteId: 1 }),
      change({ id: 'c2', seq: 2, siteId: 2 }),
    ]);
    const { sender, calls } = scriptedServer({ 1: [fail(409, 'VERSION_CONFLICT')], 2: [fail(422, 'NOPE')] });
    const report = await syncQueue(storage, sender, 'crew');
    expect(calls).toEqual(['change 1 c1 []', 'change 2 c2 []', 'change 3 c3 []']);
    expect(report).toEqual({ sent: 1, conflicts: 1, rejected: 1, stopped: false });
    expect(storage.map.get('c1')?.state).toBe('conflict');
    expect(storage.map.get('c2')).toMatchObject({ state: 'rejected', problem: 'NOPE' });
    expect(storage.map.has('c3')).toBe(false);
  });

  it('stops at no answer and leaves that change and the later ones queued as they were', async () => {
    const storage = memoryStorage([
      change({ id: 'c1', seq: 1, siteId: 1 }),
      change({ id: 'c2', seq: 2, siteId: 2 }),
    ]);
    const { sender, calls } = scriptedServer({ 1: [fail(0, 'NETWORK')] });
    expect(await syncQueue(storage, sender, 'crew')).toMatchObject({ sent: 0, stopped: true });
    expect(calls).toEqual(['change 1 c1 []']);
    expect([...storage.map.values()].map((e) => e.state)).toEqual(['pending', 'pending']);
    // The change went out without an answer: it may be recorded, so it is no longer editable; the next one is.
    expect([...storage.map.values()].map((e) => e.attempted === true)).toEqual([true, false]);
  });

  it('a photo that found no network leaves the change editable (the change itself never went out)', async () => {
    const photos = [{ name: 'a.jpg', type: 'image/jpeg', blob: 'a', attachmentId: null }];
    const storage = memoryStorage([change({ id: 'c1', photos })]);
    const { sender } = scriptedServer({}, [fail(0, 'NETWORK')]);
    expect(await syncQueue(storage, sender, 'crew')).toMatchObject({ stopped: true });
    expect(storage.map.get('c1')?.attempted).toBeUndefined();
  });

  it('keeps the ids of photos uploaded before the network dropped, and uploads only the rest next time', async () => {
    const photos = ['a.jpg', 'b.jpg'].map((name) => ({
      name,
      type: 'image/jpeg',
      blob: name,
      attachmentId: null,
    }));
    const storage = memoryStorage([change({ id: 'c1', photos })]);
    const first = scriptedServer({}, [21, fail(0, 'NETWORK')]);
    expect(await syncQueue(storage, first.sender, 'crew')).toMatchObject({ stopped: true });
    expect(storage.map.get('c1')?.photos.map((p) => p.attachmentId)).toEqual([21, null]);
    const second = scriptedServer({}, [22]);
    expect(await syncQueue(storage, second.sender, 'crew')).toMatchObject({ sent: 1 });
    expect(second.calls).toEqual(['upload b.jpg', 'change 7 c1 [21,22]']);
  });

  it('uploads again under a new key once when the server purged the uploads, then gives up', async () => {
    const photos = [{ name: 'a.jpg', type: 'image/jpeg', blob: 'a', attachmentId: 5 }];
    const storage = memoryStorage([change({ id: 'c1', photos })]);
    const purged = fail(400, 'VALIDATION_FAILED', ['/attachmentIds/0']);
    const { sender, calls } = scriptedServer({ 7: [purged, purged] }, [6]);
    expect(await syncQueue(storage, sender, 'crew')).toMatchObject({ sent: 0, rejected: 1 });
    expect(calls).toEqual(['change 7 c1 [5]', 'upload a.jpg', 'change 7 fresh [6]']);
    expect([...storage.map.keys()]).toEqual(['fresh']);
    expect(storage.map.get('fresh')?.state).toBe('rejected');
  });

  it("never sends another user's changes", async () => {
    const storage = memoryStorage([change({ id: 'c1', username: 'other' })]);
    const { sender, calls } = scriptedServer({});
    expect(await syncQueue(storage, sender, 'crew')).toMatchObject({ sent: 0 });
    expect(calls).toEqual([]);
  });
});
