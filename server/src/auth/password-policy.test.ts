import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';
import { usernameKey } from '../domain/username-key';

describe('passwordProblem', () => {
  it.each([
    ['aaaaaaaaaa', /at least 12/],
    ['password12', /at least 12/],
    ['            ', /only spaces/],
    ['aaaaaaaaaaaa', /too easy/],
    ['password1234', /too easy/],
    ['qwertyuiop123', /too easy/],
    ['alicealicealice', /too easy/],
    ['Inspector-Alice', /be the username/],
  ])('refuses %j', (password, reason) => {
    expect(passwordProblem(password, password === 'Inspector-Alice' ? 'inspector-alice' : 'alice')).toMatch(
      reason,
    );
  });
  it.each(['correct horse battery staple', 'e2e-enforcer-password', 'Gobi shutdown 7 pylons'])(
    'accepts %j',
    (password) => {
      expect(passwordProblem(password, 'alice')).toBeNull();
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
