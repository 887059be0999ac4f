import { count } from 'drizzle-orm';
import {
  formatReference,
  mexicoCityYear,
  nextObligation,
  obligationsFor,
  type IncidentStatus,
  type NoteVisibility,
  type ObservableType,
  type RsitClass,
  type RsitType,
  type Tlp,
} from '@anc/domain';
import type { Db } from './client.ts';
import { writeAudit } from './queries/audit.ts';
import { insertIncident, insertIncidentEvent, insertObservables, insertReport, insertShares, nextReferenceNumber, touchIncident } from './queries/incidents.ts';
import { agencies, incidents, users } from './schema/index.ts';

const H = 3_600_000;
const D = 24 * H;

interface DemoIncident {
  agency: string;
  title: string;
  description: string;
  rsitClass: RsitClass;
  rsitType: RsitType;
  severity: number;
  tlp: Tlp;
  /** How long ago the body became aware, and how long after that it filed. */
  awareAgo: number;
  filedAfter: number;
  status: IncidentStatus;
  statusReason?: string;
  /** Who reads the reason given with the step (domain incidents/visibility.ts); default `reporting`. */
  statusReasonVisibility?: NoteVisibility;
  notificationAfter?: number;
  finalAfter?: number;
  shareWith?: string[];
  shareWithAll?: boolean;
  affectedSystems: string;
  personalData?: number;
  criticalService?: boolean;
  crossBorder?: boolean;
  lossMxn?: string;
  observables: { type: ObservableType; value: string }[];
  /** Each with who reads it (domain incidents/visibility.ts); default `reporting`. */
  comments?: { by: 'coordinator' | 'reporter'; body: string; visibility?: NoteVisibility }[];
}

