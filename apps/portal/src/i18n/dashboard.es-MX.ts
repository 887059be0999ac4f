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
  quickLinksTitle: 'Accesos rápidos',
  scopeNational: 'Panorama nacional',
  scopeAgency: 'Panorama de {{agency}}',
  scopeNationalHint: 'Todas las dependencias. Cada cifra abre la lista que cuenta.',
  scopeAgencyHint: 'Lo de tu dependencia: sus incidentes, plazos, tareas e iniciativas. Cada cifra abre la lista que cuenta.',
  numberLink: '{{label}}: {{count}}. Ver la lista',
  stats: {
    incidents: 'Incidentes en {{days}} días',
    incidentsHint: 'Reportados desde el {{date}}',
    overdue: 'Plazos legales vencidos',
    overdueHint: 'Incidentes abiertos con un plazo vencido',
    dueSoon: 'Plazos por vencer',
    dueSoonHint: 'Incidentes abiertos con un plazo próximo',
    tasksOverdue: 'Tareas vencidas',
    tasksOverdueHint: 'Abiertas después de su fecha límite',
  },
  incidents: {
    title: 'Incidentes de los últimos {{days}} días',
    daily: 'Reportados por día',
    dailyLabel: 'Incidentes reportados por día, del {{from}} al {{to}}',
    dailySummary: '{{total}} en total; el día con más reportes fue el {{date}}, con {{count}}.',
    series: 'Incidentes',
    byStatus: 'Por estado',
    bySeverity: 'Por severidad (NCISS)',
    severityLabel: 'Incidentes por nivel de severidad',
    none: 'No se reportaron incidentes en este periodo.',
  },
  tasks: {
    title: 'Tareas vencidas por dependencia',
    none: 'No hay tareas vencidas.',
  },
  plan: {
    title: 'Avance del plan por objetivo',
    initiativesUnit_one: 'iniciativa',
    initiativesUnit_other: 'iniciativas',
    late_one: '{{count}} hito atrasado',
    late_other: '{{count}} hitos atrasados',
    noneNational: 'Todavía no hay iniciativas registradas.',
    noneAgency: 'Tu dependencia no lidera ni participa en ninguna iniciativa.',
    registry: 'Ver el registro',
  },
};
