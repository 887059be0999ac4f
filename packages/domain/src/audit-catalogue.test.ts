import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ACTION_NAMES, AUDIT_ENTITY_TYPES, isAuditAction, isAuditEntityType } from './audit-catalogue.ts';

// That the API writes nothing outside this catalogue is apps/api/src/modules/audit/audit-catalogue.test.ts.
describe('audit catalogue', () => {
  it('names an entity type of the catalogue for every action', () => {
    for (const [action, types] of Object.entries(AUDIT_ACTIONS)) {
      expect(types.length, action).toBeGreaterThan(0);
      expect(types.every(isAuditEntityType), action).toBe(true);
    }
  });

  it('tells its actions and types from other strings', () => {
    expect(AUDIT_ACTION_NAMES.every(isAuditAction)).toBe(true);
    expect(isAuditAction('incident.create')).toBe(true);
    expect(isAuditAction('incidents.get')).toBe(false);
    expect(isAuditAction('toString')).toBe(false);
    expect(AUDIT_ENTITY_TYPES.every(isAuditEntityType)).toBe(true);
    expect(isAuditEntityType('test')).toBe(false);
  });
});
