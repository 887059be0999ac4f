import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { PERMISSIONS, assertCan, can, type Action } from './permissions.ts';
import { ROLES, roleAgencyMismatch, type Role } from './roles.ts';
import { navigationFor } from './navigation.ts';

// The expected table, written out independently of PERMISSIONS so that a change to either shows up.
const EXPECTED: Record<Action, Role[]> = {
  'auth.me': ['staff', 'coordinator', 'admin'],
  'auth.signOut': ['staff', 'coordinator', 'admin'],
  'auth.changePassword': ['staff', 'coordinator', 'admin'],
  'auth.setLocale': ['staff', 'coordinator', 'admin'],
  'auth.updatePreferences': ['staff', 'coordinator', 'admin'],
  'auth.sessions.list': ['staff', 'coordinator', 'admin'],
  'auth.sessions.revoke': ['staff', 'coordinator', 'admin'],
  'auth.sessions.revokeOthers': ['staff', 'coordinator', 'admin'],
  'auth.mfa.status': ['staff', 'coordinator', 'admin'],
  'auth.mfa.beginTotp': ['staff', 'coordinator', 'admin'],
  'auth.mfa.confirmTotp': ['staff', 'coordinator', 'admin'],
  'auth.mfa.disable': ['staff', 'coordinator', 'admin'],
  'auth.mfa.regenerateRecoveryCodes': ['staff', 'coordinator', 'admin'],
  'auth.mfa.passkeyRegistrationOptions': ['staff', 'coordinator', 'admin'],
  'auth.mfa.registerPasskey': ['staff', 'coordinator', 'admin'],
  'auth.mfa.passkeys': ['staff', 'coordinator', 'admin'],
  'auth.mfa.renamePasskey': ['staff', 'coordinator', 'admin'],
  'auth.mfa.removePasskey': ['staff', 'coordinator', 'admin'],
  'agencies.list': ['staff', 'coordinator', 'admin'],
  'admin.agencies.create': ['admin'],
  'admin.agencies.update': ['admin'],
  'admin.agencies.setActive': ['admin'],
  'admin.users.list': ['admin'],
  'admin.users.get': ['admin'],
  'admin.users.create': ['admin'],
  'admin.users.update': ['admin'],
  'admin.users.setActive': ['admin'],
  'admin.users.resetPassword': ['admin'],
  'admin.users.resetMfa': ['admin'],
  'admin.audit.list': ['admin'],
  'admin.audit.verify': ['admin'],
  'mailOutbox.list': ['admin'],
  'mailOutbox.get': ['admin'],
  'incidents.create': ['staff', 'coordinator'],
  'incidents.list': ['staff', 'coordinator', 'admin'],
  'incidents.get': ['staff', 'coordinator', 'admin'],
  'incidents.related': ['staff', 'coordinator', 'admin'],
  'incidents.export': ['staff', 'coordinator', 'admin'],
  'incidents.update': ['staff', 'coordinator'],
  'incidents.transition': ['coordinator'],
  'incidents.comment': ['staff', 'coordinator'],
  'incidents.addObservables': ['staff', 'coordinator'],
  'incidents.removeObservable': ['staff', 'coordinator'],
  'incidents.uploadFile': ['staff', 'coordinator'],
  'incidents.removeAttachment': ['staff', 'coordinator'],
  'tasks.uploadFile': ['staff', 'coordinator'],
  'tasks.removeAttachment': ['staff', 'coordinator'],
  'files.download': ['staff', 'coordinator', 'admin'],
  'incidents.share': ['coordinator'],
  'incidents.unshare': ['coordinator'],
  'incidents.submitReport': ['staff'],
  'incidents.bulk': ['coordinator'],
  'incidents.bulkCount': ['coordinator'],
  'savedFilters.list': ['staff', 'coordinator', 'admin'],
  'savedFilters.save': ['staff', 'coordinator', 'admin'],
  'savedFilters.remove': ['staff', 'coordinator', 'admin'],
  'incidents.applyPlaybook': ['coordinator'],
  'playbooks.list': ['staff', 'coordinator', 'admin'],
  'playbooks.get': ['staff', 'coordinator', 'admin'],
  'playbooks.upsert': ['admin'],
  'incidents.setOwner': ['coordinator'],
  'incidents.owners': ['coordinator'],
  // tasks: coordinators assign and review; the assignee agency's staff work them; admins read
  'tasks.create': ['coordinator'],
  'tasks.list': ['staff', 'coordinator', 'admin'],
  'tasks.get': ['staff', 'coordinator', 'admin'],
  'tasks.summary': ['coordinator', 'admin'],
  'tasks.assignableUsers': ['coordinator'],
  'tasks.update': ['coordinator'],
  'tasks.transition': ['staff', 'coordinator'],
  'tasks.comment': ['staff', 'coordinator'],
  'notifications.list': ['staff', 'coordinator', 'admin'],
  'notifications.unreadCount': ['staff', 'coordinator', 'admin'],
  'notifications.markRead': ['staff', 'coordinator', 'admin'],
  // initiatives: admins manage the registry; staff report progress (of the initiatives their agency leads)
  'initiatives.list': ['staff', 'coordinator', 'admin'],
  'initiatives.get': ['staff', 'coordinator', 'admin'],
  'initiatives.planSummary': ['staff', 'coordinator', 'admin'],
  'initiatives.create': ['admin'],
  'initiatives.update': ['admin'],
  'initiatives.transition': ['admin'],
  'initiatives.addMilestone': ['admin'],
  'initiatives.addKpi': ['admin'],
  'initiatives.completeMilestone': ['staff', 'admin'],
  'initiatives.reopenMilestone': ['staff', 'admin'],
  'initiatives.recordKpiValue': ['staff', 'admin'],
  'advisories.list': ['staff', 'coordinator', 'admin'],
  'advisories.get': ['staff', 'coordinator', 'admin'],
  'advisories.create': ['coordinator'],
  'advisories.createFromIncident': ['coordinator'],
  'advisories.update': ['coordinator'],
  'advisories.publish': ['coordinator'],
  'advisories.close': ['coordinator'],
  'advisories.respond': ['staff'],
  'advisories.export': ['coordinator', 'admin'],
  'dashboard.summary': ['staff', 'coordinator', 'admin'],
  'directory.get': ['staff', 'coordinator', 'admin'],
  'directory.list': ['coordinator', 'admin'],
  'directory.designate': ['staff', 'admin'],
  'directory.setEmergencyContact': ['staff', 'admin'],
  'directory.incidentContacts': ['staff', 'coordinator', 'admin'],
  'directory.taskContacts': ['staff', 'coordinator', 'admin'],
  'apiClients.create': ['admin'],
  'apiClients.list': ['admin'],
  'apiClients.revoke': ['admin'],
  'indicators.read': ['staff', 'coordinator', 'admin'],
};

