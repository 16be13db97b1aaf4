/**
 * One SQLite connection in a worker thread (docs/storage.md, "How SQLite queries run"). better-sqlite3 is
 * synchronous: a query run here holds this thread, never the server's event loop.
 *
 * workerData: { file, mode: 'reader' | 'writer' }. A reader opens the file read-only and answers `query`; the
 * writer opens it read-write and also answers `execute`, `executeEach` (statements in order, one message),
 * `begin`, `commit` and `rollback` (one transaction at a time, driven by the main thread). Messages are handled one at a time, in order.
 *
 * Plain JavaScript using only better-sqlite3, so that it runs as it is under tsx (`npm start`), vitest and
 * Playwright's web server alike.
 *
 * Rows are answered exactly as Prisma's `$queryRaw` gives them through @prisma/adapter-better-sqlite3 (7.x): the
 * adapter's column types (declared, or inferred from the first non-null value), its value mapping, then the
 * client's raw-result serialisation and deserialisation (BigInt for 64-bit expression columns, booleans for
 * BOOLEAN columns, Date for DATETIME, Uint8Array for BLOB). `sqlite-threads.test.ts` holds the two to each other.
 * The rows go back as arrays in pieces of bounded size, so the main thread never spends long on one message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Buffer } from 'node:buffer';
import { setPriority } from 'node:os';
import process from 'node:process';
import Database from 'better-sqlite3';

if (!parentPort) throw new Error('sqlite-thread.mjs runs as a worker thread');
const port = parentPort;

// Below the event loop's priority: when queries keep every core busy, the thread that answers requests still
// gets its turns. On Linux a thread has its own nice value (setpriority on 0: the calling thread); elsewhere it
// would lower the whole process, so it is left alone.
if (process.platform === 'linux') {
  try {
    setPriority(0, 10);
  } catch {
    // Not allowed here: run at the process's priority.
  }
}

/** @type {{ file: string, mode: 'reader' | 'writer', busyTimeoutMs: number }} */
const { file, mode, busyTimeoutMs } = workerData;
const db = new Database(file, { readonly: mode === 'reader', fileMustExist: true, timeout: busyTimeoutMs });
db.defaultSafeIntegers(true);
if (mode === 'writer') db.pragma('foreign_keys = ON');

/** A piece of an answer holds about this many values, or this many characters of text, whichever comes first. */
const PIECE_VALUES = 8192;
const PIECE_CHARS = 512 * 1024;

/** Prepared statements by SQL text: the store sends the same few shapes again and again. */
const STATEMENTS = new Map();
const MAX_STATEMENTS = 256;
function prepare(sql) {
  let statement = STATEMENTS.get(sql);
  if (statement) {
    STATEMENTS.delete(sql);
  } else {
    statement = db.prepare(sql);
    if (STATEMENTS.size >= MAX_STATEMENTS) STATEMENTS.delete(STATEMENTS.keys().next().value);
  }
  STATEMENTS.set(sql, statement);
  return statement;
}

/**
 * A bound value as Prisma binds it: the client sends the values as JSON (-0 becomes 0, a number that is not
 * finite null), the adapter's mapArg binds booleans as 1/0 and dates as ISO text with +00:00.
 */
function bindable(value) {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return !Number.isFinite(value) ? null : value === 0 ? 0 : value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return value;
}

// The adapter's column types (@prisma/driver-adapter-utils ColumnTypeEnum), by name.
const INT32 = 'int32';
const INT64 = 'int64';
const DOUBLE = 'double';
const FLOAT = 'float';
const NUMERIC = 'numeric';
const BOOLEAN = 'boolean';
const TEXT = 'text';
const DATE = 'date';
const TIME = 'time';
const DATETIME = 'datetime';
const JSON_TYPE = 'json';
const BYTES = 'bytes';
const UNKNOWN_NUMBER = 'unknown-number';

