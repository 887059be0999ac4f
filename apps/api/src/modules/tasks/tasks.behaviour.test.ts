// What the task procedures do, over real HTTP: bad input that writes nothing, the whole workflow
// with its history and audit rows, reassignment, the link to an incident, the list filters and
// the per-agency summary.
import { and, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, initiatives } from '@anc/db';
import { messageFor, type MessageKey, type TaskStatus } from '@anc/domain';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, unchecked, userIdOf, validIncident, type Client } from '../../testing/incidents.ts';
import { DAY, HOUR, addAccount, fromNow, setTaskDueAt, taskRow, taskWrittenRows, validTask, walkTasks } from '../../testing/tasks.ts';

let s: TestServer;
let staff: Client;
let semar: Client;
let coordinator: Client;
let analyst: Client;
let admin: Client;
let sedenaId = '';
let semarId = '';
let sedenaStaffId = '';
let semarStaffId = '';
let coordinatorId = '';
let initiative = { id: '', code: 'PN-2027-004', title: 'Centro de respuesta a incidentes del sector defensa' };

async function signInAll() {
  [staff, semar, coordinator, analyst, admin] = await Promise.all([
    signedIn(s.url, DEMO.sedena),
    signedIn(s.url, DEMO.semar),
    signedIn(s.url, DEMO.coordinator),
    signedIn(s.url, 'analista@anc.gob.mx'),
    signedIn(s.url, DEMO.admin),
  ]);
  sedenaId = await agencyIdOf(s.t.db, 'SEDENA');
  semarId = await agencyIdOf(s.t.db, 'SEMAR');
  sedenaStaffId = await userIdOf(s.t.db, DEMO.sedena);
  semarStaffId = await userIdOf(s.t.db, DEMO.semar);
  coordinatorId = await userIdOf(s.t.db, DEMO.coordinator);
  // There is no initiatives API yet: the registry row is written straight into its table.
  const [row] = await s.t.db
    .insert(initiatives)
    .values({
      code: initiative.code,
      title: initiative.title,
      objective: 'national_security',
      leadAgencyId: sedenaId,
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      budgetMxn: '1500000.00',
      createdBy: coordinatorId,
    })
    .returning({ id: initiatives.id });
  initiative = { ...initiative, id: row?.id ?? '' };
}

beforeAll(async () => {
  s = await startTestServer();
  await signInAll();
});
afterAll(() => s.close());

const es = (key: MessageKey) => messageFor(key, 'es-MX');
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
type TransitionTo = TaskStatus;

const steps = (detail: { allowedTransitions: { step: string }[] }) => detail.allowedTransitions.map((t) => t.step).sort();

/** The audit rows written for a task, oldest first. */
const auditOf = (taskId: string) =>
  s.t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'task'), eq(auditEvents.entityId, taskId)))
    .orderBy(auditEvents.id);

