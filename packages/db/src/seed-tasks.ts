import { count } from 'drizzle-orm';
import { formatReference, mexicoCityYear, type NotificationKind, type TaskPriority, type TaskStatus } from '@anc/domain';
import type { Db } from './client.ts';
import { insertIncidentEvent, nextReferenceNumber } from './queries/incidents.ts';
import { activeStaffIds } from './queries/notifications.ts';
import { insertTask, insertTaskEvent } from './queries/tasks.ts';
import { agencies, incidents, initiatives, notifications, tasks, users } from './schema/index.ts';

const H = 3_600_000;
const D = 24 * H;

/** One step of a demo task's life, taken `after` its creation by the assignee or the coordinator. */
interface DemoStep {
  to: TaskStatus;
  step: 'start' | 'resume' | 'block' | 'submit_review' | 'approve' | 'return' | 'cancel' | 'reopen';
  by: 'assignee' | 'coordinator';
  after: number;
  comment?: string;
}

interface DemoTask {
  agency: string;
  title: string;
  description: string;
  priority: TaskPriority;
  createdAgo: number;
  /** Due time from now (negative: already past). */
  dueIn: number;
  /** The demo incident (by title) or initiative (by code) it is linked to. */
  incidentTitle?: string;
  initiativeCode?: string;
  steps?: DemoStep[];
  comments?: { by: 'assignee' | 'coordinator'; after: number; body: string }[];
}

// A small picture of the workflow on first start: work in every status, one overdue, one due soon,
// one waiting for review; SEDENA's liaison finds unread notifications in the bell.
const DEMO_TASKS: DemoTask[] = [
  {
    agency: 'SEDENA',
    title: 'Restablecer las contraseñas de los buzones expuestos y exigir MFA',
    description:
      'Forzar el cambio de contraseña de las cuentas cuyos buzones aparecieron en el foro y activar el segundo factor para todas ellas. Entregar la lista de cuentas atendidas.',
    priority: 'urgent',
    createdAgo: 3 * D,
    dueIn: 20 * H,
    incidentTitle: 'Exposición de buzones de correo institucional en un foro',
    steps: [{ to: 'in_progress', step: 'start', by: 'assignee', after: 4 * H }],
  },
  {
    agency: 'SEDENA',
    title: 'Entregar las bitácoras del servidor de correo de los últimos 30 días',
    description:
      'Exportar las bitácoras de autenticación y de envío del servidor de correo afectado (formato original, con sumas SHA-256) y compartirlas por el canal cifrado de la ANC.',
    priority: 'high',
    createdAgo: 3 * D,
    dueIn: 2 * D,
    incidentTitle: 'Exposición de buzones de correo institucional en un foro',
    steps: [
      { to: 'in_progress', step: 'start', by: 'assignee', after: 6 * H },
      { to: 'in_review', step: 'submit_review', by: 'assignee', after: 30 * H, comment: 'Bitácoras cargadas; las sumas SHA-256 van en el archivo adjunto.' },
    ],
  },
  {
    agency: 'SEDENA',
    title: 'Aplicar la actualización de seguridad del servidor de correo',
    description: 'Instalar la actualización acumulativa del fabricante en el servidor de correo y confirmar la versión resultante.',
    priority: 'high',
    createdAgo: 2 * D,
    dueIn: 5 * D,
    incidentTitle: 'Exposición de buzones de correo institucional en un foro',
    steps: [
      { to: 'in_progress', step: 'start', by: 'assignee', after: 2 * H },
      {
        to: 'blocked',
        step: 'block',
        by: 'assignee',
        after: 20 * H,
        comment: 'En espera de la ventana de mantenimiento autorizada por el área de operaciones.',
      },
    ],
  },
  {
    agency: 'SEMAR',
    title: 'Bloquear en el perímetro la IP 203.0.113.45',
    description: 'Agregar la dirección a las listas de bloqueo del cortafuegos perimetral y del proxy, y confirmar que no hay conexiones posteriores.',
    priority: 'high',
    createdAgo: 4 * D,
    dueIn: -2 * D,
    incidentTitle: 'Campaña de phishing con falsos avisos de nómina',
    steps: [
      { to: 'in_progress', step: 'start', by: 'assignee', after: 2 * H },
      { to: 'in_review', step: 'submit_review', by: 'assignee', after: 8 * H },
      {
        to: 'in_progress',
        step: 'return',
        by: 'coordinator',
        after: 12 * H,
        comment: 'Falta confirmar el bloqueo en el proxy de navegación; adjunta la captura de la regla.',
      },
      { to: 'in_review', step: 'submit_review', by: 'assignee', after: 20 * H, comment: 'Regla del proxy agregada; va la captura.' },
      { to: 'done', step: 'approve', by: 'coordinator', after: 26 * H },
    ],
  },
  {
    agency: 'SSPC',
    title: 'Informar a la ANC el alcance del cifrado de servidores',
    description: 'Indicar cuántos servidores y qué sistemas quedaron cifrados, si hay respaldos íntegros y si hubo exfiltración.',
    priority: 'urgent',
    createdAgo: 3 * D,
    dueIn: -1 * D,
    incidentTitle: 'Cifrado de servidores de archivos por ransomware',
  },
  {
    agency: 'SAT',
    title: 'Enviar el inventario de activos críticos expuestos a internet',
    description: 'Lista de servicios publicados (dominio, IP, función y responsable) para el programa de protección de infraestructura crítica.',
    priority: 'normal',
    createdAgo: 1 * D,
    dueIn: 14 * D,
    initiativeCode: 'PN-2026-001',
  },
  {
    agency: 'CFE',
    title: 'Revisar la segmentación entre la red operativa y la corporativa',
    description: 'Documentar los puntos de interconexión OT/IT y las reglas que los protegen.',
    priority: 'low',
    createdAgo: 6 * D,
    dueIn: 8 * D,
    incidentTitle: 'Comunicación con servidor de mando y control desde la red operativa',
    steps: [
      {
        to: 'cancelled',
        step: 'cancel',
        by: 'coordinator',
        after: 1 * D,
        comment: 'Se atiende dentro de la auditoría anual de CFE; no se duplica el trabajo.',
      },
    ],
  },
];