// One IP (203.0.113.45, documentation range) links three incidents, one of them TLP:RED: staff of
// SEMAR see the link to SEDENA's report (shared with them) but never to SSPC's.
const DEMO_INCIDENTS: DemoIncident[] = [
  {
    agency: 'SEDENA',
    title: 'Exposición de buzones de correo institucional en un foro',
    description:
      'Un actor publicó en un foro extractos de buzones de correo institucional. El análisis preliminar apunta a credenciales obtenidas por phishing y a un servidor de correo sin parches.',
    rsitClass: 'information-content-security',
    rsitType: 'data-leak',
    severity: 4,
    tlp: 'AMBER',
    awareAgo: 5 * D,
    filedAfter: 6 * H,
    status: 'investigating',
    notificationAfter: 60 * H,
    shareWith: ['SEMAR'],
    affectedSystems: 'Servidor de correo institucional; portal de acceso remoto',
    personalData: 12_000,
    crossBorder: true,
    lossMxn: '2500000.00',
    observables: [
      { type: 'ipv4', value: '203.0.113.45' },
      { type: 'domain', value: 'correo-sedena-gob.example' },
      { type: 'sha256', value: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
    ],
    comments: [
      { by: 'coordinator', body: 'Se solicitó a la dependencia preservar los registros del servidor de correo de los últimos 90 días.' },
      {
        by: 'coordinator',
        body: 'La IP 203.0.113.45 coincide con otro reporte en análisis; dar seguimiento interno antes de informar a las dependencias.',
        visibility: 'anc',
      },
      {
        by: 'reporter',
        body: 'Se restablecieron las contraseñas de las cuentas expuestas y se bloqueó el dominio correo-sedena-gob.example en el correo institucional.',
        visibility: 'all_readers',
      },
    ],
  },
  {
    agency: 'SEMAR',
    title: 'Campaña de phishing con falsos avisos de nómina',
    description: 'Correos que suplantan a la dirección de recursos humanos dirigen a una página que roba credenciales.',
    rsitClass: 'fraud',
    rsitType: 'phishing',
    severity: 2,
    tlp: 'GREEN',
    awareAgo: 2 * D + 8 * H,
    filedAfter: 3 * H,
    status: 'triaged',
    shareWithAll: true,
    affectedSystems: 'Correo institucional',
    comments: [
      {
        by: 'coordinator',
        body: 'Recomendación para todas las dependencias: bloquear el dominio nomina-semar.example en sus filtros de correo.',
        visibility: 'all_readers',
      },
    ],
    observables: [
      { type: 'url', value: 'https://nomina-semar.example/acceso' },
      { type: 'email', value: 'recursos.humanos@nomina-semar.example' },
      { type: 'ipv4', value: '203.0.113.45' },
    ],
  },
  {
    agency: 'SSPC',
    title: 'Cifrado de servidores de archivos por ransomware',
    description: 'Varios servidores de archivos amanecieron cifrados con una nota de rescate. Se aislaron los segmentos afectados.',
    rsitClass: 'malicious-code',
    rsitType: 'infected-system',
    severity: 5,
    tlp: 'RED',
    awareAgo: 4 * D,
    filedAfter: 20 * H,
    status: 'triaged',
    affectedSystems: 'Servidores de archivos de oficinas centrales',
    criticalService: true,
    observables: [
      { type: 'ipv4', value: '203.0.113.45' },
      { type: 'sha256', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    ],
  },
  {
    agency: 'SAT',
    title: 'Denegación de servicio distribuida contra el portal de declaraciones',
    description: 'Picos de tráfico de 40 Gbps durante el cierre de declaraciones; mitigado con el proveedor de red.',
    rsitClass: 'availability',
    rsitType: 'ddos',
    severity: 3,
    tlp: 'CLEAR',
    awareAgo: 40 * D,
    filedAfter: 2 * H,
    status: 'resolved',
    notificationAfter: 30 * H,
    finalAfter: 20 * D,
    shareWithAll: true,
    affectedSystems: 'Portal de declaraciones',
    criticalService: true,
    observables: [{ type: 'ipv4', value: '198.51.100.23' }],
  },
  {
    agency: 'IMSS',
    title: 'Servidores expuestos con la puerta trasera de xz-utils',
    description: 'El inventario encontró servidores con versiones vulnerables de xz-utils accesibles desde internet.',
    rsitClass: 'vulnerable',
    rsitType: 'vulnerable-system',
    severity: 2,
    tlp: 'AMBER+STRICT',
    awareAgo: 10 * D,
    filedAfter: 4 * H,
    status: 'contained',
    notificationAfter: 50 * H,
    affectedSystems: 'Servidores Linux de expediente clínico',
    personalData: 0,
    observables: [{ type: 'cve', value: 'CVE-2024-3094' }],
  },
  {
    agency: 'CFE',
    title: 'Comunicación con servidor de mando y control desde la red operativa',
    description: 'El IDS registró balizas periódicas hacia un servidor de mando y control conocido.',
    rsitClass: 'malicious-code',
    rsitType: 'c2-server',
    severity: 4,
    tlp: 'AMBER',
    awareAgo: 30 * H,
    filedAfter: 5 * H,
    status: 'submitted',
    affectedSystems: 'Estaciones de ingeniería de la red operativa',
    criticalService: true,
    observables: [
      { type: 'domain', value: 'update-check.example' },
      { type: 'ipv4', value: '192.0.2.77' },
    ],
  },
  {
    agency: 'SHCP',
    title: 'Escaneo masivo de puertos contra la red perimetral',
    description: 'Escaneos sostenidos desde varias direcciones contra servicios expuestos.',
    rsitClass: 'information-gathering',
    rsitType: 'scanner',
    severity: 1,
    tlp: 'GREEN',
    awareAgo: 3 * H,
    filedAfter: 1 * H,
    status: 'submitted',
    affectedSystems: 'Red perimetral',
    observables: [{ type: 'ipv4', value: '198.51.100.200' }],
  },
  {
    agency: 'SRE',
    title: 'Prueba de reporte',
    description: 'Reporte de prueba enviado durante la capacitación del enlace.',
    rsitClass: 'test',
    rsitType: 'test',
    severity: 0,
    tlp: 'CLEAR',
    awareAgo: 8 * D,
    filedAfter: 1 * H,
    status: 'rejected',
    statusReason: 'Reporte de prueba; no corresponde a un incidente.',
    affectedSystems: '',
    observables: [],
  },
];

/**
 * A handful of incidents so the portal is worth looking at on first start. Only when there are no
 * incidents yet; never in tests (the API's test reset seeds accounts only).
 */
export async function seedDemoIncidents(db: Db, now: Date = new Date()): Promise<{ incidents: number }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(incidents);
    if ((existing?.n ?? 0) > 0) return { incidents: 0 };
    const agencyRows = await tx.select({ id: agencies.id, code: agencies.code }).from(agencies);
    const agencyId = new Map(agencyRows.map((a) => [a.code, a.id]));
    const userRows = await tx.select({ id: users.id, email: users.email }).from(users);
    const userId = new Map(userRows.map((u) => [u.email, u.id]));
    const coordinatorId = userId.get('coordinacion@anc.gob.mx');
    if (!coordinatorId) return { incidents: 0 };

    // Oldest first, so references follow the filing order.
    const ordered = [...DEMO_INCIDENTS].sort((a, b) => b.awareAgo - b.filedAfter - (a.awareAgo - a.filedAfter));
    let created = 0;
    for (const d of ordered) {
      const agency = agencyId.get(d.agency);
      const reporter = userId.get(`enlace@${d.agency.toLowerCase()}.gob.mx`);
      if (!agency || !reporter) continue;
      const awareAt = new Date(now.getTime() - d.awareAgo);
      const filedAt = new Date(awareAt.getTime() + d.filedAfter);
      const notificationAt = d.notificationAfter !== undefined ? new Date(awareAt.getTime() + d.notificationAfter) : null;
      const finalAt = d.finalAfter !== undefined && notificationAt ? new Date(notificationAt.getTime() + d.finalAfter) : null;
      const next = nextObligation(
        obligationsFor({ awareAt, filedAt, notificationSubmittedAt: notificationAt, finalReportSubmittedAt: finalAt }, now),
        d.status,
      );
      const year = mexicoCityYear(filedAt);
      const incident = await insertIncident(tx, {
        reference: formatReference('INC', year, await nextReferenceNumber(tx, 'INC', year)),
        agencyId: agency,
        reporterId: reporter,
        title: d.title,
        description: d.description,
        rsitClass: d.rsitClass,
        rsitType: d.rsitType,
        severity: d.severity,
        tlp: d.tlp,
        status: d.status,
        statusReason: d.statusReason ?? null,
        detectedAt: new Date(awareAt.getTime() - H),
        awareAt,
        affectedSystems: d.affectedSystems,
        personalData: d.personalData !== undefined,
        records: d.personalData || null,
        criticalService: d.criticalService ?? false,
        crossBorder: d.crossBorder ?? false,
        estimatedLossMxn: d.lossMxn ?? null,
        notificationSubmittedAt: notificationAt,
        finalReportSubmittedAt: finalAt,
        nextObligationKind: next?.kind ?? null,
        nextObligationDueAt: next?.dueAt ?? null,
        nextObligationSoonAt: next?.dueSoonAt ?? null,
        createdAt: filedAt,
        updatedAt: filedAt,
      });
      await insertObservables(tx, incident.id, reporter, d.observables);
      await insertIncidentEvent(tx, {
        incidentId: incident.id,
        actorId: reporter,
        kind: 'created',
        at: filedAt,
        data: { reference: incident.reference, observables: d.observables.length },
      });
      if (d.status !== 'submitted') {
        await insertIncidentEvent(tx, {
          incidentId: incident.id,
          actorId: coordinatorId,
          kind: 'status',
          at: new Date(filedAt.getTime() + 2 * H),
          body: d.statusReason ?? null,
          ...(d.statusReason && { visibility: d.statusReasonVisibility ?? 'reporting' }),
          data: { from: 'submitted', to: d.status },
        });
      }
      const reports = [
        { kind: 'notification' as const, at: notificationAt, body: 'Notificación del incidente con el alcance y las medidas adoptadas.' },
        { kind: 'final_report' as const, at: finalAt, body: 'Informe final con causa raíz, impacto y lecciones aprendidas.' },
      ];
      for (const r of reports) {
        if (!r.at) continue;
        await insertReport(tx, { incidentId: incident.id, kind: r.kind, body: r.body, submittedBy: reporter, submittedAt: r.at });
        await insertIncidentEvent(tx, { incidentId: incident.id, actorId: reporter, kind: 'report', at: r.at, body: r.body, data: { kind: r.kind } });
      }
      const shareIds = (d.shareWith ?? []).flatMap((code) => agencyId.get(code) ?? []);
      if (shareIds.length) await insertShares(tx, incident, shareIds, coordinatorId, new Date(filedAt.getTime() + 3 * H));
      if (d.shareWithAll) await touchIncident(tx, 'system', incident.id, { sharedWithAllAt: new Date(filedAt.getTime() + 3 * H) });
      if (shareIds.length || d.shareWithAll) {
        await insertIncidentEvent(tx, {
          incidentId: incident.id,
          actorId: coordinatorId,
          kind: 'shared',
          at: new Date(filedAt.getTime() + 3 * H),
          data: { agencies: d.shareWith ?? [], allAgencies: Boolean(d.shareWithAll) },
        });
      }
      for (const c of d.comments ?? []) {
        await insertIncidentEvent(tx, {
          incidentId: incident.id,
          actorId: c.by === 'coordinator' ? coordinatorId : reporter,
          kind: 'comment',
          at: new Date(filedAt.getTime() + 4 * H),
          body: c.body,
          visibility: c.visibility ?? (c.by === 'coordinator' ? 'reporting' : 'all_readers'),
        });
      }
      await writeAudit(tx, {
        actorId: null,
        action: 'incident.create',
        entityType: 'incident',
        entityId: incident.id,
        diff: { reference: [null, incident.reference], title: [null, incident.title], agencyId: [null, agency] },
        origin: { source: 'seed' },
      });
      created++;
    }
    return { incidents: created };
  });
}