describe('bad input: BAD_REQUEST naming each field (or UNPROCESSABLE_CONTENT for a step that does not exist), nothing written', () => {
  const createCases: { name: string; input: () => Record<string, unknown>; fields: Record<string, string[] | null> }[] = [
    { name: 'a due date in the past', input: () => ({ ...validTask(sedenaId), dueAt: fromNow(-2 * HOUR) }), fields: { dueAt: [es('due_in_past')] } },
    { name: 'an unknown agency', input: () => validTask(UNKNOWN_ID), fields: { assigneeAgencyId: [es('unknown_agency')] } },
    {
      name: 'an assignee from another agency',
      input: () => validTask(sedenaId, { assigneeUserId: semarStaffId }),
      fields: { assigneeUserId: [es('assignee_not_in_agency')] },
    },
    { name: 'an unknown assignee', input: () => validTask(sedenaId, { assigneeUserId: UNKNOWN_ID }), fields: { assigneeUserId: [es('not_found')] } },
    { name: 'an unknown incident', input: () => validTask(sedenaId, { incidentId: UNKNOWN_ID }), fields: { incidentId: [es('not_found')] } },
    { name: 'an unknown initiative', input: () => validTask(sedenaId, { initiativeId: UNKNOWN_ID }), fields: { initiativeId: [es('initiative_not_found')] } },
    {
      name: 'both an incident and an initiative',
      input: () => validTask(sedenaId, { incidentId: UNKNOWN_ID, initiativeId: initiative.id }),
      fields: { initiativeId: [es('task_one_link_only')] },
    },
    { name: 'an unknown priority', input: () => ({ ...validTask(sedenaId), priority: 'critical' }), fields: { priority: null } },
    { name: 'an empty title', input: () => ({ ...validTask(sedenaId), title: '   ' }), fields: { title: null } },
    { name: 'no due date', input: () => ({ ...validTask(sedenaId), dueAt: undefined }), fields: { dueAt: null } },
    {
      name: 'several problems at once, each on its field',
      input: () => ({ ...validTask(sedenaId), title: '', priority: 'maxima', assigneeAgencyId: 'no-es-un-id' }),
      fields: { title: null, priority: null, assigneeAgencyId: null },
    },
  ];

  it.each(createCases)('tasks.create with $name', async ({ input, fields }) => {
    const before = await taskWrittenRows(s.t.db);
    const err = await errorOf(coordinator.trpc.tasks.create.mutate(unchecked(input())));
    expect(err.code).toBe('BAD_REQUEST');
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual(Object.keys(fields).sort());
    // Fields with a domain rule carry its exact message; zod's own (format, enum) are only checked by field.
    const named = Object.fromEntries(Object.entries(fields).filter(([, m]) => m !== null));
    expect(Object.fromEntries(Object.keys(named).map((f) => [f, err.fieldErrors?.[f]]))).toEqual(named);
    expect(await taskWrittenRows(s.t.db)).toEqual(before);
  });

  it('tasks.create for a deactivated agency or naming a deactivated account', async () => {
    const conagua = await agencyIdOf(s.t.db, 'CONAGUA');
    const cdmx = await agencyIdOf(s.t.db, 'CDMX');
    const gone = await addAccount(s.url, admin, { agencyId: cdmx, active: false });
    await admin.trpc.admin.agencies.setActive.mutate({ id: conagua, active: false });
    const before = await taskWrittenRows(s.t.db);
    expect(await errorOf(coordinator.trpc.tasks.create.mutate(validTask(conagua)))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { assigneeAgencyId: [es('unknown_agency')] },
    });
    expect(await errorOf(coordinator.trpc.tasks.create.mutate(validTask(cdmx, { assigneeUserId: gone.id })))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { assigneeUserId: [es('user_inactive')] },
    });
    expect(await taskWrittenRows(s.t.db)).toEqual(before);
  });

  it('tasks.update: a past due date, an unknown agency, a closed task', async () => {
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId));
    const before = await taskWrittenRows(s.t.db);
    expect(await errorOf(coordinator.trpc.tasks.update.mutate({ id: task.id, version: task.version, dueAt: fromNow(-DAY) }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { dueAt: [es('due_in_past')] },
    });
    expect(await errorOf(coordinator.trpc.tasks.update.mutate({ id: task.id, version: task.version, assigneeAgencyId: UNKNOWN_ID }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { assigneeAgencyId: [es('unknown_agency')] },
    });
    expect(await taskWrittenRows(s.t.db)).toEqual(before);

    const cancelled = await coordinator.trpc.tasks.transition.mutate({ id: task.id, version: task.version, to: 'cancelled', comment: 'Duplicada.' });
    const afterCancel = await taskWrittenRows(s.t.db);
    expect(await errorOf(coordinator.trpc.tasks.update.mutate({ id: task.id, version: cancelled.version, title: 'Otro título para la tarea' }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'task_closed',
    });
    expect(await taskWrittenRows(s.t.db)).toEqual(afterCancel);
  });

  it('tasks.transition: a missing reason or comment, an unknown status, a step that does not exist', async () => {
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId));
    const started = await staff.trpc.tasks.transition.mutate({ id: task.id, version: task.version, to: 'in_progress' });
    const review = await staff.trpc.tasks.transition.mutate({ id: task.id, version: started.version, to: 'in_review' });
    const before = await taskWrittenRows(s.t.db);
    const v = review.version;
    // Return without a comment (absent, empty, blank).
    for (const comment of [undefined, '', '   ']) {
      const err = await errorOf(
        coordinator.trpc.tasks.transition.mutate({ id: task.id, version: v, to: 'in_progress', ...(comment === undefined ? {} : { comment }) }),
      );
      expect(err).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { comment: [es('comment_required')] } });
    }
    // Cancel without a reason.
    expect(await errorOf(coordinator.trpc.tasks.transition.mutate({ id: task.id, version: v, to: 'cancelled', comment: ' ' }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { comment: [es('reason_required')] },
    });
    const unknown = await errorOf(coordinator.trpc.tasks.transition.mutate(unchecked({ id: task.id, version: v, to: 'archived' })));
    expect(unknown.code).toBe('BAD_REQUEST');
    expect(Object.keys(unknown.fieldErrors ?? {})).toEqual(['to']);
    // in_review → open is no step of the machine, for anyone.
    expect(await errorOf(coordinator.trpc.tasks.transition.mutate({ id: task.id, version: v, to: 'open' }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'task_transition_not_allowed',
    });
    expect(await taskWrittenRows(s.t.db)).toEqual(before);
    expect((await taskRow(s.t.db, task.id)).status).toBe('in_review');

    // Block without a reason, from a fresh task.
    const other = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId));
    const before2 = await taskWrittenRows(s.t.db);
    expect(await errorOf(staff.trpc.tasks.transition.mutate({ id: other.id, version: other.version, to: 'blocked' }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { comment: [es('reason_required')] },
    });
    expect(await errorOf(staff.trpc.tasks.transition.mutate({ id: other.id, version: other.version, to: 'done' }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
    });
    expect(await taskWrittenRows(s.t.db)).toEqual(before2);
  });

  it('tasks.comment: an empty or blank body', async () => {
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId));
    const before = await taskWrittenRows(s.t.db);
    for (const body of ['', '    ']) {
      const err = await errorOf(staff.trpc.tasks.comment.mutate({ id: task.id, body }));
      expect(err.code).toBe('BAD_REQUEST');
      expect(Object.keys(err.fieldErrors ?? {})).toEqual(['body']);
    }
    expect(await taskWrittenRows(s.t.db)).toEqual(before);
  });
});

