import { currentDesignations, emergencyContacts, getAgency, type Db } from '@anc/db';
import type { UseCaseContext } from '../use-case.ts';
import { readableOr404 } from '../incidents/incident-rules.ts';
import { readableTaskOr404 } from '../tasks/task-rules.ts';
import { agencyRef, toDesignationDto, toEmergencyContactDto, type DesignationDto, type DirectoryAgencyRef, type EmergencyContactDto } from './directory-dto.ts';

export interface AgencyContactsDto {
  agency: DirectoryAgencyRef;
  /** The agency's current RIC, if designated. */
  ric: DesignationDto | null;
  emergencyContact: EmergencyContactDto | null;
}

async function contactsOf(db: Db, agencyId: string): Promise<AgencyContactsDto | null> {
  const agency = await getAgency(db, agencyId);
  if (!agency || agency.kind === 'national_agency') return null;
  const [current, contacts] = await Promise.all([currentDesignations(db, [agencyId]), emergencyContacts(db, [agencyId])]);
  const ric = current.find((d) => d.role === 'ric');
  const contact = contacts[0];
  return { agency: agencyRef(agency), ric: ric ? toDesignationDto(ric) : null, emergencyContact: contact ? toEmergencyContactDto(contact) : null };
}

/**
 * The reporting agency's RIC and 24/7 contact, for whoever may read the incident (NOT_FOUND
 * otherwise, as incidents.get): the people to call about it. Null for a report filed by the ANC.
 */
export async function incidentContacts(ctx: UseCaseContext, input: { id: string }): Promise<AgencyContactsDto | null> {
  const incident = await readableOr404(ctx.db, ctx.actor, input.id);
  return contactsOf(ctx.db, incident.agencyId);
}

/** The assignee agency's RIC and 24/7 contact, for whoever may read the task (NOT_FOUND otherwise, as tasks.get). */
export async function taskContacts(ctx: UseCaseContext, input: { id: string }): Promise<AgencyContactsDto | null> {
  const task = await readableTaskOr404(ctx.db, ctx.actor, input.id);
  return contactsOf(ctx.db, task.assigneeAgencyId);
}