/**
 * Demo tasks for the first start (never in tests or production): written like the API writes
 * them — gapless `TSK` references, every step in the history, the incident's timeline told, and
 * the notifications each step sends (unread), so the bell has something to show. Only on an
 * empty task table.
 */
export async function seedDemoTasks(db: Db, now: Date = new Date()): Promise<{ tasks: number }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(tasks);
    if ((existing?.n ?? 0) > 0) return { tasks: 0 };
    const agencyRows = await tx.select({ id: agencies.id, code: agencies.code }).from(agencies);
    const agencyId = new Map(agencyRows.map((a) => [a.code, a.id]));
    const userId = new Map((await tx.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]));
    const coordinatorId = userId.get('coordinacion@anc.gob.mx');
    if (!coordinatorId) return { tasks: 0 };
    const incidentRows = await tx.select({ id: incidents.id, title: incidents.title, reference: incidents.reference }).from(incidents);
    const initiativeRows = await tx.select({ id: initiatives.id, code: initiatives.code }).from(initiatives);

    const ordered = [...DEMO_TASKS].sort((a, b) => b.createdAgo - a.createdAgo);
    let created = 0;
    for (const d of ordered) {
      const agency = agencyId.get(d.agency);
      const liaison = userId.get(`enlace@${d.agency.toLowerCase()}.gob.mx`);
      if (!agency || !liaison) continue;
      const incident = d.incidentTitle ? incidentRows.find((i) => i.title === d.incidentTitle) : undefined;
      const initiative = d.initiativeCode ? initiativeRows.find((i) => i.code === d.initiativeCode) : undefined;
      const createdAt = new Date(now.getTime() - d.createdAgo);
      const steps = d.steps ?? [];
      const last = steps.at(-1);
      const year = mexicoCityYear(createdAt);
      const task = await insertTask(tx, {
        reference: formatReference('TSK', year, await nextReferenceNumber(tx, 'TSK', year)),
        title: d.title,
        description: d.description,
        priority: d.priority,
        status: last?.to ?? 'open',
        dueAt: new Date(now.getTime() + d.dueIn),
        incidentId: incident?.id ?? null,
        initiativeId: incident ? null : (initiative?.id ?? null),
        assigneeAgencyId: agency,
        assigneeUserId: null,
        creatorId: coordinatorId,
        statusChangedAt: last ? new Date(createdAt.getTime() + last.after) : createdAt,
        version: 1 + steps.length,
        createdAt,
        updatedAt: last ? new Date(createdAt.getTime() + last.after) : createdAt,
      });
      await insertTaskEvent(tx, {
        taskId: task.id,
        actorId: coordinatorId,
        kind: 'created',
        at: createdAt,
        data: { assigneeAgency: { id: agency, code: d.agency } },
      });
      if (incident) {
        await insertIncidentEvent(tx, {
          incidentId: incident.id,
          actorId: coordinatorId,
          kind: 'task_created',
          at: createdAt,
          data: { task: { id: task.id, reference: task.reference, title: task.title }, assigneeAgency: { id: agency, code: d.agency } },
        });
      }
      const staff = await activeStaffIds(tx, agency);
      // What each step tells whom (as notifyTask does), dated when it happened.
      const notify = async (kind: NotificationKind, to: string[], at: Date, comment?: string) => {
        if (to.length === 0) return;
        const data = { reference: task.reference, title: task.title, ...(comment && { comment }) };
        await tx.insert(notifications).values(to.map((id) => ({ userId: id, kind, taskId: task.id, data, createdAt: at })));
      };
      await notify('task_assigned', staff, createdAt);
      let from: TaskStatus = 'open';
      for (const s of steps) {
        const at = new Date(createdAt.getTime() + s.after);
        const actor = s.by === 'coordinator' ? coordinatorId : liaison;
        await insertTaskEvent(tx, { taskId: task.id, actorId: actor, kind: 'status', at, body: s.comment ?? null, data: { from, to: s.to, step: s.step } });
        if (s.step === 'submit_review') await notify('task_in_review', [coordinatorId], at);
        if (s.step === 'return') await notify('task_returned', staff, at, s.comment);
        if (s.step === 'cancel') await notify('task_cancelled', staff, at, s.comment);
        from = s.to;
      }
      for (const c of d.comments ?? []) {
        await insertTaskEvent(tx, {
          taskId: task.id,
          actorId: c.by === 'coordinator' ? coordinatorId : liaison,
          kind: 'comment',
          at: new Date(createdAt.getTime() + c.after),
          body: c.body,
        });
      }
      created++;
    }
    return { tasks: created };
  });
}