/** The adapter's mapDeclType. */
function declaredType(declared) {
  if (declared === null || declared === undefined) return null;
  switch (declared.toUpperCase()) {
    case '':
      return null;
    case 'DECIMAL':
      return NUMERIC;
    case 'FLOAT':
      return FLOAT;
    case 'DOUBLE':
    case 'DOUBLE PRECISION':
    case 'NUMERIC':
    case 'REAL':
      return DOUBLE;
    case 'TINYINT':
    case 'SMALLINT':
    case 'MEDIUMINT':
    case 'INT':
    case 'INTEGER':
    case 'SERIAL':
    case 'INT2':
      return INT32;
    case 'BIGINT':
    case 'UNSIGNED BIG INT':
    case 'INT8':
      return INT64;
    case 'DATETIME':
    case 'TIMESTAMP':
      return DATETIME;
    case 'TIME':
      return TIME;
    case 'DATE':
      return DATE;
    case 'TEXT':
    case 'CLOB':
    case 'CHARACTER':
    case 'VARCHAR':
    case 'VARYING CHARACTER':
    case 'NCHAR':
    case 'NATIVE CHARACTER':
    case 'NVARCHAR':
      return TEXT;
    case 'BLOB':
      return BYTES;
    case 'BOOLEAN':
      return BOOLEAN;
    case 'JSONB':
      return JSON_TYPE;
    default:
      return null;
  }
}

/** The adapter's inferColumnType, from a column's first non-null value (a Buffer is no ArrayBuffer there). */
function inferredType(value) {
  switch (typeof value) {
    case 'string':
      return TEXT;
    case 'bigint':
      return INT64;
    case 'number':
      return UNKNOWN_NUMBER;
    default:
      throw new Error(`unexpected value of type ${typeof value}`);
  }
}

/** The adapter's getColumnTypes: declared types, else inferred from the rows, else Int32. */
function columnTypes(declared, rows) {
  return declared.map((decl, i) => {
    const type = declaredType(decl);
    if (type !== null) return type;
    for (const row of rows) if (row[i] !== null) return inferredType(row[i]);
    return INT32;
  });
}

/**
 * One value through the adapter's mapRow, the client's serialisation of a raw result (rr) and its
 * deserialisation (deserializeRawResult), as one function of the column type.
 */
function converted(value, type) {
  if (value === null) return null;
  // mapRow
  if (typeof value === 'number' && (type === INT32 || type === INT64) && !Number.isInteger(value)) {
    value = Math.trunc(value);
  } else if ((typeof value === 'number' || typeof value === 'bigint') && type === DATETIME) {
    value = new Date(Number(value)).toISOString();
  } else if (typeof value === 'bigint') {
    const asNumber = Number(value);
    value = Number.isSafeInteger(asNumber) ? asNumber : value.toString();
  }
  switch (type) {
    case INT32:
      if (typeof value === 'number') return Math.trunc(value);
      if (typeof value === 'string') return Math.trunc(Number(value));
      throw new Error(`Cannot serialize value of type ${typeof value} as Int32`);
    case INT64:
      if (typeof value === 'number') return BigInt(Math.trunc(value));
      if (typeof value === 'string') return BigInt(value);
      throw new Error(`Cannot serialize value of type ${typeof value} as Int64`);
    case JSON_TYPE:
      if (typeof value === 'string') return JSON.parse(value);
      throw new Error(`Cannot serialize value of type ${typeof value} as Json`);
    case BOOLEAN:
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string') return value === 'true' || value === '1';
      if (typeof value === 'number') return value === 1;
      throw new Error(`Cannot serialize value of type ${typeof value} as Boolean`);
    case BYTES:
      return new Uint8Array(Buffer.from(value));
    case DATETIME:
    case DATE:
      return new Date(value);
    case TIME:
      return new Date(`1970-01-01T${value}Z`);
    case NUMERIC:
      // Prisma answers a Decimal, which cannot cross to the main thread; no column of ours is DECIMAL.
      throw new Error('DECIMAL columns are not read through the SQLite threads');
    default:
      return value;
  }
}

