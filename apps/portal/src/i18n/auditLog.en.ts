import type { auditLogEsMX } from './auditLog.es-MX.ts';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** `auditLog.*` in English, typed against the Spanish catalogue. */
export const auditLogEn: Shape<typeof auditLogEsMX> = {
  entityTypes: {
    incident: 'Incident',
    task: 'Task',
    initiative: 'Initiative',
    advisory: 'Advisory',
    playbook: 'Playbook',
    agency: 'Agency',
    user: 'User account',
    account: 'E-mail sign-in',
    api_client: 'Integration',
    passkey: 'Passkey',
    saved_filter: 'Saved filter',
  },
  actions: {
    incidentApplyPlaybook: 'Playbook applied to the incident',
    incidentUploadFile: 'Evidence file added to the incident',
    incidentRemoveAttachment: 'Evidence file removed from the incident',
    taskUploadFile: 'File added to the task',
    taskRemoveAttachment: 'File removed from the task',
    fileDownload: 'File downloaded',
    advisoryCreate: 'Advisory drafted',
    advisoryCreateFromIncident: 'Advisory drafted from an incident',
    advisoryUpdate: 'Advisory edited',
    advisoryPublish: 'Advisory published',
    advisoryClose: 'Advisory closed',
    advisoryRespond: 'Answer to an advisory',
    playbookCreate: 'Playbook created',
    playbookUpdate: 'Playbook edited',
    userPasswordReset: 'Password reset through the e-mailed link',
    userChangePasswordFailed: 'Wrong current password when changing it',
    userUpdatePreferences: 'Notification preferences changed',
    authPasswordResetRequested: 'Password reset link requested',
    savedFilterSave: 'Filter saved',
    savedFilterRemove: 'Saved filter deleted',
  },
  open: 'Open {{entity}} {{name}}',
  gone: 'No longer exists',
};
