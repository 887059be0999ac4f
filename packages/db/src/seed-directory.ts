import { count } from 'drizzle-orm';
import type { DesignationRole } from '@anc/domain';
import type { Db } from './client.ts';
import { writeAudit } from './queries/audit.ts';
import { replaceDesignation, upsertEmergencyContact } from './queries/directory.ts';
import { agencies, agencyDesignations } from './schema/index.ts';

interface DemoPerson {
  name: string;
  position: string;
  /** The local part of the address at the agency's domain (`<code>.gob.mx`). */
  mailbox: string;
  /** E.164. */
  phone: string;
  designatedAt: string;
}

interface DemoEntry {
  code: string;
  /** Past holders first, then the current one, per role; a role left out is not designated. */
  roles: Partial<Record<DesignationRole, DemoPerson[]>>;
  emergency?: { name: string; phone: string; mailbox: string };
}

const p = (name: string, position: string, mailbox: string, phone: string, designatedAt: string): DemoPerson => ({
  name,
  position,
  mailbox,
  phone,
  designatedAt,
});

/**
 * The institutional directory of the demo: most agencies designated all three roles within the 60
 * days (one of them replaced its RIC since), some are late with one or two roles missing (SEDENA
 * lacks its RIC: the browser test designates it), and a few (SICT, CONAGUA, CDMX) have nothing yet.
 */