describe('the workflow', () => {
  it('open → in_progress → in_review → (returned) → in_progress → in_review → done → (reopened): history, audit rows, steps offered', async () => {
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId, { assigneeUserId: sedenaStaffId }));
    expect(task).toMatchObject({ status: 'open', version: 1, assigneeUser: { id: sedenaStaffId }, creator: { id: coordinatorId }, dueState: 'on_track' });
    expect(task.reference).toMatch(/^TSK-\d{4}-\d{6}$/);
    let version = task.version;
    const step = async (client: Client, to: TransitionTo, comment?: string) => {
      const res = await client.trpc.tasks.transition.mutate({ id: task.id, version, to, ...(comment ? { comment } : {}) });
      expect(res.version).toBe(version + 1);
      version = res.version;
      return res;
    };
    expect(steps(await step(staff, 'in_progress'))).toEqual(['block', 'submit_review']);
    const inReview = await step(staff, 'in_review');
    expect(steps(inReview)).toEqual([]);
    expect(steps(await coordinator.trpc.tasks.get.query({ id: task.id }))).toEqual(['approve', 'cancel', 'return']);
    await step(coordinator, 'in_progress', 'Falta la evidencia del segundo servidor.');
    await staff.trpc.tasks.comment.mutate({ id: task.id, body: 'Se adjunta la evidencia del segundo servidor.' });
    await step(staff, 'in_review');
    const done = await step(analyst, 'done');
    expect(done).toMatchObject({ status: 'done', dueState: 'none', capabilities: { edit: false, reassign: false, comment: true } });
    expect(steps(done)).toEqual(['reopen']);
    const reopened = await step(coordinator, 'in_progress', 'El fabricante publicó otro parche.');
    expect(reopened.status).toBe('in_progress');

    expect(reopened.history.map((h) => [h.kind, h.kind === 'status' ? h.data.step : null, h.body, h.actor?.agencyCode ?? null])).toEqual([
      ['created', null, null, 'ANC'],
      ['status', 'start', null, 'SEDENA'],
      ['status', 'submit_review', null, 'SEDENA'],
      ['status', 'return', 'Falta la evidencia del segundo servidor.', 'ANC'],
      ['comment', null, 'Se adjunta la evidencia del segundo servidor.', 'SEDENA'],
      ['status', 'submit_review', null, 'SEDENA'],
      ['status', 'approve', null, 'ANC'],
      ['status', 'reopen', 'El fabricante publicó otro parche.', 'ANC'],
    ]);
    expect(reopened.history[3]?.data).toEqual({ from: 'in_review', to: 'in_progress', step: 'return' });
    expect((await auditOf(task.id)).map((a) => a.action)).toEqual([
      'task.create',
      'task.transition',
      'task.transition',
      'task.transition',
      'task.comment',
      'task.transition',
      'task.transition',
      'task.transition',
    ]);
  });

  it('block with a reason, then resume', async () => {
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId));
    const blocked = await staff.trpc.tasks.transition.mutate({
      id: task.id,
      version: task.version,
      to: 'blocked',
      comment: 'Esperamos la ventana de mantenimiento.',
    });
    expect(blocked.allowedTransitions.map((t) => t.step)).toEqual(['resume']);
    const resumed = await staff.trpc.tasks.transition.mutate({ id: task.id, version: blocked.version, to: 'in_progress' });
    expect(resumed.status).toBe('in_progress');
    expect(resumed.history.filter((h) => h.kind === 'status').map((h) => [h.data.step, h.body])).toEqual([
      ['block', 'Esperamos la ventana de mantenimiento.'],
      ['resume', null],
    ]);
  });

  it('cancel with a reason: the task is a closed record (no steps, no comments, no edits)', async () => {
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId));
    const cancelled = await coordinator.trpc.tasks.transition.mutate({
      id: task.id,
      version: task.version,
      to: 'cancelled',
      comment: 'El sistema se dará de baja.',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', allowedTransitions: [], capabilities: { edit: false, reassign: false, comment: false } });
    expect(cancelled.history.at(-1)).toMatchObject({
      kind: 'status',
      body: 'El sistema se dará de baja.',
      data: { from: 'open', to: 'cancelled', step: 'cancel' },
    });
    const before = await taskWrittenRows(s.t.db);
    expect(await errorOf(staff.trpc.tasks.comment.mutate({ id: task.id, body: '¿Por qué se canceló?' }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'task_cancelled',
    });
    expect(
      await errorOf(coordinator.trpc.tasks.transition.mutate({ id: task.id, version: cancelled.version, to: 'in_progress', comment: 'Reabrir' })),
    ).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'task_transition_not_allowed',
    });
    expect(await taskWrittenRows(s.t.db)).toEqual(before);
  });

  it('an edit records the fields it changed; one that changes nothing writes nothing', async () => {
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId, { priority: 'normal' }));
    const newDue = fromNow(3 * DAY);
    const edited = await coordinator.trpc.tasks.update.mutate({
      id: task.id,
      version: task.version,
      priority: 'urgent',
      dueAt: newDue,
      description: 'Nueva descripción.',
    });
    expect(edited).toMatchObject({ priority: 'urgent', dueAt: newDue, description: 'Nueva descripción.', version: task.version + 1 });
    expect(edited.history.at(-1)).toMatchObject({
      kind: 'updated',
      data: { fields: ['descriptionLength', 'priority', 'dueAt'], changes: { priority: ['normal', 'urgent'], dueAt: [task.dueAt, newDue] } },
    });
    const before = await taskWrittenRows(s.t.db);
    const same = await coordinator.trpc.tasks.update.mutate({ id: task.id, version: edited.version, priority: 'urgent', assigneeAgencyId: sedenaId });
    expect(same.version).toBe(edited.version);
    expect(await taskWrittenRows(s.t.db)).toEqual(before);
    expect((await auditOf(task.id)).map((a) => a.action)).toEqual(['task.create', 'task.update']);
  });

  it('a reassignment sends work under way back to open, clears the assignee user and moves who may read it', async () => {
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId, { assigneeUserId: sedenaStaffId }));
    const started = await staff.trpc.tasks.transition.mutate({ id: task.id, version: task.version, to: 'in_progress' });
    const moved = await coordinator.trpc.tasks.update.mutate({ id: task.id, version: started.version, assigneeAgencyId: semarId });
    expect(moved).toMatchObject({ status: 'open', assigneeUser: null, assigneeAgency: { id: semarId, code: 'SEMAR' } });
    expect(moved.history.at(-1)).toMatchObject({
      kind: 'reassigned',
      data: { from: { id: sedenaId, code: 'SEDENA' }, to: { id: semarId, code: 'SEMAR' }, status: { from: 'in_progress', to: 'open' } },
    });
    expect(await errorOf(staff.trpc.tasks.get.query({ id: task.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await semar.trpc.tasks.get.query({ id: task.id })).allowedTransitions.map((t) => t.step).sort()).toEqual(['block', 'start']);

    // Back to SEDENA naming its staff member: the named user is kept; an open task stays open.
    const back = await coordinator.trpc.tasks.update.mutate({ id: task.id, version: moved.version, assigneeAgencyId: sedenaId, assigneeUserId: sedenaStaffId });
    expect(back).toMatchObject({ status: 'open', assigneeUser: { id: sedenaStaffId }, assigneeAgency: { id: sedenaId } });
    expect(back.history.at(-1)?.data).not.toHaveProperty('status');
    expect((await auditOf(task.id)).map((a) => a.action)).toEqual(['task.create', 'task.transition', 'task.update', 'task.update']);
  });

  it('assignable users: the active staff of the agency only', async () => {
    const extra = await addAccount(s.url, admin, { agencyId: semarId });
    const inactive = await addAccount(s.url, admin, { agencyId: semarId, active: false });
    const { items } = await coordinator.trpc.tasks.assignableUsers.query({ agencyId: semarId });
    expect(items.map((u) => u.id).sort()).toEqual([semarStaffId, extra.id].sort());
    expect(items.map((u) => u.id)).not.toContain(inactive.id);
    expect(await errorOf(coordinator.trpc.tasks.assignableUsers.query({ agencyId: UNKNOWN_ID }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { agencyId: [es('unknown_agency')] },
    });
  });

  it('a task linked to an initiative names it', async () => {
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId, { initiativeId: initiative.id }));
    expect(task.initiative).toEqual(initiative);
    expect(task.incident).toBeNull();
  });
});

