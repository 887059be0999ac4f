/**
 * `notifications.*` in Spanish (Mexico): the bell in the header and the page /notificaciones.
 * Its own file, like tasks.es-MX.ts, so features built at the same time do not edit the same lines.
 */
export const notificationsEsMX = {
  pageTitle: 'Notificaciones',
  title: 'Notificaciones',
  subtitle:
    'Avisos sobre incidentes y tareas: reportes nuevos, incidentes compartidos, cambios de estado, notas, plazos legales por vencer o vencidos, asignaciones, revisiones, devoluciones, bloqueos y vencimientos.',
  bellNone: 'Notificaciones: ninguna sin leer',
  bell_one: '{{count}} notificación sin leer',
  bell_other: '{{count}} notificaciones sin leer',
  popoverTitle: 'Notificaciones',
  latest: 'Notificaciones recientes',
  listLabel: 'Tus notificaciones',
  unread: 'Sin leer',
  markAllRead: 'Marcar todas como leídas',
  markRead: 'Marcar como leída',
  markReadOf: 'Marcar como leída: {{title}}',
  markedAllRead_one: 'Se marcó {{count}} notificación como leída.',
  markedAllRead_other: 'Se marcaron {{count}} notificaciones como leídas.',
  viewAll: 'Ver todas las notificaciones',
  empty: 'No tienes notificaciones.',
  emptyHint:
    'Aquí verás los incidentes que te conciernen (reportados, compartidos con tu dependencia, con cambios, notas o plazos legales por vencer) y las tareas asignadas, enviadas a revisión, devueltas, bloqueadas, reabiertas, canceladas o vencidas.',
  emptyUnread: 'No tienes notificaciones sin leer.',
  unreadOnly: 'Solo sin leer',
  comment: 'Comentario: {{comment}}',
  shown_one: '{{count}} notificación mostrada',
  shown_other: '{{count}} notificaciones mostradas',
  loadFailed: 'No fue posible cargar las notificaciones.',
};
