import { describe, expect, it } from 'vitest';
import { permissionsOf } from './permissions';

const none = {
  changeStatus: false,
  editZones: false,
  importData: false,
  retireSites: false,
  writeReports: false,
  reviewReports: false,
};

describe('permissionsOf', () => {
  it("offers viewers and anonymous readers nothing that writes, a utility's viewers neither", () => {
    expect(permissionsOf('viewer')).toEqual(none);
    expect(permissionsOf(null)).toEqual(none);
    expect(permissionsOf('viewer', 2)).toEqual(none);
  });

  it("offers the regulator's enforcers statuses, zones and reviews, and only admins the import and retiring", () => {
    expect(permissionsOf('enforcer')).toEqual({
      ...none,
      changeStatus: true,
      editZones: true,
      reviewReports: true,
    });
    expect(permissionsOf('admin')).toEqual({
      changeStatus: true,
      editZones: true,
      importData: true,
      retireSites: true,
      writeReports: false,
      reviewReports: true,
    });
  });

  it("offers a utility's enforcers their own statuses, zones and report, never a review", () => {
    expect(permissionsOf('enforcer', 2)).toEqual({
      ...none,
      changeStatus: true,
      editZones: true,
      writeReports: true,
    });
  });
});
