import { can, isAuditAction, type AuditAction, type AuditEntityType, type Role } from '@anc/domain';

/**
 * The words of the audit log's actions, from the domain's catalogue (packages/domain/src/audit-catalogue.ts):
 * `satisfies Record<AuditAction, …>` makes an action added there without words here fail tsc. The
 * keys point into the portal's catalogues (apps/portal/src/i18n); an action stored before the
 * catalogue knew it shows its code.
 */
export const AUDIT_ACTION_LABELS = {
  'agency.create': 'audit.actions.agencyCreate',
  'agency.update': 'audit.actions.agencyUpdate',
  'agency.activate': 'audit.actions.agencyActivate',
  'agency.deactivate': 'audit.actions.agencyDeactivate',
  'directory.designate': 'directory.audit.designate',
  'directory.setEmergencyContact': 'directory.audit.setEmergencyContact',
  'user.create': 'audit.actions.userCreate',
  'user.update': 'audit.actions.userUpdate',
  'user.activate': 'audit.actions.userActivate',
  'user.deactivate': 'audit.actions.userDeactivate',
  'user.resetPassword': 'audit.actions.userResetPassword',
  'user.changePassword': 'audit.actions.userChangePassword',
  'user.setLocale': 'audit.actions.userSetLocale',
  'apiClient.create': 'audit.actions.apiClientCreate',
  'apiClient.revoke': 'audit.actions.apiClientRevoke',
  'apiClient.call': 'audit.actions.apiClientCall',
  'auth.signIn': 'audit.actions.authSignIn',
  'auth.signOut': 'audit.actions.authSignOut',
  'auth.signInFailed': 'audit.actions.authSignInFailed',
  'auth.sessionRevoked': 'audit.actions.authSessionRevoked',
  'auth.otherSessionsRevoked': 'audit.actions.authOtherSessionsRevoked',
  'auth.oidcSignIn': 'oidc.audit.signIn',
  'auth.oidcSignInFailed': 'oidc.audit.signInFailed',
  'auth.oidcProvision': 'oidc.audit.provision',
  'auth.mfaChallenge': 'audit.actions.authMfaChallenge',
  'auth.mfaFailed': 'audit.actions.authMfaFailed',
  'mfa.totpBegin': 'audit.actions.mfaTotpBegin',
  'mfa.totpEnabled': 'audit.actions.mfaTotpEnabled',
  'mfa.totpConfirmFailed': 'audit.actions.mfaTotpConfirmFailed',
  'mfa.disabled': 'audit.actions.mfaDisabled',
  'mfa.disableFailed': 'audit.actions.mfaDisableFailed',
  'mfa.recoveryCodesRegenerated': 'audit.actions.mfaRecoveryCodesRegenerated',
  'mfa.recoveryCodesFailed': 'audit.actions.mfaRecoveryCodesFailed',
  'user.resetMfa': 'audit.actions.userResetMfa',
  'passkey.register': 'audit.actions.passkeyRegister',
  'passkey.registerFailed': 'audit.actions.passkeyRegisterFailed',
  'passkey.rename': 'audit.actions.passkeyRename',
  'passkey.remove': 'audit.actions.passkeyRemove',
  'incident.create': 'audit.actions.incidentCreate',
  'incident.update': 'audit.actions.incidentUpdate',
  'incident.transition': 'audit.actions.incidentTransition',
  'incident.comment': 'audit.actions.incidentComment',
  'incident.addObservables': 'audit.actions.incidentAddObservables',
  'incident.removeObservable': 'audit.actions.incidentRemoveObservable',
  'incident.share': 'audit.actions.incidentShare',
  'incident.unshare': 'audit.actions.incidentUnshare',
  'incident.submitReport': 'audit.actions.incidentSubmitReport',
  'incident.setOwner': 'owner.auditAction',
  'incident.downloadReport': 'reportPdf.auditAction',
  'task.create': 'audit.actions.taskCreate',
  'task.update': 'audit.actions.taskUpdate',
  'task.transition': 'audit.actions.taskTransition',
  'task.comment': 'audit.actions.taskComment',
  'notification.markRead': 'audit.actions.notificationMarkRead',
  'initiative.create': 'audit.actions.initiativeCreate',
  'initiative.update': 'audit.actions.initiativeUpdate',
  'initiative.transition': 'audit.actions.initiativeTransition',
  'initiative.milestone.add': 'audit.actions.initiativeMilestoneAdd',
  'initiative.milestone.complete': 'audit.actions.initiativeMilestoneComplete',
  'initiative.milestone.reopen': 'audit.actions.initiativeMilestoneReopen',
  'initiative.kpi.add': 'audit.actions.initiativeKpiAdd',
  'initiative.kpi.record': 'audit.actions.initiativeKpiRecord',
  'incident.applyPlaybook': 'auditLog.actions.incidentApplyPlaybook',
  'incident.uploadFile': 'auditLog.actions.incidentUploadFile',
  'incident.removeAttachment': 'auditLog.actions.incidentRemoveAttachment',
  'task.uploadFile': 'auditLog.actions.taskUploadFile',
  'task.removeAttachment': 'auditLog.actions.taskRemoveAttachment',
  'file.download': 'auditLog.actions.fileDownload',
  'advisory.create': 'auditLog.actions.advisoryCreate',
  'advisory.createFromIncident': 'auditLog.actions.advisoryCreateFromIncident',
  'advisory.update': 'auditLog.actions.advisoryUpdate',
  'advisory.publish': 'auditLog.actions.advisoryPublish',
  'advisory.close': 'auditLog.actions.advisoryClose',
  'advisory.respond': 'auditLog.actions.advisoryRespond',
  'playbook.create': 'auditLog.actions.playbookCreate',
  'playbook.update': 'auditLog.actions.playbookUpdate',
  'user.passwordReset': 'auditLog.actions.userPasswordReset',
  'user.changePasswordFailed': 'auditLog.actions.userChangePasswordFailed',
  'user.updatePreferences': 'auditLog.actions.userUpdatePreferences',
  'auth.passwordResetRequested': 'auditLog.actions.authPasswordResetRequested',
  'saved_filter.save': 'auditLog.actions.savedFilterSave',
  'saved_filter.remove': 'auditLog.actions.savedFilterRemove',
} as const satisfies Record<AuditAction, string>;

