import { currentDesignations, designationHistory, emergencyContacts, type AgencyRow, type Db, type DesignationRow, type EmergencyContactRow } from '@anc/db';
import {
  DESIGNATION_ROLES,
  designationDueDate,
  designationState,
  mexicoCityDate,
  missingDesignationRoles,
  type DesignationRole,
  type DesignationState,
} from '@anc/domain';

export interface DirectoryAgencyRef {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}

export interface DesignationDto {
  role: DesignationRole;
  name: string;
  position: string;
  email: string;
  /** E.164 (+525512345678). */
  phone: string;
  /** The day of the designation (Mexico City calendar day). */
  designatedAt: string;
  recordedAt: string;
}

export interface PastDesignationDto extends DesignationDto {
  replacedAt: string;
}

export interface EmergencyContactDto {
  name: string;
  phone: string;
  email: string;
  updatedAt: string;
}

export interface DirectoryEntryDto {
  agency: DirectoryAgencyRef;
  /** Current holders, in the policy's order (titular, ric, ric_auxiliar); a role without one is absent. */
  designations: DesignationDto[];
  /** Past holders, most recently replaced first (at most DESIGNATION_HISTORY_LIMIT). */
  history: PastDesignationDto[];
  emergencyContact: EmergencyContactDto | null;
  /** The last day to designate (Mexico City calendar day): POLICY_EFFECTIVE_DATE + 60. */
  designationDueAt: string;
  designationState: DesignationState;
  missingRoles: DesignationRole[];
}

export type DirectoryListItemDto = Omit<DirectoryEntryDto, 'history' | 'designations'> & {
  /** The RIC's name and the roles designated, enough for the list's row. */
  designatedRoles: DesignationRole[];
  ricName: string | null;
};

export const agencyRef = (a: AgencyRow): DirectoryAgencyRef => ({ id: a.id, code: a.code, name: a.name, nameEn: a.nameEn });

export const toDesignationDto = (d: DesignationRow): DesignationDto => ({
  role: d.role,
  name: d.name,
  position: d.position,
  email: d.email,
  phone: d.phone,
  designatedAt: d.designatedAt,
  recordedAt: d.recordedAt.toISOString(),
});

export const toEmergencyContactDto = (c: EmergencyContactRow): EmergencyContactDto => ({
  name: c.name,
  phone: c.phone,
  email: c.email,
  updatedAt: c.updatedAt.toISOString(),
});

const byPolicyOrder = (a: { role: DesignationRole }, b: { role: DesignationRole }) => DESIGNATION_ROLES.indexOf(a.role) - DESIGNATION_ROLES.indexOf(b.role);

/** The clock of one agency, from its current holders. */
export function clockOf(policyEffectiveDate: string, designated: readonly DesignationRole[], now: Date) {
  return {
    designationDueAt: designationDueDate(policyEffectiveDate),
    designationState: designationState({ policyEffectiveDate, designated, today: mexicoCityDate(now) }),
    missingRoles: missingDesignationRoles(designated),
  };
}

/** Every agency's row of the directory, by code. */
export async function buildDirectoryList(db: Db, rows: readonly AgencyRow[], policyEffectiveDate: string, now: Date): Promise<DirectoryListItemDto[]> {
  const ids = rows.map((a) => a.id);
  const [current, contacts] = await Promise.all([currentDesignations(db, ids), emergencyContacts(db, ids)]);
  return rows.map((a) => {
    const mine = current.filter((d) => d.agencyId === a.id).sort(byPolicyOrder);
    const contact = contacts.find((c) => c.agencyId === a.id);
    const roles = mine.map((d) => d.role);
    return {
      agency: agencyRef(a),
      designatedRoles: roles,
      ricName: mine.find((d) => d.role === 'ric')?.name ?? null,
      emergencyContact: contact ? toEmergencyContactDto(contact) : null,
      ...clockOf(policyEffectiveDate, roles, now),
    };
  });
}

export async function buildDirectoryEntry(db: Db, agency: AgencyRow, policyEffectiveDate: string, now: Date): Promise<DirectoryEntryDto> {
  const [current, history, contacts] = await Promise.all([
    currentDesignations(db, [agency.id]),
    designationHistory(db, agency.id),
    emergencyContacts(db, [agency.id]),
  ]);
  const designations = current.sort(byPolicyOrder).map(toDesignationDto);
  const contact = contacts[0];
  return {
    agency: agencyRef(agency),
    designations,
    history: history.map((d) => ({ ...toDesignationDto(d), replacedAt: (d.replacedAt ?? d.recordedAt).toISOString() })),
    emergencyContact: contact ? toEmergencyContactDto(contact) : null,
    ...clockOf(
      policyEffectiveDate,
      designations.map((d) => d.role),
      now,
    ),
  };
}