export const DEMO_DIRECTORY: readonly DemoEntry[] = [
  {
    code: 'SEDENA',
    roles: {
      titular: [p('Gral. Brig. Ernesto Valdés Ruiz', 'Director General de Transmisiones', 'ciberseguridad.titular', '+525556265000', '2026-01-12')],
      ric_auxiliar: [p('Mayor Ing. Sofía Arellano Pineda', 'Jefa de la Sección de Ciberdefensa', 'ric.auxiliar', '+525556265010', '2026-01-12')],
    },
    emergency: { name: 'Centro de Operaciones del Ciberespacio (guardia 24/7)', phone: '+525556265099', mailbox: 'coc.guardia' },
  },
  {
    code: 'SEMAR',
    roles: {
      titular: [p('Vicealmirante Héctor Manuel Loera', 'Jefe de la Unidad de Ciberseguridad', 'titular.ciber', '+525556246500', '2026-01-08')],
      ric: [p('Capitán de Fragata Adriana Solís Mena', 'Responsable Institucional de Ciberseguridad', 'ric', '+525556246512', '2026-01-08')],
      ric_auxiliar: [p('Teniente de Navío Iván Cortés Ramos', 'Analista del CSIRT Naval', 'ric.auxiliar', '+525556246513', '2026-01-20')],
    },
    emergency: { name: 'CSIRT Naval — mesa de guardia', phone: '+525556246599', mailbox: 'csirt.guardia' },
  },
  {
    code: 'SSPC',
    roles: {
      titular: [p('Mtra. Lorena Espinosa Vela', 'Titular de la Unidad de Tecnologías de la Información', 'titular.ti', '+525511036000', '2026-01-30')],
      ric: [
        p('Ing. Raúl Domínguez Ochoa', 'Director de Seguridad Informática', 'ric.anterior', '+525511036010', '2026-01-30'),
        p('Mtra. Karla Ibarra Zepeda', 'Directora General de Ciberseguridad', 'ric', '+525511036011', '2026-05-18'),
      ],
      ric_auxiliar: [p('Lic. Omar Gutiérrez Lara', 'Subdirector de Respuesta a Incidentes', 'ric.auxiliar', '+525511036012', '2026-02-02')],
    },
    emergency: { name: 'Policía Cibernética — guardia 24/7', phone: '+525550361088', mailbox: 'policia.cibernetica' },
  },
  {
    code: 'GN',
    roles: {
      titular: [p('Comisario Jefe Arturo Beltrán Sosa', 'Coordinador de Tecnologías', 'titular.ciber', '+525512345600', '2026-02-20')],
    },
  },
  {
    code: 'SHCP',
    roles: {
      titular: [p('Dra. Patricia Galindo Reyna', 'Titular de la Unidad de Gobierno Digital', 'titular.ciber', '+525536880000', '2026-01-15')],
      ric: [p('Mtro. Eduardo Nava Quiroz', 'Director de Seguridad de la Información', 'ric', '+525536880101', '2026-01-15')],
      ric_auxiliar: [p('Ing. Natalia Robles Fuentes', 'Subdirectora de Monitoreo', 'ric.auxiliar', '+525536880102', '2026-01-15')],
    },
    emergency: { name: 'SOC Hacienda', phone: '+525536880199', mailbox: 'soc' },
  },
  {
    code: 'SRE',
    roles: {
      titular: [p('Emb. Gabriela Toledo Ávila', 'Directora General de Tecnologías de Información', 'titular.ciber', '+525536865100', '2026-02-10')],
      ric: [p('Ing. Sergio Landa Mejía', 'Director de Seguridad Informática', 'ric', '+525536865101', '2026-02-10')],
    },
    emergency: { name: 'Mesa de servicio 24/7 de la Cancillería', phone: '+525536865199', mailbox: 'guardia.ti' },
  },
  {
    code: 'SEGOB',
    roles: {
      titular: [p('Lic. Tomás Herrera Villalobos', 'Titular de la Unidad de Tecnologías de la Información', 'titular.ciber', '+525551280000', '2026-01-22')],
      ric: [p('Mtra. Elena Cárdenas Rivas', 'Responsable Institucional de Ciberseguridad', 'ric', '+525551280011', '2026-01-22')],
      ric_auxiliar: [p('Ing. Rodrigo Pérez Alcalá', 'Jefe de Departamento de Seguridad', 'ric.auxiliar', '+525551280012', '2026-01-22')],
    },
    emergency: { name: 'Centro de Datos Gobernación — guardia', phone: '+525551280099', mailbox: 'guardia.cd' },
  },
  {
    code: 'SSA',
    roles: {
      titular: [p('Dr. Alfonso Quintero Lira', 'Director General de Tecnologías de la Información', 'titular.ciber', '+525550621600', '2026-02-12')],
      ric: [p('Ing. Mónica Salgado Treviño', 'Directora de Seguridad de la Información en Salud', 'ric', '+525550621601', '2026-02-12')],
      ric_auxiliar: [p('Lic. Adrián Montes Ibáñez', 'Subdirector de Seguridad', 'ric.auxiliar', '+525550621602', '2026-02-12')],
    },
    emergency: { name: 'CSIRT Salud', phone: '+525550621699', mailbox: 'csirt' },
  },
  {
    code: 'SEP',
    roles: {
      ric: [p('Mtro. Julián Arriaga Bustos', 'Director de Infraestructura y Seguridad', 'ric', '+525536011000', '2026-03-03')],
    },
  },
  {
    code: 'ATDT',
    roles: {
      titular: [p('Mtro. Daniel Ochoa Treviño', 'Titular de la Unidad de Ciberseguridad', 'titular.ciber', '+525550934000', '2026-01-05')],
      ric: [p('Dra. Itzel Navarrete Cano', 'Directora General de Ciberseguridad', 'ric', '+525550934001', '2026-01-05')],
      ric_auxiliar: [p('Ing. Bruno Esquivel Tapia', 'Director de Respuesta a Incidentes', 'ric.auxiliar', '+525550934002', '2026-01-05')],
    },
    emergency: { name: 'CERT-MX de la ATDT', phone: '+525550934099', mailbox: 'cert' },
  },
  {
    code: 'SAT',
    roles: {
      titular: [p('Lic. Verónica Palacios Ruelas', 'Administradora General de Comunicaciones y Tecnologías', 'titular.ciber', '+525562722728', '2026-01-28')],
      ric: [p('Ing. Mauricio Lozano Duarte', 'Administrador de Seguridad de la Información', 'ric', '+525562722729', '2026-01-28')],
      ric_auxiliar: [p('Lic. Fernanda Ruiz Calderón', 'Subadministradora de Monitoreo', 'ric.auxiliar', '+525562722730', '2026-01-28')],
    },
    emergency: { name: 'SOC del SAT', phone: '+525562722799', mailbox: 'soc' },
  },
  {
    code: 'BANXICO',
    roles: {
      titular: [p('Dr. Ignacio Barrera Luna', 'Director de Ciberseguridad', 'titular.ciber', '+525552372000', '2026-01-19')],
      ric: [p('Mtra. Claudia Vega Orozco', 'Gerente de Seguridad de la Información', 'ric', '+525552372001', '2026-01-19')],
      ric_auxiliar: [p('Ing. Pablo Serrano Hinojosa', 'Subgerente de Respuesta a Incidentes', 'ric.auxiliar', '+525552372002', '2026-01-19')],
    },
    emergency: { name: 'Centro de Monitoreo Banxico 24/7', phone: '+525552372099', mailbox: 'monitoreo' },
  },
  {
    code: 'INE',
    roles: {
      titular: [p('Ing. Marcela Olvera Soto', 'Coordinadora General de Informática', 'titular.ciber', '+525556284200', '2026-02-14')],
      ric: [p('Mtro. Gustavo Rentería Paz', 'Director de Seguridad y Control Informático', 'ric', '+525556284201', '2026-02-14')],
    },
  },
  {
    code: 'CFE',
    roles: {
      titular: [p('Ing. Armando Cisneros Téllez', 'Coordinador de Tecnologías de la Información', 'titular.ciber', '+525552294400', '2026-02-05')],
      ric: [p('Ing. Leticia Zamora Acosta', 'Gerente de Ciberseguridad', 'ric', '+525552294401', '2026-02-05')],
      ric_auxiliar: [p('Ing. Hugo Maldonado Rey', 'Jefe del SOC de Transmisión', 'ric.auxiliar', '+525552294402', '2026-02-05')],
    },
    emergency: { name: 'SOC de CFE', phone: '+525552294499', mailbox: 'soc' },
  },
  {
    code: 'PEMEX',
    roles: {
      titular: [p('Ing. Rafael Montaño Garza', 'Director Corporativo de Tecnologías', 'titular.ciber', '+525519442500', '2026-01-26')],
      ric: [p('Ing. Diana Ugalde Parra', 'Gerente de Seguridad de la Información', 'ric', '+525519442501', '2026-01-26')],
      ric_auxiliar: [p('Ing. Samuel Cervantes Rojo', 'Líder del CSIRT', 'ric.auxiliar', '+525519442502', '2026-01-26')],
    },
    emergency: { name: 'CSIRT Pemex', phone: '+525519442599', mailbox: 'csirt' },
  },
  {
    code: 'IMSS',
    roles: {
      titular: [p('Mtra. Rosa Elena Bautista', 'Titular de la Unidad de Innovación y Tecnología', 'titular.ciber', '+525552382700', '2026-02-16')],
      ric: [p('Ing. Felipe Arroyo Medina', 'Coordinador de Seguridad de la Información', 'ric', '+525552382701', '2026-02-16')],
      ric_auxiliar: [p('Lic. Carolina Esparza Nieto', 'Jefa de División de Seguridad', 'ric.auxiliar', '+525552382702', '2026-02-16')],
    },
    emergency: { name: 'Mesa de guardia IMSS', phone: '+525552382799', mailbox: 'guardia' },
  },
];

