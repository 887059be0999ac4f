import type { ObligationKind } from '../incidents/obligations.ts';
import type { NotificationKind, NotificationTitleFacts } from '../notifications.ts';
import type { Bilingual, Labels } from './types.ts';

/** What the title of a notification names: the task or incident, as its reader may see it. */
export interface NamedSubject {
  reference: string;
  title: string;
}
/** @deprecated the old name of `NamedSubject` (tasks only). */
export type NamedTask = NamedSubject;
/** A legal-deadline reminder names the incident and the obligation. */
export interface NamedObligation extends NamedSubject {
  obligation: ObligationKind;
}

const named = (task: NamedSubject) => `${task.reference} · ${task.title}`;

/** The obligations as a reminder names them (lower case: they sit inside a sentence). */
const OBLIGATION_NAMES = {
  early_warning: { 'es-MX': 'el aviso temprano', en: 'the early warning' },
  notification: { 'es-MX': 'la notificación del incidente', en: 'the incident notification' },
  final_report: { 'es-MX': 'el informe final', en: 'the final report' },
} as const satisfies Labels<ObligationKind>;

/**
 * The titles of in-app notifications, one per kind of packages/domain/src/notifications.ts
 * (a kind without a title fails tsc), and the ones said of a task or incident its reader may no
 * longer read (no reference, no title: see `nameTaskFor` / `nameIncidentFor` in naming.ts).
 */
export const NOTIFICATION_WORDS = {
  task_assigned: {
    'es-MX': (task) => `Nueva tarea para tu dependencia: ${named(task)}`,
    en: (task) => `New task for your agency: ${named(task)}`,
  },
  task_reassigned: {
    'es-MX': (task) => `Tarea reasignada a tu dependencia: ${named(task)}`,
    en: (task) => `Task reassigned to your agency: ${named(task)}`,
  },
  task_returned: {
    'es-MX': (task) => `La ANC devolvió la tarea con comentarios: ${named(task)}`,
    en: (task) => `The ANC returned the task with comments: ${named(task)}`,
  },
  task_reopened: {
    'es-MX': (task) => `La ANC reabrió la tarea: ${named(task)}`,
    en: (task) => `The ANC reopened the task: ${named(task)}`,
  },
  task_cancelled: {
    'es-MX': (task) => `La ANC canceló la tarea: ${named(task)}`,
    en: (task) => `The ANC cancelled the task: ${named(task)}`,
  },
  task_in_review: {
    'es-MX': (task) => `Tarea enviada a revisión: ${named(task)}`,
    en: (task) => `Task sent for review: ${named(task)}`,
  },
  task_overdue: {
    'es-MX': (task) => `Tarea vencida: ${named(task)}`,
    en: (task) => `Task overdue: ${named(task)}`,
  },
  task_blocked: {
    'es-MX': (task) => `Tarea bloqueada por la dependencia: ${named(task)}`,
    en: (task) => `Task blocked by the agency: ${named(task)}`,
  },
  incident_filed: {
    'es-MX': (incident) => `Nuevo reporte de incidente: ${named(incident)}`,
    en: (incident) => `New incident report: ${named(incident)}`,
  },
  incident_shared: {
    'es-MX': (incident) => `La ANC compartió un incidente con tu dependencia: ${named(incident)}`,
    en: (incident) => `The ANC shared an incident with your agency: ${named(incident)}`,
  },
  incident_status_changed: {
    'es-MX': (incident) => `Cambió el estado de tu incidente: ${named(incident)}`,
    en: (incident) => `Your incident changed status: ${named(incident)}`,
  },
  incident_note: {
    'es-MX': (incident) => `La ANC agregó una nota a tu incidente: ${named(incident)}`,
    en: (incident) => `The ANC added a note to your incident: ${named(incident)}`,
  },
  incident_comment: {
    'es-MX': (incident) => `Nuevo comentario en un incidente que reportaste: ${named(incident)}`,
    en: (incident) => `New comment on an incident you reported: ${named(incident)}`,
  },
  obligation_due_soon: {
    'es-MX': (o) => `Por vencer ${OBLIGATION_NAMES[o.obligation]['es-MX']}: ${named(o)}`,
    en: (o) => `Due soon, ${OBLIGATION_NAMES[o.obligation].en}: ${named(o)}`,
  },
  obligation_overdue: {
    'es-MX': (o) => `Venció el plazo de ${OBLIGATION_NAMES[o.obligation]['es-MX']}: ${named(o)}`,
    en: (o) => `Overdue, ${OBLIGATION_NAMES[o.obligation].en}: ${named(o)}`,
  },
  incident_assigned: {
    'es-MX': (incident) => `Te asignaron un incidente como responsable: ${named(incident)}`,
    en: (incident) => `You were made the owner of an incident: ${named(incident)}`,
  },
  incident_owner_update: {
    'es-MX': (incident) => `Novedad en un incidente a tu cargo: ${named(incident)}`,
    en: (incident) => `News on an incident you own: ${named(incident)}`,
  },
  advisory_published: {
    'es-MX': (a) => `Nueva alerta de la ANC para tu dependencia: ${named(a)}`,
    en: (a) => `New ANC advisory for your agency: ${named(a)}`,
  },
  advisory_reminder: {
    'es-MX': (a) => `Venció el plazo para responder la alerta: ${named(a)}`,
    en: (a) => `The deadline to answer the advisory has passed: ${named(a)}`,
  },
  hidden_incident: {
    'es-MX': 'Un incidente que ya no puedes consultar',
    en: 'An incident you can no longer read',
  },
  hidden_task: {
    'es-MX': 'Una tarea que ya no está a cargo de tu dependencia',
    en: 'A task no longer assigned to your agency',
  },
} as const satisfies { readonly [K in NotificationKind]: Bilingual<(facts: NotificationTitleFacts<K>) => string> } & {
  readonly hidden_task: Bilingual;
  readonly hidden_incident: Bilingual;
};