/**
 * The rows of the last read still to be sent. One piece is sent at a time, the next when the main thread asks
 * (`next`): Node hands a port's queued messages to the main thread in one go, so pieces sent all at once would
 * be taken in one long turn of its event loop.
 */
let unsent = null;

/** Runs a read and posts its first piece of rows: `{ id, columns, rows, done }`. */
function query(id, sql, values) {
  unsent = null;
  const statement = prepare(sql);
  const bound = values.map(bindable);
  if (!statement.reader) {
    statement.run(bound);
    port.postMessage({ id, columns: [], rows: [], done: true });
    return;
  }
  const columns = statement.columns();
  const rows = statement.raw(true).all(bound);
  const types = columnTypes(
    columns.map((c) => c.type),
    rows,
  );
  unsent = { id, names: columns.map((c) => c.name), types, rows, at: 0 };
  next(id);
}

/** Posts the next piece of the read's rows, converted. */
function next(id) {
  if (!unsent || unsent.id !== id) throw new Error(`no rows left to send for request ${id}`);
  const { names, types, rows } = unsent;
  const piece = [];
  let values = 0;
  let chars = 0;
  while (unsent.at < rows.length && values < PIECE_VALUES && chars < PIECE_CHARS) {
    const row = rows[unsent.at];
    rows[unsent.at++] = null;
    for (let i = 0; i < row.length; i++) {
      row[i] = converted(row[i], types[i]);
      chars += typeof row[i] === 'string' ? row[i].length : 8;
    }
    values += row.length;
    piece.push(row);
  }
  const done = unsent.at >= rows.length;
  if (done) unsent = null;
  port.postMessage({ id, columns: names, rows: piece, done });
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Copies a large write's pages from the log into the database here, after its commit, so that the main
 * connection's next commit (whose automatic checkpoint runs on the event loop) finds nothing to copy. A reader
 * still in a snapshot from before the commit holds back the pages it may need: try again shortly, for up to
 * a minute.
 */
function checkpoint() {
  for (let tries = 0; tries < 600; tries++) {
    const [{ log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)');
    if (Number(checkpointed) >= Number(log)) return;
    Atomics.wait(pause, 0, 0, 100);
  }
}

/** The adapter's error mapping, as far as the server looks at it (unavailable.ts: a busy database is a 503). */
function describe(error) {
  const code = typeof error?.code === 'string' ? error.code : 'UNKNOWN';
  return {
    message: String(error?.message ?? error),
    code,
    kind: code.startsWith('SQLITE_BUSY') ? 'SocketTimeout' : 'sqlite',
  };
}

port.on('message', (message) => {
  const { id, op } = message;
  try {
    switch (op) {
      case 'query':
        query(id, message.sql, message.values);
        break;
      case 'next':
        next(id);
        break;
      case 'execute':
        if (mode !== 'writer') throw new Error('a reader thread does not write');
        port.postMessage({ id, changes: prepare(message.sql).run(message.values.map(bindable)).changes });
        break;
      case 'executeEach':
        // Statements of the writer's transaction run one after another here, each prepared (cached by its text).
        if (mode !== 'writer') throw new Error('a reader thread does not write');
        port.postMessage({
          id,
          each: message.statements.map(({ sql, values }) => prepare(sql).run(values.map(bindable)).changes),
        });
        break;
      case 'begin':
      case 'commit':
      case 'rollback':
        if (mode !== 'writer') throw new Error('a reader thread has no transactions');
        if (op === 'begin') {
          // IMMEDIATE: the write lock is taken now, so no statement of the transaction can meet SQLITE_BUSY.
          db.exec('BEGIN IMMEDIATE');
        } else if (op === 'commit') {
          db.exec('COMMIT');
        } else if (db.inTransaction) {
          // (A failed statement may have ended the transaction already.)
          db.exec('ROLLBACK');
        }
        port.postMessage({ id, done: true });
        if (op === 'commit') checkpoint();
        break;
      case 'close':
        db.close();
        port.close();
        break;
      default:
        throw new Error(`unknown operation ${op}`);
    }
  } catch (error) {
    port.postMessage({ id, error: describe(error) });
  }
});