describe('tasks created from an incident', () => {
  it('the incident’s timeline records each, and incidents.get lists those the caller may read', async () => {
    const incident = await staff.trpc.incidents.create.mutate(validIncident({ tlp: 'AMBER', title: 'Ransomware en la red administrativa' }));
    const mine = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId, { incidentId: incident.id, title: 'Aislar los equipos cifrados' }));
    const theirs = await coordinator.trpc.tasks.create.mutate(
      validTask(semarId, { incidentId: incident.id, title: 'Bloquear los indicadores en la red naval' }),
    );
    expect(mine.incident).toEqual({ id: incident.id, reference: incident.reference, title: incident.title });

    const asCoordinator = await coordinator.trpc.incidents.get.query({ id: incident.id });
    expect(asCoordinator.tasks.map((t) => t.id)).toEqual([theirs.id, mine.id]);
    const events = asCoordinator.timeline.filter((e) => e.kind === 'task_created');
    expect(events.map((e) => e.data)).toEqual([
      { task: { id: mine.id, reference: mine.reference, title: mine.title }, assigneeAgency: { id: sedenaId, code: 'SEDENA' } },
      { task: { id: theirs.id, reference: theirs.reference, title: theirs.title }, assigneeAgency: { id: semarId, code: 'SEMAR' } },
    ]);
    expect(events.every((e) => e.actor.id === coordinatorId)).toBe(true);

    // SEDENA reads its incident, but only its own task, in the list and on the timeline.
    const asStaff = await staff.trpc.incidents.get.query({ id: incident.id });
    expect(asStaff.tasks.map((t) => t.id)).toEqual([mine.id]);
    expect(asStaff.timeline.filter((e) => e.kind === 'task_created').map((e) => (e.data.task as { id: string }).id)).toEqual([mine.id]);
    // Shared with SEMAR, it reads the incident and sees its own task only.
    await coordinator.trpc.incidents.share.mutate({ id: incident.id, agencyIds: [semarId] });
    const asSemar = await semar.trpc.incidents.get.query({ id: incident.id });
    expect(asSemar.tasks.map((t) => t.id)).toEqual([theirs.id]);
    expect(asSemar.timeline.filter((e) => e.kind === 'task_created').map((e) => (e.data.task as { id: string }).id)).toEqual([theirs.id]);
  });
});

