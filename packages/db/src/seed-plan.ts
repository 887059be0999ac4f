import { count } from 'drizzle-orm';
import { addDays, mexicoCityDate, mexicoCityDayStart, type EncsObjective, type InitiativeStatus, type TransversalAxis } from '@anc/domain';
import type { Db } from './client.ts';
import { writeAudit } from './queries/audit.ts';
import { insertInitiative, insertKpi, insertKpiValue, insertMilestone, setParticipants } from './queries/initiatives.ts';
import { agencies, initiatives, users } from './schema/index.ts';

const DAY = 24 * 3_600_000;

interface DemoMilestone {
  title: string;
  /** Due this many days from today (negative: in the past). */
  due: number;
  /** Done this many days from today (≤ 0), or open. */
  done?: number;
}

interface DemoKpi {
  name: string;
  unit: string;
  baseline: string;
  target: string;
  /** Values measured at monthly intervals, the last one about a week ago. */
  values: string[];
}

interface DemoInitiative {
  code: string;
  title: string;
  description: string;
  objective: EncsObjective;
  axes: TransversalAxis[];
  lead: string;
  participants: string[];
  /** Start and end, in days from today. */
  start: number;
  end: number;
  budgetMxn: string;
  status: InitiativeStatus;
  statusReason?: string;
  milestones: DemoMilestone[];
  kpis: DemoKpi[];
}

/**
 * A plausible master plan built on the five objectives and eight transversal axes of the
 * Estrategia Nacional de Ciberseguridad, led by the demo agencies. Dates are relative to the day
 * of seeding, so that some milestones are late and some were done late whenever it runs.
 */
