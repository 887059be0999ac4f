import { DomainError } from '../errors.ts';
import type { Actor } from '../actor.ts';
import type { InitiativeStatus } from './plan.ts';
import { allowedInitiativeTransitions, isClosedInitiativeStatus } from './status.ts';

/**
 * Who does what with an initiative (DESIGN: Initiative): everyone signed in reads the registry;
 * admins create, edit, plan (milestones, KPIs) and move it; staff of the lead agency report its
 * progress (tick milestones, record KPI values). Staff of a participating agency only read.
 * The role rows are in permissions.ts; the lead-agency condition is here.
 */
export interface InitiativeAccessFacts {
  status: InitiativeStatus;
  leadAgencyId: string;
}

export const isLeadAgencyStaff = (actor: Pick<Actor, 'role' | 'agencyId'>, initiative: Pick<InitiativeAccessFacts, 'leadAgencyId'>) =>
  actor.role === 'staff' && actor.agencyId === initiative.leadAgencyId;

export const INITIATIVE_CAPABILITIES = ['edit', 'transition', 'addMilestone', 'addKpi', 'completeMilestones', 'recordKpi'] as const;
export type InitiativeCapability = (typeof INITIATIVE_CAPABILITIES)[number];
export type InitiativeCapabilities = Record<InitiativeCapability, boolean>;

/** What the detail page may offer this actor. */
export function initiativeCapabilities(actor: Pick<Actor, 'role' | 'agencyId'>, initiative: InitiativeAccessFacts): InitiativeCapabilities {
  const admin = actor.role === 'admin';
  const open = !isClosedInitiativeStatus(initiative.status);
  const reporter = (admin || isLeadAgencyStaff(actor, initiative)) && open;
  return {
    // Admins may correct the record of a closed initiative too (a typo, the final budget).
    edit: admin,
    transition: allowedInitiativeTransitions(actor, initiative.status).length > 0,
    addMilestone: admin && open,
    addKpi: admin && open,
    completeMilestones: reporter,
    recordKpi: reporter,
  };
}

/**
 * Ticking milestones and recording KPI values: admins, and staff of the lead agency (FORBIDDEN for
 * anyone else, checked first: a participating agency never may); nobody once the initiative is
 * completed or cancelled (UNPROCESSABLE).
 */
export function assertProgressReporter(actor: Pick<Actor, 'role' | 'agencyId'>, initiative: InitiativeAccessFacts): void {
  if (actor.role !== 'admin' && !isLeadAgencyStaff(actor, initiative)) throw new DomainError('FORBIDDEN', 'initiative_lead_agency_only');
  assertInitiativeOpen(initiative);
}

/** Milestones and KPIs of a completed or cancelled initiative are history. */
export function assertInitiativeOpen(initiative: Pick<InitiativeAccessFacts, 'status'>): void {
  if (isClosedInitiativeStatus(initiative.status)) throw new DomainError('UNPROCESSABLE', 'initiative_closed');
}
