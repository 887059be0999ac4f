/**
 * `auditLog.*` in Spanish (Mexico): the names of every kind of entity of the audit log, the words
 * of the actions not worded elsewhere, and the link to an entity (features/admin/audit-labels.ts
 * maps the domain's catalogue, packages/domain/src/audit-catalogue.ts, to these words). Kept in
 * its own file so that the features built at the same time do not edit the same lines.
 */
export const auditLogEsMX = {
  entityTypes: {
    incident: 'Incidente',
    task: 'Tarea',
    initiative: 'Iniciativa',
    advisory: 'Alerta',
    playbook: 'Playbook',
    agency: 'Dependencia',
    user: 'Cuenta de usuario',
    account: 'Acceso por correo',
    api_client: 'Integración',
    passkey: 'Llave de acceso',
    saved_filter: 'Filtro guardado',
  },
  actions: {
    incidentApplyPlaybook: 'Playbook aplicado al incidente',
    incidentUploadFile: 'Archivo de evidencia agregado al incidente',
    incidentRemoveAttachment: 'Archivo de evidencia quitado del incidente',
    taskUploadFile: 'Archivo agregado a la tarea',
    taskRemoveAttachment: 'Archivo quitado de la tarea',
    fileDownload: 'Archivo descargado',
    advisoryCreate: 'Alerta redactada',
    advisoryCreateFromIncident: 'Alerta redactada desde un incidente',
    advisoryUpdate: 'Alerta editada',
    advisoryPublish: 'Alerta publicada',
    advisoryClose: 'Alerta cerrada',
    advisoryRespond: 'Respuesta a una alerta',
    playbookCreate: 'Playbook creado',
    playbookUpdate: 'Playbook editado',
    userPasswordReset: 'Contraseña restablecida con el enlace por correo',
    userChangePasswordFailed: 'Contraseña actual incorrecta al cambiarla',
    userUpdatePreferences: 'Preferencias de avisos cambiadas',
    authPasswordResetRequested: 'Enlace para restablecer la contraseña solicitado',
    savedFilterSave: 'Filtro guardado',
    savedFilterRemove: 'Filtro guardado eliminado',
  },
  open: 'Abrir {{entity}} {{name}}',
  gone: 'Ya no existe',
};