export const DEMO_PLAN: readonly DemoInitiative[] = [
  {
    code: 'PN-2026-001',
    title: 'Red nacional de equipos de respuesta a incidentes (CSIRT) sectoriales',
    description: 'Crear y acreditar un CSIRT por sector crítico, con procedimientos comunes de notificación a la ANC y ejercicios conjuntos semestrales.',
    objective: 'public_institutions',
    axes: ['coordination', 'capacity_building'],
    lead: 'ATDT',
    participants: ['SEGOB', 'SSPC', 'SSA', 'SICT'],
    start: -320,
    end: 540,
    budgetMxn: '48500000.00',
    status: 'active',
    milestones: [
      { title: 'Procedimiento común de notificación publicado', due: -260, done: -262 },
      { title: 'CSIRT de salud y de transporte acreditados', due: -120, done: -101 },
      { title: 'Primer ejercicio nacional conjunto', due: -20 },
      { title: 'CSIRT de los doce sectores críticos en operación', due: 400 },
    ],
    kpis: [
      { name: 'Sectores críticos con CSIRT acreditado', unit: 'sectores', baseline: '2', target: '12', values: ['2', '3', '4', '4', '6', '7'] },
      { name: 'Tiempo medio de contención de incidentes graves', unit: 'horas', baseline: '72', target: '24', values: ['70.5', '61', '55.25', '48'] },
    ],
  },
  {
    code: 'PN-2026-002',
    title: 'Campaña nacional «Navega Seguro» de cultura de ciberseguridad',
    description: 'Campaña en escuelas y medios públicos sobre contraseñas, fraude en línea y protección de niñas, niños y adolescentes.',
    objective: 'society_rights',
    axes: ['culture'],
    lead: 'SEP',
    participants: ['ATDT', 'SEGOB'],
    start: -200,
    end: 330,
    budgetMxn: '12750000.00',
    status: 'active',
    milestones: [
      { title: 'Materiales didácticos validados por la SEP', due: -150, done: -155 },
      { title: 'Capacitación de 5,000 docentes', due: -30, done: -12 },
      { title: 'Campaña en medios públicos al aire', due: 45 },
    ],
    kpis: [{ name: 'Docentes capacitados', unit: 'personas', baseline: '0', target: '20000', values: ['850', '2300', '5120'] }],
  },
  {
    code: 'PN-2026-003',
    title: 'Protección de datos personales en trámites digitales del gobierno',
    description: 'Lineamientos de minimización y cifrado de datos personales para los trámites de la Llave MX y evaluación de impacto obligatoria.',
    objective: 'society_rights',
    axes: ['legal_framework', 'standards'],
    lead: 'ATDT',
    participants: ['SEGOB', 'IMSS'],
    start: 30,
    end: 600,
    budgetMxn: '6200000.00',
    status: 'approved',
    milestones: [
      { title: 'Lineamientos publicados en el DOF', due: 150 },
      { title: 'Evaluaciones de impacto de los 50 trámites más usados', due: 420 },
    ],
    kpis: [],
  },
  {
    code: 'PN-2026-004',
    title: 'Ciberseguridad del ecosistema de pagos electrónicos (SPEI y CoDi)',
    description: 'Requisitos de seguridad para participantes del SPEI, monitoreo de fraude en tiempo real e intercambio de indicadores con la banca.',
    objective: 'economy_innovation',
    axes: ['critical_infrastructure', 'standards'],
    lead: 'BANXICO',
    participants: ['SHCP'],
    start: -400,
    end: 300,
    budgetMxn: '95000000.00',
    status: 'active',
    milestones: [
      { title: 'Requisitos de seguridad para participantes emitidos', due: -330, done: -335 },
      { title: 'Plataforma de intercambio de indicadores con la banca', due: -90, done: -91 },
      { title: 'Auditoría externa a los 20 participantes principales', due: 120 },
    ],
    kpis: [
      { name: 'Participantes del SPEI que cumplen los requisitos', unit: '%', baseline: '41.5', target: '100', values: ['48', '57.3', '66.8', '74.25', '81'] },
      { name: 'Monto defraudado por cada millón operado', unit: 'MXN', baseline: '12.80', target: '4.00', values: ['12.10', '10.75', '9.9', '8.4'] },
    ],
  },
  {
    code: 'PN-2026-005',
    title: 'Programa de gestión de riesgos digitales para MiPyMEs',
    description: 'Diagnóstico gratuito y guía de controles básicos para micro, pequeñas y medianas empresas, con créditos de la banca de desarrollo.',
    objective: 'economy_innovation',
    axes: ['capacity_building', 'culture'],
    lead: 'SHCP',
    participants: ['SAT'],
    start: 90,
    end: 700,
    budgetMxn: '22000000.00',
    status: 'proposed',
    milestones: [],
    kpis: [],
  },
  {
    code: 'PN-2026-006',
    title: 'Centro de investigación aplicada en criptografía y seguridad de TIC',
    description: 'Consorcio de universidades públicas para investigación en criptografía poscuántica y análisis de código malicioso.',
    objective: 'economy_innovation',
    axes: ['rd_innovation', 'capacity_building'],
    lead: 'SEP',
    participants: ['SEDENA', 'ATDT'],
    start: -250,
    end: 850,
    budgetMxn: '130000000.00',
    status: 'on_hold',
    statusReason: 'Pendiente de la asignación presupuestal del próximo ejercicio fiscal.',
    milestones: [
      { title: 'Convenio con las universidades firmado', due: -200, done: -190 },
      { title: 'Laboratorio de análisis de malware equipado', due: -40 },
    ],
    kpis: [{ name: 'Investigadores adscritos', unit: 'personas', baseline: '0', target: '60', values: ['8', '14'] }],
  },
  {
    code: 'PN-2026-007',
    title: 'Línea base de seguridad para la Administración Pública Federal',
    description: 'Controles mínimos obligatorios (MFA, parches, respaldos, bitácoras) y su medición trimestral en todas las dependencias.',
    objective: 'public_institutions',
    axes: ['standards', 'measurement'],
    lead: 'ATDT',
    participants: ['SHCP', 'SAT', 'IMSS', 'SEGOB'],
    start: -365,
    end: 365,
    budgetMxn: '18400000.50',
    status: 'active',
    milestones: [
      { title: 'Catálogo de controles mínimos publicado', due: -300, done: -298 },
      { title: 'Autoevaluación de todas las dependencias', due: -150, done: -140 },
      { title: 'Autenticación multifactor en correo institucional', due: -45 },
      { title: 'Parcheo crítico en menos de 15 días en toda la APF', due: -5 },
      { title: 'Segunda medición trimestral publicada', due: 60 },
    ],
    kpis: [
      { name: 'Dependencias con MFA en correo', unit: '%', baseline: '35', target: '100', values: ['38', '45.5', '52', '61.75', '70'] },
      { name: 'Días promedio para aplicar parches críticos', unit: 'días', baseline: '45', target: '15', values: ['44', '39.5', '31', '27.25', '22'] },
    ],
  },
  {
    code: 'PN-2026-008',
    title: 'Resiliencia de la infraestructura electoral ante ciberataques',
    description: 'Pruebas de penetración, monitoreo reforzado y protocolo de respuesta para el programa de resultados electorales preliminares.',
    objective: 'public_institutions',
    axes: ['critical_infrastructure', 'coordination'],
    lead: 'INE',
    participants: ['SSPC', 'GN'],
    start: -500,
    end: -30,
    budgetMxn: '27300000.00',
    status: 'completed',
    milestones: [
      { title: 'Pruebas de penetración al sistema de resultados', due: -300, done: -310 },
      { title: 'Protocolo conjunto de respuesta firmado', due: -200, done: -195 },
      { title: 'Simulacro nacional de la jornada electoral', due: -90, done: -90 },
    ],
    kpis: [{ name: 'Hallazgos críticos abiertos', unit: 'hallazgos', baseline: '14', target: '0', values: ['11', '6', '2', '0'] }],
  },
  {
    code: 'PN-2026-009',
    title: 'Fortalecimiento de las unidades de policía cibernética',
    description: 'Formación certificada, laboratorios forenses regionales y protocolo único de atención a denuncias de delitos informáticos.',
    objective: 'public_security',
    axes: ['capacity_building', 'coordination'],
    lead: 'GN',
    participants: ['SSPC', 'CDMX'],
    start: -280,
    end: 450,
    budgetMxn: '64000000.00',
    status: 'active',
    milestones: [
      { title: 'Protocolo único de atención a denuncias', due: -210, done: -180 },
      { title: 'Laboratorio forense regional del Bajío', due: -60 },
      { title: '300 agentes con certificación forense', due: 200 },
    ],
    kpis: [{ name: 'Agentes con certificación forense', unit: 'agentes', baseline: '40', target: '300', values: ['52', '75', '96', '131'] }],
  },
  {
    code: 'PN-2026-010',
    title: 'Tipificación de delitos informáticos en el Código Penal Federal',
    description: 'Iniciativa de reforma que tipifica el acceso ilícito, el secuestro de datos y el fraude informático, armonizada con el Convenio de Budapest.',
    objective: 'public_security',
    axes: ['legal_framework'],
    lead: 'SSPC',
    participants: ['SEGOB', 'SRE'],
    start: 15,
    end: 400,
    budgetMxn: '1500000.00',
    status: 'proposed',
    milestones: [{ title: 'Anteproyecto enviado a la Consejería Jurídica', due: 120 }],
    kpis: [],
  },
  {
    code: 'PN-2026-011',
    title: 'Protección de la infraestructura crítica de energía',
    description: 'Segmentación de redes de control (OT), monitoreo continuo y planes de continuidad para generación, transmisión e hidrocarburos.',
    objective: 'national_security',
    axes: ['critical_infrastructure', 'standards'],
    lead: 'CFE',
    participants: ['PEMEX', 'SEDENA'],
    start: -420,
    end: 480,
    budgetMxn: '210000000.00',
    status: 'active',
    milestones: [
      { title: 'Inventario de activos OT de subestaciones', due: -330, done: -300 },
      { title: 'Segmentación de redes OT en 40 subestaciones', due: -100 },
      { title: 'Centro de monitoreo OT 24/7', due: -25 },
      { title: 'Plan de continuidad probado en refinerías', due: 150 },
    ],
    kpis: [
      { name: 'Subestaciones con red OT segmentada', unit: 'subestaciones', baseline: '6', target: '120', values: ['9', '14', '19', '23'] },
      { name: 'Disponibilidad del centro de monitoreo', unit: '%', baseline: '99.5', target: '99.5', values: ['99.1', '99.5'] },
    ],
  },
  {
    code: 'PN-2026-012',
    title: 'Capacidades de ciberdefensa de las Fuerzas Armadas',
    description: 'Mando conjunto de ciberdefensa, ejercicios de defensa de redes y formación de especialistas.',
    objective: 'national_security',
    axes: ['capacity_building', 'coordination'],
    lead: 'SEDENA',
    participants: ['SEMAR'],
    start: -600,
    end: 900,
    budgetMxn: '350000000.00',
    status: 'active',
    milestones: [
      { title: 'Doctrina conjunta de ciberdefensa aprobada', due: -480, done: -470 },
      { title: 'Ejercicio conjunto de defensa de redes', due: -60, done: -58 },
      { title: 'Centro de operaciones de ciberdefensa ampliado', due: 300 },
    ],
    kpis: [{ name: 'Especialistas en ciberdefensa formados', unit: 'personas', baseline: '120', target: '600', values: ['160', '215', '290', '348'] }],
  },
  {
    code: 'PN-2026-013',
    title: 'Cooperación internacional y diplomacia digital',
    description: 'Acuerdos de intercambio de información con CSIRT nacionales de otros países y participación en foros multilaterales.',
    objective: 'national_security',
    axes: ['coordination', 'legal_framework'],
    lead: 'SRE',
    participants: ['SEGOB'],
    start: -30,
    end: 700,
    budgetMxn: '4800000.00',
    status: 'approved',
    milestones: [{ title: 'Memorando de entendimiento con tres CSIRT nacionales', due: 180 }],
    kpis: [],
  },
  {
    code: 'PN-2026-014',
    title: 'Sistema nacional de indicadores de ciberseguridad',
    description: 'Tablero público con los indicadores del plan, metodología de medición y reporte anual al Congreso.',
    objective: 'public_institutions',
    axes: ['measurement'],
    lead: 'ANC',
    participants: ['ATDT', 'SHCP'],
    start: -150,
    end: 380,
    budgetMxn: '3250000.00',
    status: 'active',
    milestones: [
      { title: 'Metodología de medición aprobada', due: -100, done: -108 },
      { title: 'Tablero público en línea', due: 30 },
    ],
    kpis: [{ name: 'Indicadores del plan con medición vigente', unit: '%', baseline: '0', target: '100', values: ['20', '45', '62.5'] }],
  },
  {
    code: 'PN-2026-015',
    title: 'Seguridad de la información en hospitales del sector salud',
    description: 'Respaldo fuera de línea del expediente clínico, segmentación de equipo médico y respuesta a secuestro de datos.',
    objective: 'society_rights',
    axes: ['critical_infrastructure', 'capacity_building'],
    lead: 'IMSS',
    participants: ['SSA'],
    start: -180,
    end: 520,
    budgetMxn: '41000000.00',
    status: 'active',
    milestones: [
      { title: 'Respaldo fuera de línea en hospitales de tercer nivel', due: -70, done: -66 },
      { title: 'Simulacro de secuestro de datos en 10 hospitales', due: -10 },
      { title: 'Segmentación de equipo médico conectado', due: 240 },
    ],
    kpis: [{ name: 'Hospitales con respaldo fuera de línea probado', unit: 'hospitales', baseline: '12', target: '180', values: ['20', '44', '71'] }],
  },
  {
    code: 'PN-2026-016',
    title: 'Plataforma única de denuncia ciudadana de fraude en línea',
    description: 'Ventanilla digital para denunciar fraudes en línea y canalizarlos a las fiscalías.',
    objective: 'public_security',
    axes: ['culture', 'coordination'],
    lead: 'CDMX',
    participants: ['SSPC'],
    start: -90,
    end: 270,
    budgetMxn: '8900000.00',
    status: 'cancelled',
    statusReason: 'Se integró al protocolo único de atención a denuncias de la iniciativa PN-2026-009.',
    milestones: [{ title: 'Diseño del servicio con las fiscalías', due: -30 }],
    kpis: [],
  },
];

