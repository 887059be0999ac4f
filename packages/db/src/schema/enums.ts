import { pgEnum } from 'drizzle-orm/pg-core';
import {
  AGENCY_KINDS,
  DESIGNATION_ROLES,
  DIGEST_OPTIONS,
  ENCS_OBJECTIVES,
  INITIATIVE_STATUSES,
  NOTIFICATION_KINDS,
  TASK_PRIORITIES,
  TASK_STATUSES,
  TRANSVERSAL_AXES,
  INCIDENT_STATUSES,
  LOCALES,
  OBLIGATION_KINDS,
  OBSERVABLE_TYPES,
  REPORT_KINDS,
  ROLES,
  RSIT_CLASSES,
  RSIT_TYPES,
  SECTORS,
  TLP_LEVELS,
  USER_KINDS,
} from '@anc/domain';

export const agencyKind = pgEnum('agency_kind', AGENCY_KINDS);
export const sector = pgEnum('sector', SECTORS);
export const role = pgEnum('role', ROLES);
export const locale = pgEnum('locale', LOCALES);
export const userKind = pgEnum('user_kind', USER_KINDS);
export const digestOption = pgEnum('digest_option', DIGEST_OPTIONS);

export const incidentStatus = pgEnum('incident_status', INCIDENT_STATUSES);
export const rsitClass = pgEnum('rsit_class', RSIT_CLASSES);
export const rsitType = pgEnum('rsit_type', RSIT_TYPES);
export const tlp = pgEnum('tlp', TLP_LEVELS);
export const observableType = pgEnum('observable_type', OBSERVABLE_TYPES);
export const obligationKind = pgEnum('obligation_kind', OBLIGATION_KINDS);
export const reportKind = pgEnum('report_kind', REPORT_KINDS);

export const taskStatus = pgEnum('task_status', TASK_STATUSES);
export const taskPriority = pgEnum('task_priority', TASK_PRIORITIES);
export const notificationKind = pgEnum('notification_kind', NOTIFICATION_KINDS);

export const encsObjective = pgEnum('encs_objective', ENCS_OBJECTIVES);
export const transversalAxis = pgEnum('transversal_axis', TRANSVERSAL_AXES);
export const initiativeStatus = pgEnum('initiative_status', INITIATIVE_STATUSES);

/** The three roles of the institutional directory (packages/domain/src/directory/clock.ts). */
export const designationRole = pgEnum('designation_role', DESIGNATION_ROLES);
