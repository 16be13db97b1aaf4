import { describe, expect, it } from 'vitest';
import { backgroundSync, type QueueMessage, type WorkerSync } from './background-sync';
import { change, memoryStorage } from './fixtures';
import type { Failure } from './queue-rules';
import type { Sender, SyncReport } from './sync';

/** The worker's handler over the page's queue code, with the storage and the server as fixtures. */
function worker(
  entries: Parameters<typeof memoryStorage>[0],
  answers: (Failure | 'ok')[],
  over: Partial<WorkerSync<string>> = {},
) {
  const storage = memoryStorage(entries);
  const sent: string[] = [];
  const messages: QueueMessage[] = [];
  const sender: Sender<string> = {
    upload: () => Promise.resolve(1),
    change: (siteId, _body, key) => {
      sent.push(`${siteId} ${key}`);
      const answer = answers.shift() ?? 'ok';
      return answer === 'ok' ? Promise.resolve() : Promise.reject(answer);
    },
    toFailure: (error) => error as Failure,
    newId: () => 'fresh',
  };
  const deps: WorkerSync<string> = {
    whoAmI: () => Promise.resolve('crew'),
    storage,
    sender,
    hold: (work) => work(),
    announce: (m) => messages.push(m),
    ...over,
  };
  return { deps, storage, sent, messages };
}

const conflict: Failure = { status: 409, code: 'VERSION_CONFLICT', message: 'stale', paths: [] };

describe('backgroundSync (the worker’s sync handler)', () => {
  it("sends the session user's changes in order under their keys, records a conflict, and tells the pages", async () => {
    const { deps, storage, sent, messages } = worker(
      [
        change({ id: 'k2', seq: 2, siteId: 2 }),
        change({ id: 'k1', seq: 1, siteId: 1 }),
        change({ id: 'o1', seq: 0, siteId: 3, username: 'other' }),
      ],
      ['ok', conflict],
    );
    const report = await backgroundSync(deps);
    expect(sent).toEqual(['1 k1', '2 k2']);
    expect(report).toEqual({ sent: 1, conflicts: 1, rejected: 0, stopped: false });
    expect(storage.map.get('k2')?.state).toBe('conflict');
    expect(storage.map.has('o1')).toBe(true);
    expect(messages).toEqual([{ type: 'queue-synced', report }]);
  });

  it('fails when the run found no network, so that the browser tries again later; nothing is lost', async () => {
    const { deps, storage, messages } = worker(
      [change({ id: 'k1' })],
      [{ status: 0, code: 'NETWORK', message: 'offline', paths: [] }],
    );
    await expect(backgroundSync(deps)).rejects.toThrow('tries again later');
    expect(storage.map.get('k1')).toMatchObject({ state: 'pending', attempted: true });
    expect(messages).toEqual([]);
  });

  it('sends nothing without a session, or while the page holds the queue', async () => {
    const noSession = worker([change({ id: 'k1' })], [], { whoAmI: () => Promise.resolve(null) });
    expect(await backgroundSync(noSession.deps)).toBeNull();
    const pageSending = worker([change({ id: 'k1' })], [], {
      hold: () => Promise.resolve<SyncReport | null>(null),
    });
    expect(await backgroundSync(pageSending.deps)).toBeNull();
    expect([...noSession.sent, ...pageSending.sent]).toEqual([]);
  });
});
