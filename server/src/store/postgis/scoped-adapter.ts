import type { PrismaPg } from '@prisma/adapter-pg';
import { scopeUtility } from '../scope';

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;
type Query = Parameters<Adapter['queryRaw']>[0];

const statement = (sql: string, args: string[] = []): Query => ({
  sql,
  args,
  argTypes: args.map(() => ({ scalarType: 'string', arity: 'scalar' })),
});
const COMMIT = statement('COMMIT');
const ROLLBACK = statement('ROLLBACK');
/** The counters of the layers a transaction wrote, as its last statement (migration 0015, docs/scaling.md). */
export const ADVANCE_DATA_VERSIONS_SQL = 'SELECT advance_data_versions()';
const ADVANCE_DATA_VERSIONS = statement(ADVANCE_DATA_VERSIONS_SQL);
/** Statements that read only: everything else may have written. */
const READ_ONLY = /^\s*(SELECT|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET|SHOW)\b/i;
/**
 * A WITH reads only unless it holds a data-modifying statement. The app's SQL is its own text with the values as
 * parameters, so such a word there is a statement, not data. Taken for a write, a read got a transaction of its
 * own and advance_data_versions() before its COMMIT, which a replica refuses.
 */
const WITH_READ = /^\s*WITH\b/i;
const MODIFIES = /\b(INSERT|UPDATE|DELETE|MERGE)\b/i;
const readsOnly = (text: string) => READ_ONLY.test(text) || (WITH_READ.test(text) && !MODIFIES.test(text));
/** A write outside a transaction that may touch a layer gets a transaction, so its data version moves on. */
const LAYER_TABLES = /\b(sites|substations|lines|pylons|regions|zones|utilities|status_changes)\b/i;
// SET LOCAL ROLE and SET LOCAL gridwatch.utility_id in one round trip; both end with the transaction.
const setScope = (utility: number) =>
  statement(
    "SELECT set_config('role', 'gridwatch_utility', true), set_config('gridwatch.utility_id', $1, true)",
    [String(utility)],
  );

/**
 * Prisma's pg adapter with PostgreSQL's row-level security applied to a utility's user (docs/utilities.md):
 * every transaction of a request in a utility's scope (store/scope.ts) runs as the role gridwatch_utility with
 * the utility in `gridwatch.utility_id`, which the policies of migration 0010 read; a query outside a
 * transaction gets one of its own. The regulator's requests run as before, as the tables' owner, whom the
 * policies do not bind. Below Prisma, so every query of the store — the shared SQL and the repositories'
 * models alike — is bound by it.
 *
 * The same wrapper advances the data versions behind the ETags (docs/scaling.md, "HTTP caching"): a transaction
 * that wrote runs advance_data_versions() just before its COMMIT, which moves on the counters of the layers its
 * statements' triggers marked.
 */
export function withRowLevelSecurity(factory: PrismaPg): PrismaPg {
  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === 'connect') return async () => scopedAdapter(await target.connect());
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function scopedAdapter(adapter: Adapter): Adapter {
  const begin = async (isolationLevel?: Parameters<Adapter['startTransaction']>[0]): Promise<Transaction> => {
    const tx = advancesDataVersions(await adapter.startTransaction(isolationLevel));
    const utility = scopeUtility();
    if (utility !== null) {
      try {
        await tx.executeRaw(setScope(utility));
      } catch (error) {
        await end(tx, ROLLBACK);
        throw error;
      }
    }
    return tx;
  };
  const alone =
    <K extends 'queryRaw' | 'executeRaw'>(method: K) =>
    async (query: Query): Promise<Awaited<ReturnType<Adapter[K]>>> => {
      const layerWrite = !readsOnly(query.sql) && LAYER_TABLES.test(query.sql);
      if (scopeUtility() === null && !layerWrite) {
        return adapter[method](query) as Promise<Awaited<ReturnType<Adapter[K]>>>;
      }
      const tx = await begin();
      let result: Awaited<ReturnType<Adapter[K]>>;
      try {
        result = (await tx[method](query)) as Awaited<ReturnType<Adapter[K]>>;
      } catch (error) {
        await end(tx, ROLLBACK);
        throw error;
      }
      await end(tx, COMMIT);
      return result;
    };
  const queryRaw = alone('queryRaw');
  const executeRaw = alone('executeRaw');
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (prop === 'startTransaction') return begin;
      if (prop === 'queryRaw') return queryRaw;
      if (prop === 'executeRaw') return executeRaw;
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The transaction, with advance_data_versions() run before its COMMIT when any statement of it may have written. */
function advancesDataVersions(tx: Transaction): Transaction {
  let wrote = false;
  const run =
    <K extends 'queryRaw' | 'executeRaw'>(method: K) =>
    async (query: Query): Promise<Awaited<ReturnType<Transaction[K]>>> => {
      if (query.sql === COMMIT.sql && wrote) {
        try {
          await tx.executeRaw(ADVANCE_DATA_VERSIONS);
        } catch (error) {
          // The transaction is aborted and the adapter's commit or rollback only hands the connection back:
          // end it here, or the pool keeps it "idle in transaction (aborted)" (commit-failure.test.ts).
          await tx.executeRaw(ROLLBACK).catch(() => {});
          throw error;
        }
      } else if (!readsOnly(query.sql)) wrote = true;
      return tx[method](query) as Promise<Awaited<ReturnType<Transaction[K]>>>;
    };
  const queryRaw = run('queryRaw');
  const executeRaw = run('executeRaw');
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === 'queryRaw') return queryRaw;
      if (prop === 'executeRaw') return executeRaw;
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Ends a transaction of our own and gives its connection back, whatever the statement does. */
async function end(tx: Transaction, how: Query): Promise<void> {
  try {
    await tx.executeRaw(how);
  } finally {
    await (how === COMMIT ? tx.commit() : tx.rollback());
  }
}
