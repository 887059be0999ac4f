import { ANC_AGENCY_CODE, type AgencyKind, type Role, type Sector } from '@anc/domain';
import type { Db } from './client.ts';
import { writeAudit } from './queries/audit.ts';
import { agencies, users } from './schema/index.ts';

interface SeedAgency {
  code: string;
  name: string;
  nameEn: string;
  kind: AgencyKind;
  sector: Sector | null;
}

/** The ANC itself: every deployment needs it, because coordinators and admins belong to it. */
export const ANC_AGENCY: SeedAgency = {
  code: ANC_AGENCY_CODE,
  name: 'Agencia Nacional de Ciberseguridad',
  nameEn: 'National Cybersecurity Agency',
  kind: 'national_agency',
  sector: 'government',
};

/**
 * Real federal bodies for the demo. The design's agency kinds are coarse: deconcentrated bodies
 * (SAT, Guardia Nacional) are filed with the ministry they report to, state-owned companies that
 * run critical services as critical operators.
 */
export const DEMO_AGENCIES: readonly SeedAgency[] = [
  { code: 'SEDENA', name: 'Secretaría de la Defensa Nacional', nameEn: 'Ministry of National Defense', kind: 'federal_ministry', sector: 'defense' },
  { code: 'SEMAR', name: 'Secretaría de Marina', nameEn: 'Ministry of the Navy', kind: 'federal_ministry', sector: 'defense' },
  {
    code: 'SSPC',
    name: 'Secretaría de Seguridad y Protección Ciudadana',
    nameEn: 'Ministry of Security and Citizen Protection',
    kind: 'federal_ministry',
    sector: 'public_security',
  },
  { code: 'GN', name: 'Guardia Nacional', nameEn: 'National Guard', kind: 'federal_ministry', sector: 'public_security' },
  {
    code: 'SHCP',
    name: 'Secretaría de Hacienda y Crédito Público',
    nameEn: 'Ministry of Finance and Public Credit',
    kind: 'federal_ministry',
    sector: 'finance',
  },
  { code: 'SRE', name: 'Secretaría de Relaciones Exteriores', nameEn: 'Ministry of Foreign Affairs', kind: 'federal_ministry', sector: 'foreign_affairs' },
  { code: 'SEGOB', name: 'Secretaría de Gobernación', nameEn: 'Ministry of the Interior', kind: 'federal_ministry', sector: 'government' },
  { code: 'SSA', name: 'Secretaría de Salud', nameEn: 'Ministry of Health', kind: 'federal_ministry', sector: 'health' },
  { code: 'SEP', name: 'Secretaría de Educación Pública', nameEn: 'Ministry of Public Education', kind: 'federal_ministry', sector: 'education' },
  {
    code: 'SICT',
    name: 'Secretaría de Infraestructura, Comunicaciones y Transportes',
    nameEn: 'Ministry of Infrastructure, Communications and Transport',
    kind: 'federal_ministry',
    sector: 'transport',
  },
  {
    code: 'ATDT',
    name: 'Agencia de Transformación Digital y Telecomunicaciones',
    nameEn: 'Digital Transformation and Telecommunications Agency',
    kind: 'federal_ministry',
    sector: 'telecommunications',
  },
  { code: 'SAT', name: 'Servicio de Administración Tributaria', nameEn: 'Tax Administration Service', kind: 'federal_ministry', sector: 'tax' },
  { code: 'BANXICO', name: 'Banco de México', nameEn: 'Bank of Mexico', kind: 'autonomous_body', sector: 'finance' },
  { code: 'INE', name: 'Instituto Nacional Electoral', nameEn: 'National Electoral Institute', kind: 'autonomous_body', sector: 'government' },
  { code: 'CFE', name: 'Comisión Federal de Electricidad', nameEn: 'Federal Electricity Commission', kind: 'critical_operator', sector: 'energy' },
  { code: 'PEMEX', name: 'Petróleos Mexicanos', nameEn: 'Mexican Petroleum', kind: 'critical_operator', sector: 'energy' },
  { code: 'IMSS', name: 'Instituto Mexicano del Seguro Social', nameEn: 'Mexican Social Security Institute', kind: 'critical_operator', sector: 'health' },
  { code: 'CONAGUA', name: 'Comisión Nacional del Agua', nameEn: 'National Water Commission', kind: 'critical_operator', sector: 'water' },
  { code: 'CDMX', name: 'Gobierno de la Ciudad de México', nameEn: 'Mexico City Government', kind: 'state_government', sector: 'government' },
];

