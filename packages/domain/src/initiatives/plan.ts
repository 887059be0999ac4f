/**
 * The master-plan vocabulary (DESIGN: Initiative). The enumerations are fixed here because the
 * database enums are generated from them; labels, the state machine, progress and KPI rules live
 * beside them in this folder.
 */
export const ENCS_OBJECTIVES = ['society_rights', 'economy_innovation', 'public_institutions', 'public_security', 'national_security'] as const;
export type EncsObjective = (typeof ENCS_OBJECTIVES)[number];

export const TRANSVERSAL_AXES = [
  'culture',
  'capacity_building',
  'coordination',
  'rd_innovation',
  'standards',
  'critical_infrastructure',
  'legal_framework',
  'measurement',
] as const;
export type TransversalAxis = (typeof TRANSVERSAL_AXES)[number];

export const INITIATIVE_STATUSES = ['proposed', 'approved', 'active', 'on_hold', 'completed', 'cancelled'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];
