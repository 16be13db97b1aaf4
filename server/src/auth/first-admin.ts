import type { Store } from '../store/store';
import { ConfigError } from '../config';
import { hashPassword, randomPassword } from './password';
import { passwordProblem } from './password-policy';

/**
 * With no user at all, creates `admin` with GRIDWATCH_ADMIN_PASSWORD or, when unset, a random password
 * printed once to the console (it is never stored in clear).
 */
export async function ensureFirstAdmin(
  store: Store,
  configured: string | null,
  log: { info(message: string): void },
): Promise<void> {
  if ((await store.users.count()) > 0) return;
  const problem = configured === null ? null : await passwordProblem(configured, 'admin');
  if (problem) throw new ConfigError(`GRIDWATCH_ADMIN_PASSWORD is refused: ${problem}`);
  const password = configured ?? randomPassword();
  await store.users.create(
    { username: 'admin', role: 'admin', passwordHash: await hashPassword(password) },
    'system',
  );
  if (configured) log.info('created user "admin" with the password of GRIDWATCH_ADMIN_PASSWORD');
  else
    console.log(
      `\ngridwatch: created user "admin" with password ${password}\n(shown once; set GRIDWATCH_ADMIN_PASSWORD to choose it)\n`,
    );
}
