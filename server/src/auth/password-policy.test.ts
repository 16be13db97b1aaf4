import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';
import { usernameKey } from '../domain/username-key';

describe('passwordProblem', () => {
  it.each([
    ['aaaaaaaaaa', 'alice', /at least 12/],
    ['password12', 'alice', /at least 12/],
    ['            ', 'alice', /only spaces/],
    ['aaaaaaaaaaaa', 'alice', /too easy/],
    ['password1234', 'alice', /too easy/],
    ['qwertyuiop123', 'alice', /too easy/],
    ['alicealicealice', 'alice', /too easy/],
    ['Inspector-Alice', 'inspector-alice', /be the username/],
  ])('refuses %j for %s', async (password, username, reason) => {
    expect(await passwordProblem(password, username)).toMatch(reason);
  });
  it.each(['correct horse battery staple', 'e2e-enforcer-password', 'Gobi shutdown 7 pylons'])(
    'accepts %j',
    async (password) => {
      expect(await passwordProblem(password, 'alice')).toBeNull();
    },
  );
});

describe('usernameKey', () => {
  it('folds case, separators and look-alikes onto one key', () => {
    for (const name of ['admin', 'Admin', 'ADMIN', 'admin.', 'ad-min', 'adm1n', 'ADMlN', 'a_d_m_i_n']) {
      expect(usernameKey(name)).toBe(usernameKey('admin'));
    }
    expect(usernameKey('modern')).toBe(usernameKey('modem'));
    expect(usernameKey('alice')).not.toBe(usernameKey('admin'));
  });
});
