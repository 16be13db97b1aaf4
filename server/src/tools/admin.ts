/**
 * Commands for the server's operator, run on the server with its DATABASE_URL:
 * - `npm run admin -- reset-password <user>`: for an administrator locked out of the app (no other admin to reset
 *   it on the users screen). Sets a new random password, shown once here and never stored in clear, ends every
 *   session of the user and audits the change as by `cli`.
 * - `npm run admin -- cluster`: on PostgreSQL, rewrites the sites in the order of place
 *   (postgis-store.ts, clusterByPlace), after large imports; it locks the table while it runs.
 */
import { fileURLToPath } from 'node:url';
import { hashPassword, randomPassword } from '../auth/password';
import { loadConfig } from '../config';
import { openStore } from '../store/open-store';
import type { Store } from '../store/store';

const USAGE = 'usage: npm run admin -- reset-password <user> | cluster';

/** Resets `username`'s password; the new password, or null when there is no such user. */
export async function resetPassword(store: Store, username: string): Promise<string | null> {
  const user = await store.users.findByName(username);
  if (!user) return null;
  const password = randomPassword();
  const result = await store.users.update(
    user.id,
    user.version,
    { passwordHash: await hashPassword(password) },
    'cli',
  );
  if (!result.ok) throw new Error(`${username} was changed meanwhile: run the command again`);
  return password;
}

/** Orders the sites by place where the store can (PostGIS); what it did, for the operator. */
export async function clusterByPlace(store: Store): Promise<string> {
  const started = performance.now();
  if (!(await store.clusterByPlace())) return 'nothing to do: SQLite keeps rows in id order';
  return `sites ordered by place in ${((performance.now() - started) / 1000).toFixed(1)} s`;
}

async function main(args: string[]): Promise<number> {
  const [command, username] = args;
  if (command === 'cluster' && username === undefined) {
    const store = await openStore(loadConfig().store);
    try {
      console.log(await clusterByPlace(store));
      return 0;
    } finally {
      await store.close();
    }
  }
  if (command !== 'reset-password' || !username) {
    console.error(USAGE);
    return 2;
  }
  const store = await openStore(loadConfig().store);
  try {
    const password = await resetPassword(store, username);
    if (password === null) {
      console.error(`no user "${username}"`);
      return 1;
    }
    console.log(
      `\nnew password of "${username}": ${password}\n(shown once; every session of the user has ended)\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
