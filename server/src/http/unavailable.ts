/**
 * Whether an error means that the database cannot be reached right now (a restart, a network cut, no free
 * connection): the request may succeed if repeated, so it is a 503, not a 500. Prisma's driver adapters
 * report it as a DriverAdapterError `kind`; PostgreSQL itself by SQLSTATE class 08 and 57P01–57P03.
 */
const UNREACHABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
const UNAVAILABLE_SQLSTATE = /^(08|57P0[123]|53300)/;
const PRISMA_CONNECTION_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024']);
// node-postgres says so in words only, without a code, when a query meets a connection that has died.
const PG_CONNECTION_LOST =
  /^(Client has encountered a connection error|Connection terminated|Client was closed)/;

type ErrorLike = {
  code?: unknown;
  kind?: unknown;
  meta?: { driverAdapterError?: { cause?: ErrorLike } };
  cause?: unknown;
};

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as ErrorLike | undefined, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (
      typeof e.code === 'string' &&
      (PRISMA_CONNECTION_CODES.has(e.code) || UNAVAILABLE_SQLSTATE.test(e.code))
    ) {
      return true;
    }
    if (typeof e.code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'].includes(e.code))
      return true;
    if (typeof e.kind === 'string' && UNREACHABLE_KINDS.has(e.kind)) return true;
    const { message } = e as { message?: unknown };
    if (e.code === undefined && typeof message === 'string' && PG_CONNECTION_LOST.test(message)) return true;
    const adapterCause = e.meta?.driverAdapterError?.cause;
    e = (adapterCause ?? e.cause) as ErrorLike | undefined;
  }
  return false;
}
