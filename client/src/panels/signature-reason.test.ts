import { describe, expect, it } from 'vitest';
import type { SignatureRow } from '../api';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { signatureReason } from './signature-reason';

const farm: SignatureRow = {
  substationId: 7,
  name: 'Alpha',
  nameZh: '甲',
  rank: 1,
  signature: 'flat-step',
  unexplainedMw: 97.123,
  step: { date: '2026-09-30', sizeMw: 103.3 },
  shape: { nightDayRatio: 1.004, loadFactor: 0.987 },
  reason: 'server text',
};

describe('a signature’s reason', () => {
  it('says the step’s date and size, how flat it runs and the day’s unexplained load, in either language', () => {
    expect(signatureReason(farm, '2026-12-31', en, 'en')).toBe(
      'Load rose 103.3 MW on 2026-09-30 and held; the added load runs day and night at a constant level (night/day 1.00, load factor 0.99), as a mining farm does. 97.1 MW unexplained on 2026-12-31.',
    );
    expect(signatureReason(farm, '2026-12-31', zh, 'zh')).toContain('2026-09-30');
    expect(signatureReason(farm, '2026-12-31', zh, 'zh')).toContain('与挖矿场一致');
  });

  it('says when the load is not flat, when its shape is unknown, and when there is no step', () => {
    expect(signatureReason({ ...farm, signature: 'step' }, '2026-12-31', en, 'en')).toContain('is not flat');
    expect(signatureReason({ ...farm, shape: null }, '2026-12-31', en, 'en')).toContain(
      'could not be judged',
    );
    expect(
      signatureReason({ ...farm, signature: 'none', step: null, shape: null }, '2026-12-31', en, 'en'),
    ).toBe('No sustained rise in the readings. 97.1 MW unexplained on 2026-12-31.');
  });
});
