import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { featureDetails, type SelectedFeature } from './feature-rows';

const site: SelectedFeature = {
  layer: 'sites',
  feature: {
    type: 'Feature',
    id: 7,
    geometry: { type: 'Point', coordinates: [87.6, 43.8] },
    properties: {
      externalId: 'S-7',
      name: 'Dabancheng farm',
      nameZh: '达坂城矿场',
      operator: 'Tianshan Hash Co.',
      machines: 12000,
      loadMw: 42.5,
      status: 'UNLICENSED',
      feederSubstationId: null,
      firstObserved: '2021-03-01',
      statusChangedAt: null,
      licenceNo: null,
      utilityId: null,
      utilityName: null,
      utilityNameZh: null,
      version: 1,
      synthetic: true,
    },
  },
};

describe('featureDetails', () => {
  it("shows a site's name, status and load in the chosen language", () => {
    const english = featureDetails(site, en, 'en');
    expect(english.title).toBe('Dabancheng farm');
    expect(english.rows).toContainEqual({ label: 'Status', value: 'Unlicensed', color: '#d55e00' });
    expect(english.rows).toContainEqual({ label: 'Load', value: '42.5 MW' });
    expect(english.rows).toContainEqual({ label: 'Machines', value: '12,000' });
    expect(english.rows).toContainEqual({ label: 'Status changed', value: '—' });

    const chinese = featureDetails(site, zh, 'zh');
    expect(chinese.title).toBe('达坂城矿场');
    expect(chinese.rows).toContainEqual(expect.objectContaining({ label: '状态', value: '无证经营' }));
  });
});
