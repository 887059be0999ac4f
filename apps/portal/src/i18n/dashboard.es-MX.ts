/**
 * `dashboard.*` in Spanish (Mexico): the Panel, the start page after sign-in. In its own file so
 * that features built at the same time do not edit the same lines; es-MX.ts includes it under
 * `dashboard`, and dashboard.en.ts is typed against it.
 */
export const dashboardEsMX = {
  pageTitle: 'Panel',
  greeting: 'Hola, {{name}}',
  now: '{{datetime}} · hora del centro de México',
  accountTitle: 'Tu cuenta',
  agency: 'Dependencia',
  role: 'Rol',
  email: 'Correo',
  language: 'Idioma del portal',
  releaseTitle: 'Qué puedes hacer en esta versión',
  releaseIntro: 'Esta versión habilita el acceso seguro, la administración de cuentas y el reporte de incidentes con sus plazos legales, y las tareas que la ANC asigna a las dependencias. Las iniciativas llegan en una próxima versión.',
  canAll1: 'Iniciar sesión con tu cuenta institucional y consultar tu dependencia y rol.',
  canAll2: 'Cambiar tu contraseña cuando lo necesites.',
  canAll3: 'Usar el portal en español o inglés; tu preferencia se guarda en tu cuenta.',
  canAdmin1: 'Registrar dependencias, editarlas y activarlas o desactivarlas.',
  canAdmin2: 'Crear cuentas, asignar rol y dependencia, desactivarlas y restablecer contraseñas.',
  canAdmin3: 'Consultar la bitácora de auditoría y verificar que nadie la haya alterado.',
  modulesTitle: 'Módulos',
  canIncidents: {
    staff: 'Reportar incidentes de tu dependencia, seguir sus plazos legales y presentar la notificación y el informe final.',
    coordinator: 'Clasificar, correlacionar y compartir los incidentes de todas las dependencias conforme a TLP 2.0.',
    admin: 'Consultar todos los incidentes y su historial.',
  },
  quickLinksTitle: 'Accesos rápidos',
  openModule: 'Ver {{module}}',
};
