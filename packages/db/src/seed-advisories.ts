import { count } from 'drizzle-orm';
import { formatReference, mexicoCityYear, type AdvisoryResponseStatus, type AdvisoryStatus, type Tlp } from '@anc/domain';
import type { Db } from './client.ts';
import { writeAudit } from './queries/audit.ts';
import { addressEveryAgency, insertAdvisory, insertAdvisoryResponse, setAdvisoryAgencies } from './queries/advisories.ts';
import { nextReferenceNumber } from './queries/incidents.ts';
import { agencies, advisories, users } from './schema/index.ts';

const H = 3_600_000;
const D = 24 * H;

interface DemoAdvisory {
  status: AdvisoryStatus;
  title: string;
  summary: string;
  body: string;
  severity: number;
  tlp: Tlp;
  cves: string[];
  actionRequired: string;
  createdAgo: number;
  /** From now (negative: already past). */
  respondIn: number;
  agencies: string[] | 'all';
  answers?: { agency: string; status: AdvisoryResponseStatus; after: number; comment?: string }[];
}

// One closed (answered in full), one published (some answers, some agencies overdue), one draft.
const DEMO_ADVISORIES: DemoAdvisory[] = [
  {
    status: 'closed',
    title: 'Explotación activa de Ivanti Connect Secure (CVE-2025-0282)',
    summary: 'Ivanti confirmó la explotación de un desbordamiento de pila en Connect Secure que permite ejecución remota de código sin autenticación.',
    body: 'Versiones afectadas: Connect Secure anteriores a 22.7R2.5, Policy Secure anteriores a 22.7R1.2 y ZTA Gateways anteriores a 22.7R2.3.\nSe observaron implantes SPAWN en equipos comprometidos. Ejecutar la herramienta ICT de Ivanti antes y después de actualizar.',
    severity: 4,
    tlp: 'AMBER',
    cves: ['CVE-2025-0282', 'CVE-2025-0283'],
    actionRequired: 'Actualizar a Connect Secure 22.7R2.5, ejecutar la herramienta ICT y reportar a la ANC cualquier hallazgo.',
    createdAgo: 40 * D,
    respondIn: -33 * D,
    agencies: ['SEDENA', 'SEMAR', 'SHCP', 'SAT'],
    answers: [
      { agency: 'SEDENA', status: 'mitigating', after: 1 * D, comment: 'Actualización en curso en los dos concentradores VPN.' },
      { agency: 'SEDENA', status: 'mitigated', after: 3 * D, comment: 'Ambos equipos en 22.7R2.5; ICT sin hallazgos.' },
      { agency: 'SEMAR', status: 'not_affected', after: 2 * D, comment: 'No usamos productos Ivanti.' },
      { agency: 'SHCP', status: 'mitigated', after: 4 * D },
      { agency: 'SAT', status: 'mitigated', after: 5 * D, comment: 'Se reconstruyó el equipo afectado desde imagen limpia.' },
    ],
  },
  {
    status: 'published',
    title: 'Explotación activa de FortiOS SSL-VPN (CVE-2024-21762)',
    summary:
      'Fortinet confirmó la explotación de una escritura fuera de límites en sslvpnd que permite a un atacante remoto ejecutar código con solicitudes HTTP manipuladas.',
    body: 'Versiones afectadas: FortiOS 7.4.0–7.4.2, 7.2.0–7.2.6, 7.0.0–7.0.13, 6.4.0–6.4.14 y 6.2.0–6.2.15; FortiProxy 7.4.0–7.4.2.\nIndicadores: conexiones a la VPN SSL desde 185.225.74.0/24 y reinicios inesperados del proceso sslvpnd.',
    severity: 4,
    tlp: 'AMBER',
    cves: ['CVE-2024-21762'],
    actionRequired: 'Actualizar FortiOS a 7.4.3, 7.2.7 o 7.0.14 (o deshabilitar la VPN SSL) y responder a la ANC con el estado de cada equipo.',
    createdAgo: 5 * D,
    respondIn: -1 * D,
    agencies: ['SEDENA', 'SEMAR', 'SSPC', 'SHCP', 'CFE', 'PEMEX'],
    answers: [
      { agency: 'SEDENA', status: 'mitigating', after: 6 * H, comment: 'Parche aplicado en 3 de 5 firewalls perimetrales.' },
      { agency: 'SEDENA', status: 'mitigated', after: 2 * D, comment: 'Los 5 firewalls en FortiOS 7.4.3.' },
      { agency: 'CFE', status: 'mitigating', after: 1 * D, comment: 'VPN SSL deshabilitada mientras se programa la ventana de mantenimiento.' },
      { agency: 'SEMAR', status: 'acknowledged', after: 2 * D },
    ],
  },
  {
    status: 'draft',
    title: 'Campaña de phishing que suplanta al SAT con falsos avisos de adeudo',
    summary: 'Correos con el logotipo del SAT anuncian un adeudo fiscal y piden descargar un "comprobante" que instala un troyano bancario.',
    body: 'Remitentes observados: notificaciones@sat-avisos.com.mx, buzon@satmx-tributario.net.\nEl enlace lleva a un ZIP con un instalador MSI que descarga el troyano Mekotio.\nAsuntos frecuentes: "Aviso de adeudo fiscal", "Comprobante fiscal digital pendiente".',
    severity: 3,
    tlp: 'GREEN',
    cves: [],
    actionRequired: 'Bloquear los dominios remitentes en la pasarela de correo, alertar al personal y reportar a la ANC los casos de clic o descarga.',
    createdAgo: 6 * H,
    respondIn: 3 * D,
    agencies: 'all',
  },
];

