import { describe, expect, it } from 'vitest';
import { permissionsOf } from './permissions';

describe('permissionsOf', () => {
  it('offers viewers and anonymous readers nothing that writes', () => {
    const none = {
      changeStatus: false,
      editZones: false,
      importData: false,
      retireSites: false,
      manageApiTokens: false,
    };
    expect(permissionsOf('viewer')).toEqual(none);
    expect(permissionsOf(null)).toEqual(none);
  });

  it('offers enforcers statuses and zones, and only admins the import and retiring a site', () => {
    expect(permissionsOf('enforcer')).toEqual({
      changeStatus: true,
      editZones: true,
      importData: false,
      retireSites: false,
      manageApiTokens: false,
    });
    expect(permissionsOf('admin')).toEqual({
      changeStatus: true,
      editZones: true,
      importData: true,
      retireSites: true,
      manageApiTokens: true,
    });
  });
});