describe('permission table', () => {
  it('lists exactly the expected actions', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const action of Object.keys(EXPECTED) as Action[]) {
    for (const role of ROLES) {
      const allowed = EXPECTED[action].includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        expect(can(role, action)).toBe(allowed);
        const thrown = (() => {
          try {
            assertCan(role, action);
            return null;
          } catch (e) {
            return e;
          }
        })();
        expect(thrown === null ? null : [thrown instanceof DomainError, (thrown as DomainError).code]).toEqual(allowed ? null : [true, 'FORBIDDEN']);
      });
    }
  }
});

describe('role and agency', () => {
  it('puts coordinators and admins in the ANC and staff outside it', () => {
    expect(roleAgencyMismatch('coordinator', { kind: 'national_agency' })).toBeNull();
    expect(roleAgencyMismatch('admin', { kind: 'national_agency' })).toBeNull();
    expect(roleAgencyMismatch('staff', { kind: 'federal_ministry' })).toBeNull();
    expect(roleAgencyMismatch('staff', { kind: 'national_agency' })).toBe('staff_not_in_anc');
    expect(roleAgencyMismatch('admin', { kind: 'federal_ministry' })).toBe('anc_role_outside_anc');
    expect(roleAgencyMismatch('coordinator', { kind: 'critical_operator' })).toBe('anc_role_outside_anc');
  });
});

describe('navigation', () => {
  it('shows Administración to admins only', () => {
    expect(navigationFor('admin').map((s) => s.key)).toEqual(['dashboard', 'incidents', 'tasks', 'advisories', 'initiatives', 'directory', 'admin']);
    expect(navigationFor('coordinator').map((s) => s.key)).toEqual(['dashboard', 'incidents', 'tasks', 'advisories', 'initiatives', 'directory']);
    expect(navigationFor('staff').map((s) => s.key)).toEqual(['dashboard', 'incidents', 'tasks', 'advisories', 'initiatives', 'directory']);
  });
});