/**
 * Seeds the demo directory once (an empty `agency_designations` table): each designation through
 * the same query the API uses, so history reads as it would, each with its audit row.
 */
export async function seedDemoDirectory(db: Db, now: Date = new Date()): Promise<{ designations: number }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(agencyDesignations);
    if ((existing?.n ?? 0) > 0) return { designations: 0 };
    const agencyId = new Map((await tx.select({ id: agencies.id, code: agencies.code }).from(agencies)).map((a) => [a.code, a.id]));
    let created = 0;
    for (const entry of DEMO_DIRECTORY) {
      const id = agencyId.get(entry.code);
      if (!id) continue;
      const domain = `${entry.code.toLowerCase()}.gob.mx`;
      for (const [role, people] of Object.entries(entry.roles) as [DesignationRole, DemoPerson[]][]) {
        for (const [i, person] of people.entries()) {
          // A past holder was replaced the day its successor was designated.
          const at = new Date(now.getTime() - (people.length - i) * 60_000);
          const { mailbox, ...rest } = person;
          await replaceDesignation(tx, { agencyId: id, role, ...rest, email: `${mailbox}@${domain}`, recordedBy: null }, at);
          await writeAudit(tx, {
            actorId: null,
            action: 'directory.designate',
            entityType: 'agency',
            entityId: id,
            diff: { role, name: [null, person.name] },
            origin: { source: 'seed' },
          });
          created += 1;
        }
      }
      if (entry.emergency) {
        const { mailbox, ...rest } = entry.emergency;
        await upsertEmergencyContact(tx, { agencyId: id, ...rest, email: `${mailbox}@${domain}`, updatedBy: null }, now);
        await writeAudit(tx, {
          actorId: null,
          action: 'directory.setEmergencyContact',
          entityType: 'agency',
          entityId: id,
          diff: { name: [null, rest.name] },
          origin: { source: 'seed' },
        });
      }
    }
    return { designations: created };
  });
}
