import type { Locale } from '../roles.ts';
import type { EncsObjective, InitiativeStatus, TransversalAxis } from '../initiatives/plan.ts';
import type { InitiativeStep } from '../initiatives/status.ts';
import type { MilestoneState } from '../initiatives/progress.ts';
import type { Labels } from './types.ts';

/**
 * Names of the five strategic objectives of the Estrategia Nacional de Ciberseguridad (2017) and
 * its eight transversal axes, as the strategy words them, Spanish first. Each table is typed by
 * its enumeration (packages/domain/src/initiatives/), so a value without a label fails tsc.
 */
export const ENCS_OBJECTIVE_LABELS = {
  society_rights: { 'es-MX': 'Sociedad y derechos', en: 'Society and rights' },
  economy_innovation: { 'es-MX': 'Economía e innovación', en: 'Economy and innovation' },
  public_institutions: { 'es-MX': 'Instituciones públicas', en: 'Public institutions' },
  public_security: { 'es-MX': 'Seguridad pública', en: 'Public security' },
  national_security: { 'es-MX': 'Seguridad nacional', en: 'National security' },
} as const satisfies Labels<EncsObjective>;

export const TRANSVERSAL_AXIS_LABELS = {
  culture: { 'es-MX': 'Cultura de ciberseguridad', en: 'Cybersecurity culture' },
  capacity_building: { 'es-MX': 'Desarrollo de capacidades', en: 'Capacity building' },
  coordination: { 'es-MX': 'Coordinación y colaboración', en: 'Coordination and collaboration' },
  rd_innovation: { 'es-MX': 'Investigación, desarrollo e innovación en TIC', en: 'ICT research, development and innovation' },
  standards: { 'es-MX': 'Estándares y criterios técnicos', en: 'Standards and technical criteria' },
  critical_infrastructure: { 'es-MX': 'Infraestructuras críticas', en: 'Critical infrastructure' },
  legal_framework: { 'es-MX': 'Marco jurídico y autorregulación', en: 'Legal framework and self-regulation' },
  measurement: { 'es-MX': 'Medición y seguimiento', en: 'Measurement and monitoring' },
} as const satisfies Labels<TransversalAxis>;

export const INITIATIVE_STATUS_LABELS = {
  proposed: { 'es-MX': 'Propuesta', en: 'Proposed' },
  approved: { 'es-MX': 'Aprobada', en: 'Approved' },
  active: { 'es-MX': 'En ejecución', en: 'Active' },
  on_hold: { 'es-MX': 'En pausa', en: 'On hold' },
  completed: { 'es-MX': 'Concluida', en: 'Completed' },
  cancelled: { 'es-MX': 'Cancelada', en: 'Cancelled' },
} as const satisfies Labels<InitiativeStatus>;

/** Button labels of the steps. */
export const INITIATIVE_STEP_LABELS = {
  approve: { 'es-MX': 'Aprobar', en: 'Approve' },
  activate: { 'es-MX': 'Iniciar ejecución', en: 'Start' },
  hold: { 'es-MX': 'Pausar', en: 'Put on hold' },
  resume: { 'es-MX': 'Reanudar', en: 'Resume' },
  complete: { 'es-MX': 'Concluir', en: 'Complete' },
  cancel: { 'es-MX': 'Cancelar', en: 'Cancel' },
} as const satisfies Labels<InitiativeStep>;

export const MILESTONE_STATE_LABELS = {
  pending: { 'es-MX': 'Pendiente', en: 'Pending' },
  late: { 'es-MX': 'Atrasado', en: 'Late' },
  done: { 'es-MX': 'Cumplido', en: 'Done' },
  done_late: { 'es-MX': 'Cumplido con retraso', en: 'Done late' },
} as const satisfies Labels<MilestoneState>;

/** The initiatives area of the catalogue (`words(locale).initiatives.objectives.society_rights`). */
export const INITIATIVE_WORDS = {
  objectives: ENCS_OBJECTIVE_LABELS,
  axes: TRANSVERSAL_AXIS_LABELS,
  statuses: INITIATIVE_STATUS_LABELS,
  steps: INITIATIVE_STEP_LABELS,
  milestones: MILESTONE_STATE_LABELS,
} as const;

export const objectiveLabel = (o: EncsObjective, locale: Locale) => ENCS_OBJECTIVE_LABELS[o][locale];
export const axisLabel = (a: TransversalAxis, locale: Locale) => TRANSVERSAL_AXIS_LABELS[a][locale];
export const initiativeStatusLabel = (s: InitiativeStatus, locale: Locale) => INITIATIVE_STATUS_LABELS[s][locale];