interface SeedUser {
  email: string;
  name: string;
  role: Role;
  agencyCode: string;
}

const STAFF_NAMES = [
  'María Fernanda López',
  'José Luis Hernández',
  'Ana Sofía Ramírez',
  'Carlos Alberto Torres',
  'Guadalupe Martínez',
  'Juan Pablo Sánchez',
  'Daniela Flores',
  'Miguel Ángel Cruz',
  'Valeria Gómez',
  'Luis Enrique Díaz',
  'Ximena Morales',
  'Ricardo Vargas',
  'Paola Jiménez',
  'Fernando Castillo',
  'Mariana Ortiz',
  'Alejandro Reyes',
  'Andrea Mendoza',
  'Jorge Aguilar',
  'Regina Chávez',
];

/** One admin, two coordinators, and one staff account (the agency's liaison) per demo agency. */
export const DEMO_USERS: readonly SeedUser[] = [
  { email: 'admin@anc.gob.mx', name: 'Laura Domínguez', role: 'admin', agencyCode: ANC_AGENCY_CODE },
  { email: 'coordinacion@anc.gob.mx', name: 'Claudia Ríos', role: 'coordinator', agencyCode: ANC_AGENCY_CODE },
  { email: 'analista@anc.gob.mx', name: 'Roberto Salinas', role: 'coordinator', agencyCode: ANC_AGENCY_CODE },
  ...DEMO_AGENCIES.map((a, i) => ({
    email: `enlace@${a.code.toLowerCase()}.gob.mx`,
    name: STAFF_NAMES[i % STAFF_NAMES.length] ?? 'Enlace',
    role: 'staff' as const,
    agencyCode: a.code,
  })),
];

const SEED_ORIGIN = { source: 'seed' };

async function upsertAgencies(db: Db, list: readonly SeedAgency[]): Promise<number> {
  const inserted = await db
    .insert(agencies)
    .values([...list])
    .onConflictDoNothing({ target: agencies.code })
    .returning();
  for (const a of inserted) {
    await writeAudit(db, {
      actorId: null,
      action: 'agency.create',
      entityType: 'agency',
      entityId: a.id,
      diff: { code: [null, a.code], name: [null, a.name], kind: [null, a.kind] },
      origin: SEED_ORIGIN,
    });
  }
  return inserted.length;
}

/** Reference data every deployment needs. Idempotent. */
export async function seedReferenceData(db: Db): Promise<{ agencies: number }> {
  return db.transaction(async (tx) => ({ agencies: await upsertAgencies(tx, [ANC_AGENCY]) }));
}

/**
 * Demo agencies and accounts. Idempotent: existing agencies and accounts are left exactly as they
 * are (an admin may have edited them), so a second run changes nothing.
 * `passwordHash` is the hash of the demo password (hashing belongs to @anc/auth).
 */
export async function seedDemoData(db: Db, { passwordHash }: { passwordHash: string }) {
  return db.transaction(async (tx) => {
    const agencyCount = await upsertAgencies(tx, [ANC_AGENCY, ...DEMO_AGENCIES]);
    const byCode = new Map((await tx.select({ id: agencies.id, code: agencies.code }).from(agencies)).map((a) => [a.code, a.id]));
    const values = DEMO_USERS.flatMap((u) => {
      const agencyId = byCode.get(u.agencyCode);
      return agencyId ? [{ email: u.email, name: u.name, role: u.role, agencyId, passwordHash }] : [];
    });
    const inserted = await tx.insert(users).values(values).onConflictDoNothing({ target: users.email }).returning();
    for (const u of inserted) {
      await writeAudit(tx, {
        actorId: null,
        action: 'user.create',
        entityType: 'user',
        entityId: u.id,
        diff: { email: [null, u.email], name: [null, u.name], role: [null, u.role], agencyId: [null, u.agencyId] },
        origin: SEED_ORIGIN,
      });
    }
    return { agencies: agencyCount, users: inserted.length };
  });
}