/**
 * Demo advisories for the first start (never in tests or production): written like the API writes
 * them — gapless `ALR` references, the audience, every answer in the history. Only on an empty
 * advisory table.
 */
export async function seedDemoAdvisories(db: Db, now: Date = new Date()): Promise<{ advisories: number }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(advisories);
    if ((existing?.n ?? 0) > 0) return { advisories: 0 };
    const agencyId = new Map((await tx.select({ id: agencies.id, code: agencies.code }).from(agencies)).map((a) => [a.code, a.id]));
    const userId = new Map((await tx.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]));
    const coordinatorId = userId.get('coordinacion@anc.gob.mx');
    if (!coordinatorId) return { advisories: 0 };
    let created = 0;
    for (const d of [...DEMO_ADVISORIES].sort((a, b) => b.createdAgo - a.createdAgo)) {
      const createdAt = new Date(now.getTime() - d.createdAgo);
      const year = mexicoCityYear(createdAt);
      const named = d.agencies === 'all' ? [] : d.agencies.flatMap((code) => agencyId.get(code) ?? []);
      const row = await insertAdvisory(tx, {
        reference: formatReference('ALR', year, await nextReferenceNumber(tx, 'ALR', year)),
        title: d.title,
        summary: d.summary,
        body: d.body,
        severity: d.severity,
        tlp: d.tlp,
        cves: d.cves,
        actionRequired: d.actionRequired,
        respondBy: new Date(now.getTime() + d.respondIn),
        allAgencies: d.agencies === 'all',
        status: d.status,
        createdBy: coordinatorId,
        publishedAt: d.status === 'draft' ? null : new Date(createdAt.getTime() + H),
        closedAt: d.status === 'closed' ? new Date(now.getTime() + d.respondIn + 2 * D) : null,
        version: d.status === 'draft' ? 1 : d.status === 'published' ? 2 : 3,
        createdAt,
        updatedAt: createdAt,
      });
      await setAdvisoryAgencies(tx, row.id, named);
      if (d.agencies === 'all' && d.status !== 'draft') await addressEveryAgency(tx, row.id);
      for (const a of d.answers ?? []) {
        const agency = agencyId.get(a.agency);
        const liaison = userId.get(`enlace@${a.agency.toLowerCase()}.gob.mx`);
        if (!agency || !liaison) continue;
        await insertAdvisoryResponse(tx, {
          advisoryId: row.id,
          agencyId: agency,
          userId: liaison,
          status: a.status,
          comment: a.comment ?? null,
          respondedAt: new Date(createdAt.getTime() + a.after),
        });
      }
      await writeAudit(tx, {
        actorId: null,
        action: 'advisory.create',
        entityType: 'advisory',
        entityId: row.id,
        diff: { reference: [null, row.reference], title: [null, row.title], status: [null, row.status] },
        origin: { source: 'seed' },
      });
      created++;
    }
    return { advisories: created };
  });
}