/** The i18n key of an action's words, or null for an action the catalogue does not know. */
export const auditActionLabelKey = (action: string): (typeof AUDIT_ACTION_LABELS)[AuditAction] | null =>
  isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : null;

/** A place in the portal an entity of the log opens at (TanStack Router's `to` with its params or search). */
export type AuditEntityLink =
  | { to: '/incidentes/$incidentId'; params: { incidentId: string } }
  | { to: '/tareas/$taskId'; params: { taskId: string } }
  | { to: '/iniciativas/$initiativeId'; params: { initiativeId: string } }
  | { to: '/alertas/$advisoryId'; params: { advisoryId: string } }
  | { to: '/directorio/$agencyId'; params: { agencyId: string } }
  | { to: '/admin/playbooks/$playbookId'; params: { playbookId: string } }
  | { to: '/admin/usuarios'; search: { q: string } }
  | { to: '/admin/integraciones' };

/**
 * Where the reader may open an entity of the log, or null: a type with no page (a sign-in by
 * e-mail, a passkey, a saved filter), an entity that no longer exists (no name), or a page the
 * reader's role may not read.
 */
export function auditEntityLink(role: Role, entityType: string, entityId: string, entityName: string | null): AuditEntityLink | null {
  if (entityName === null) return null;
  const type = entityType as AuditEntityType;
  switch (type) {
    case 'incident':
      return can(role, 'incidents.get') ? { to: '/incidentes/$incidentId', params: { incidentId: entityId } } : null;
    case 'task':
      return can(role, 'tasks.get') ? { to: '/tareas/$taskId', params: { taskId: entityId } } : null;
    case 'initiative':
      return can(role, 'initiatives.get') ? { to: '/iniciativas/$initiativeId', params: { initiativeId: entityId } } : null;
    case 'advisory':
      return can(role, 'advisories.get') ? { to: '/alertas/$advisoryId', params: { advisoryId: entityId } } : null;
    case 'agency':
      return can(role, 'directory.get') ? { to: '/directorio/$agencyId', params: { agencyId: entityId } } : null;
    case 'playbook':
      return can(role, 'playbooks.upsert') ? { to: '/admin/playbooks/$playbookId', params: { playbookId: entityId } } : null;
    case 'user':
      return can(role, 'admin.users.list') ? { to: '/admin/usuarios', search: { q: entityName } } : null;
    case 'api_client':
      return can(role, 'apiClients.list') ? { to: '/admin/integraciones' } : null;
    default:
      return null;
  }
}
