import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { endOfDayMs, todayInBeijing, type SeedData } from '@gridwatch/contract';
import { SMALL_SEED } from './fixtures/small-seed';
import { makeTestApp, type TestApp } from './test-app';
import type { Backend } from '../src/store/store';

/**
 * What the report tests share: the small seed with a third utility that has found nothing (North Power, id 3,
 * no region, no site), a schedule around today (the clock is real: reports can be submitted only for a month
 * that is over), and a utility's users. West Power (1) has M-1..M-3 and M-6; East Power (2) M-4 (SUSPECTED) and
 * M-5 (SHUT_DOWN since April).
 */
export const WEST = 1;
export const EAST = 2;
export const NORTH = 3;
export const REPORT_SEED: SeedData = {
  ...SMALL_SEED,
  utilities: [
    ...SMALL_SEED.utilities,
    { externalId: 'U-N', name: 'North Power', nameZh: '北电', regionExternalId: null },
  ],
};

const monthOf = (day: string, delta: number) => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + delta, 1)).toISOString().slice(0, 7);
};
const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** The schedule the tests set: from last month (over: reportable) to the end of next month. */
export function testSchedule(graceDays: number) {
  const today = todayInBeijing(Date.now());
  const past = monthOf(today, -1);
  return {
    schedule: { start: `${past}-01`, deadline: lastDay(monthOf(today, 1)), graceDays },
    /** The month that is over. */
    past,
    /** The month under way: not yet reportable. */
    current: today.slice(0, 7),
    /** Beijing days late a report of `past` sent now is when graceDays is 0. */
    daysLateNow: Math.ceil((Date.now() - endOfDayMs(lastDay(past))) / 86_400_000),
  };
}

export const PASSWORD = 'utility-password-for-tests';

export interface ReportsApp {
  t: TestApp;
  admin: string;
  /** The regulator's enforcer and viewer. */
  enforcer: string;
  viewer: string;
  east: string;
  eastViewer: string;
  west: string;
  north: string;
}

export async function makeReportsApp(backend: Backend, graceDays = 31): Promise<ReportsApp> {
  const t = await makeTestApp(REPORT_SEED, backend, { publicRead: false });
  const admin = await t.login('admin');
  const users: [string, string, number][] = [
    ['east-enforcer', 'enforcer', EAST],
    ['east-viewer', 'viewer', EAST],
    ['west-enforcer', 'enforcer', WEST],
    ['north-enforcer', 'enforcer', NORTH],
  ];
  const cookies: string[] = [];
  for (const [username, role, utilityId] of users) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: { username, role, utilityId, password: PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(201);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    cookies.push(String(login.headers['set-cookie']).split(';')[0]!);
  }
  await setSchedule(t, admin, graceDays);
  const [east, eastViewer, west, north] = cookies as [string, string, string, string];
  return {
    t,
    admin,
    enforcer: await t.login('enforcer'),
    viewer: await t.login('viewer'),
    east,
    eastViewer,
    west,
    north,
  };
}

/** Sets the test schedule with `graceDays` at the version in force. */
export async function setSchedule(t: TestApp, admin: string, graceDays: number) {
  const periods = await t.app.inject({ url: '/api/reports/periods', headers: { cookie: admin } });
  const version = (periods.json() as { scheduleVersion: number }).scheduleVersion;
  const res = await t.app.inject({
    method: 'PUT',
    url: '/api/reports/schedule',
    headers: { cookie: admin },
    payload: { ...testSchedule(graceDays).schedule, version },
  });
  expect(res.statusCode, res.body).toBe(200);
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A request's answer, its status checked. */
export async function call(
  t: TestApp,
  cookie: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload: object | undefined,
  status: number,
): Promise<Json> {
  const res: LightMyRequestResponse = await t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload ? { payload } : {}),
  });
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 400)}`).toBe(status);
  return res.json() as Json;
}