describe('list filters and the per-agency summary', () => {
  /** Named fixtures, created on an empty database. */
  const t = {} as Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G', string>;
  let incidentId = '';

  beforeAll(async () => {
    await s.reset();
    await signInAll();
    const incident = await staff.trpc.incidents.create.mutate(validIncident({ title: 'Intrusión en el portal de trámites' }));
    incidentId = incident.id;
    const make = async (agency: string, input: Parameters<typeof validTask>[1]) => (await coordinator.trpc.tasks.create.mutate(validTask(agency, input))).id;
    const move = async (client: Client, id: string, ...path: [TransitionTo, string?][]) => {
      for (const [to, comment] of path) {
        const { version } = await taskRow(s.t.db, id);
        await client.trpc.tasks.transition.mutate({ id, version, to, ...(comment ? { comment } : {}) });
      }
    };
    t.A = await make(sedenaId, { title: 'Revisar cuentas privilegiadas', priority: 'high', assigneeUserId: sedenaStaffId, incidentId });
    t.B = await make(sedenaId, { title: 'Actualizar firmas del antivirus', priority: 'low', dueAt: fromNow(24 * HOUR) });
    await move(staff, t.B, ['in_progress']);
    t.C = await make(sedenaId, { title: 'Rotar certificados del portal', priority: 'urgent', initiativeId: initiative.id });
    t.D = await make(semarId, { title: 'Bloquear indicadores del portal', incidentId });
    t.E = await make(sedenaId, { title: 'Informe de cierre del incidente' });
    await move(staff, t.E, ['in_progress'], ['in_review']);
    await move(coordinator, t.E, ['done']);
    t.F = await make(semarId, { title: 'Tarea cancelada de la marina', dueAt: fromNow(10 * HOUR) });
    await move(coordinator, t.F, ['cancelled', 'Duplicada.']);
    t.G = await make(semarId, { title: 'Revisión de bitácoras navales', dueAt: fromNow(47 * HOUR) });
    await move(semar, t.G, ['in_progress'], ['in_review']);
    // Due dates in the past cannot be set through the API: they are set in the table.
    for (const id of [t.C, t.D, t.E]) await setTaskDueAt(s.t.db, id, new Date(Date.now() - 3 * HOUR));
  });

  /** The fixture names a list answers, in its order (newest first). */
  const names = async (client: Client, input: Parameters<typeof walkTasks>[1]) => {
    const byId = new Map(Object.entries(t).map(([k, v]) => [v, k]));
    return (await walkTasks(client, { limit: 2, ...input })).map((i) => byId.get(i.id) ?? i.id);
  };

  it.each([
    { who: 'coordinator', filters: {}, want: ['G', 'F', 'E', 'D', 'C', 'B', 'A'] },
    { who: 'staff', filters: {}, want: ['E', 'C', 'B', 'A'] },
    { who: 'admin', filters: {}, want: ['G', 'F', 'E', 'D', 'C', 'B', 'A'] },
    { who: 'coordinator', filters: { overdue: true }, want: ['D', 'C'] },
    { who: 'staff', filters: { overdue: true }, want: ['C'] },
    { who: 'coordinator', filters: { dueSoon: true }, want: ['G', 'B'] },
    { who: 'staff', filters: { dueSoon: true }, want: ['B'] },
    { who: 'staff', filters: { mine: true }, want: ['A'] },
    { who: 'coordinator', filters: { mine: true }, want: [] },
    { who: 'coordinator', filters: { incidentIdOf: true }, want: ['D', 'A'] },
    { who: 'staff', filters: { incidentIdOf: true }, want: ['A'] },
    { who: 'coordinator', filters: { initiativeIdOf: true }, want: ['C'] },
    { who: 'coordinator', filters: { status: ['open'] }, want: ['D', 'C', 'A'] },
    { who: 'coordinator', filters: { status: ['in_progress', 'in_review'] }, want: ['G', 'B'] },
    { who: 'coordinator', filters: { status: ['done', 'cancelled'] }, want: ['F', 'E'] },
    { who: 'coordinator', filters: { priority: ['urgent', 'low'] }, want: ['C', 'B'] },
    { who: 'coordinator', filters: { semar: true }, want: ['G', 'F', 'D'] },
    { who: 'staff', filters: { semar: true }, want: [] },
    { who: 'coordinator', filters: { q: 'PORTAL' }, want: ['D', 'C'] },
    { who: 'coordinator', filters: { status: ['open'], overdue: true }, want: ['D', 'C'] },
    { who: 'staff', filters: { status: ['open'], mine: true }, want: ['A'] },
  ] as const)('$who with $filters → $want', async ({ who, filters, want }) => {
    const client = { coordinator, staff, admin }[who];
    const { incidentIdOf, initiativeIdOf, semar: semarOnly, ...rest } = filters as Record<string, unknown>;
    const input = {
      ...rest,
      ...(incidentIdOf ? { incidentId } : {}),
      ...(initiativeIdOf ? { initiativeId: initiative.id } : {}),
      ...(semarOnly ? { assigneeAgencyId: semarId } : {}),
    };
    expect(await names(client, input as Parameters<typeof walkTasks>[1])).toEqual(want);
  });

  it('a reference finds its task, typed whole or short', async () => {
    const { reference } = await taskRow(s.t.db, t.E);
    expect(await names(coordinator, { q: reference })).toEqual(['E']);
    const short = reference.replace(/-0+(\d+)$/, '-$1');
    expect(await names(coordinator, { q: short.toLowerCase() })).toEqual(['E']);
    expect(await names(semar, { q: reference })).toEqual([]);
  });

  it('the due state of each summary', async () => {
    const items = await walkTasks(coordinator, { limit: 100 });
    const state = Object.fromEntries(items.map((i) => [Object.entries(t).find(([, id]) => id === i.id)?.[0], i.dueState]));
    expect(state).toEqual({ A: 'on_track', B: 'due_soon', C: 'overdue', D: 'overdue', E: 'none', F: 'none', G: 'due_soon' });
  });

  it('summary: per agency with active work — active, overdue, in review — the most overdue first, then by code', async () => {
    const { items } = await coordinator.trpc.tasks.summary.query();
    expect(items.map((i) => ({ code: i.agency.code, open: i.open, overdue: i.overdue, inReview: i.inReview }))).toEqual([
      { code: 'SEDENA', open: 3, overdue: 1, inReview: 0 },
      { code: 'SEMAR', open: 2, overdue: 1, inReview: 1 },
    ]);
    // One more overdue task for SEMAR puts it first.
    const extra = await coordinator.trpc.tasks.create.mutate(validTask(semarId));
    await setTaskDueAt(s.t.db, extra.id, new Date(Date.now() - HOUR));
    expect((await admin.trpc.tasks.summary.query()).items.map((i) => [i.agency.code, i.overdue])).toEqual([
      ['SEMAR', 2],
      ['SEDENA', 1],
    ]);
  });
});

describe('audit rows name the actor and the change', () => {
  it('task.create records the task’s fields; task.comment the comment', async () => {
    const last = (await s.t.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(auditEvents.id)).at(-1)?.id ?? 0;
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId, { title: 'Auditar el acceso remoto' }));
    await staff.trpc.tasks.comment.mutate({ id: task.id, body: 'Acceso remoto deshabilitado.' });
    const rows = await s.t.db.select().from(auditEvents).where(gt(auditEvents.id, last)).orderBy(auditEvents.id);
    const mineRows = rows.filter((r) => r.entityId === task.id);
    expect(mineRows.map((r) => [r.action, r.actorId])).toEqual([
      ['task.create', coordinatorId],
      ['task.comment', sedenaStaffId],
    ]);
    expect(mineRows[0]?.diff).toMatchObject({ title: [null, 'Auditar el acceso remoto'], assigneeAgencyId: [null, sedenaId], status: [null, 'open'] });
    expect(mineRows[1]?.diff).toEqual({ comment: [null, 'Acceso remoto deshabilitado.'] });
  });
});
