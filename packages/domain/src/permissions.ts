import { DomainError } from './errors.ts';
import type { Role } from './roles.ts';

/**
 * Who may call what: one row per action. A role missing from a row is refused with FORBIDDEN.
 * Scope (own agency vs. another) is decided per entity by the read policies, not here.
 */
export const PERMISSIONS = {
  'auth.me': ['staff', 'coordinator', 'admin'],
  'auth.signOut': ['staff', 'coordinator', 'admin'],
  'auth.changePassword': ['staff', 'coordinator', 'admin'],
  'auth.setLocale': ['staff', 'coordinator', 'admin'],
  'auth.updatePreferences': ['staff', 'coordinator', 'admin'],
  'auth.sessions.list': ['staff', 'coordinator', 'admin'],
  'auth.sessions.revoke': ['staff', 'coordinator', 'admin'],
  'auth.sessions.revokeOthers': ['staff', 'coordinator', 'admin'],
  // second factors: one's own only (docs/API.md "MFA")
  'auth.mfa.status': ['staff', 'coordinator', 'admin'],
  'auth.mfa.beginTotp': ['staff', 'coordinator', 'admin'],
  'auth.mfa.confirmTotp': ['staff', 'coordinator', 'admin'],
  'auth.mfa.disable': ['staff', 'coordinator', 'admin'],
  'auth.mfa.regenerateRecoveryCodes': ['staff', 'coordinator', 'admin'],
  // passkeys (second factor): each person their own
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
  'incidents.share': ['coordinator'],
  'incidents.unshare': ['coordinator'],
  'incidents.submitReport': ['staff'],
  // bulk actions (incidents/bulk.ts): the coordination's triage desk
  'incidents.bulk': ['coordinator'],
  'incidents.bulkCount': ['coordinator'],
  // saved views of the lists: each person their own (lists/saved-filters.ts)
  'savedFilters.list': ['staff', 'coordinator', 'admin'],
  'savedFilters.save': ['staff', 'coordinator', 'admin'],
  'savedFilters.remove': ['staff', 'coordinator', 'admin'],
  // playbooks: everyone signed in reads them, admins write them, coordinators apply them to incidents
  'incidents.applyPlaybook': ['coordinator'],
  'playbooks.list': ['staff', 'coordinator', 'admin'],
  'playbooks.get': ['staff', 'coordinator', 'admin'],
  'playbooks.upsert': ['admin'],
  'incidents.setOwner': ['coordinator'],
  'incidents.owners': ['coordinator'],
  // evidence files (docs/API.md "Evidence files"): the upload and download routes and the removals
  'incidents.uploadFile': ['staff', 'coordinator'],
  'incidents.removeAttachment': ['staff', 'coordinator'],
  'tasks.uploadFile': ['staff', 'coordinator'],
  'tasks.removeAttachment': ['staff', 'coordinator'],
  'files.download': ['staff', 'coordinator', 'admin'],
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
  // initiatives: everyone reads the registry; admins manage it; the lead agency's staff report progress
  // (the lead-agency condition is checked per initiative by the use-case)
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
  // advisories (alertas): coordinators draft and publish; staff of addressed agencies read and answer
  // (the audience is checked per advisory by the use-case); admins read
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
  // institutional directory (Política General de Ciberseguridad para la APF): staff their own agency's
  // entry (the agency condition is checked per entry by the use-case), coordinators read all, admins edit all
  'directory.get': ['staff', 'coordinator', 'admin'],
  'directory.list': ['coordinator', 'admin'],
  'directory.designate': ['staff', 'admin'],
  'directory.setEmergencyContact': ['staff', 'admin'],
  'directory.incidentContacts': ['staff', 'coordinator', 'admin'],
  'directory.taskContacts': ['staff', 'coordinator', 'admin'],
  // API clients (admin) and the indicator feed (TAXII; API clients with `indicators:read` too)
  'apiClients.create': ['admin'],
  'apiClients.list': ['admin'],
  'apiClients.revoke': ['admin'],
  'indicators.read': ['staff', 'coordinator', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

export function assertCan(role: Role, action: Action): void {
  if (!can(role, action)) throw new DomainError('FORBIDDEN', 'role_not_allowed');
}
