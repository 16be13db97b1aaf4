import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/**
 * What a new password must be (docs/security.md): at least 12 characters, not only blanks, not the username, and
 * not guessable (a password built on the username scores low, as zxcvbn is given the username) — zxcvbn's score ≥ 3 ("safely unguessable: moderate protection from offline attacks"), scored
 * against its common-password and name dictionaries (shipped in the npm package: nothing is fetched) and the
 * username itself. `aaaaaaaaaaaa`, `password1234` and `qwertyuiop123` score 0–1.
 */
export const MIN_PASSWORD_LENGTH = 12;
const MIN_SCORE = 3;

// Loaded on the first check, not at start (≈ 90 ms and megabytes of dictionaries): only a new password needs them.
let strength: Promise<ZxcvbnFactory> | null = null;
async function loadStrength(): Promise<ZxcvbnFactory> {
  const [{ ZxcvbnFactory }, common] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
  ]);
  return new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
}

/** Why the password is refused, in words a user can act on; null when it is acceptable. */
export async function passwordProblem(password: string, username: string): Promise<string | null> {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `the password must have at least ${MIN_PASSWORD_LENGTH} characters`;
  }
  if (password.trim() === '') return 'the password must not be only spaces';
  if (password.trim().toLowerCase() === username.toLowerCase())
    return 'the password must not be the username';
  const result = (await (strength ??= loadStrength())).check(password, [username, 'gridwatch']);
  if (result.score < MIN_SCORE) {
    const hint = result.feedback.warning ? ` (${result.feedback.warning})` : '';
    return `the password is too easy to guess${hint}; use a longer phrase of unrelated words`;
  }
  return null;
}