const SEED_ORIGIN = { source: 'seed' };

/**
 * The demo master plan, only while the registry is empty (an initiative someone created or
 * edited is never touched); idempotent. Never in tests: the API's test reset seeds accounts only.
 */
export async function seedDemoPlan(db: Db, now: Date = new Date()): Promise<{ initiatives: number }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(initiatives);
    if ((existing?.n ?? 0) > 0) return { initiatives: 0 };
    const agencyId = new Map((await tx.select({ id: agencies.id, code: agencies.code }).from(agencies)).map((a) => [a.code, a.id]));
    const userId = new Map((await tx.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]));
    const adminId = userId.get('admin@anc.gob.mx');
    if (!adminId) return { initiatives: 0 };

    const today = mexicoCityDate(now);
    const day = (offset: number) => addDays(today, offset);
    let created = 0;
    for (const d of DEMO_PLAN) {
      const lead = agencyId.get(d.lead);
      if (!lead) continue;
      // Progress is reported by the lead agency's liaison (the admin for what the ANC leads).
      const reporter = userId.get(`enlace@${d.lead.toLowerCase()}.gob.mx`) ?? adminId;
      const createdAt = new Date(mexicoCityDayStart(day(Math.min(d.start, 0) - 20)).getTime() + 10 * 3_600_000);
      const initiative = await insertInitiative(tx, {
        code: d.code,
        title: d.title,
        description: d.description,
        objective: d.objective,
        axes: d.axes,
        leadAgencyId: lead,
        status: d.status,
        statusReason: d.statusReason ?? null,
        startDate: day(d.start),
        endDate: day(d.end),
        budgetMxn: d.budgetMxn,
        createdBy: adminId,
        createdAt,
        updatedAt: createdAt,
      });
      const participants = d.participants.flatMap((code) => {
        const id = agencyId.get(code);
        return id && id !== lead ? [id] : [];
      });
      await setParticipants(tx, initiative.id, participants);
      for (const m of d.milestones) {
        await insertMilestone(tx, {
          initiativeId: initiative.id,
          title: m.title,
          dueDate: day(m.due),
          doneDate: m.done === undefined ? null : day(m.done),
          doneBy: m.done === undefined ? null : reporter,
          createdAt,
        });
      }
      for (const k of d.kpis) {
        const kpi = await insertKpi(tx, { initiativeId: initiative.id, name: k.name, unit: k.unit, baseline: k.baseline, target: k.target, createdAt });
        const n = k.values.length;
        for (const [i, value] of k.values.entries()) {
          const at = new Date(now.getTime() - (7 + (n - 1 - i) * 30) * DAY);
          await insertKpiValue(tx, { kpiId: kpi.id, value, at, recordedBy: reporter });
        }
      }
      await writeAudit(tx, {
        actorId: null,
        action: 'initiative.create',
        entityType: 'initiative',
        entityId: initiative.id,
        diff: { code: [null, d.code], title: [null, d.title], status: [null, d.status], budgetMxn: [null, d.budgetMxn] },
        origin: SEED_ORIGIN,
      });
      created += 1;
    }
    return { initiatives: created };
  });
}
