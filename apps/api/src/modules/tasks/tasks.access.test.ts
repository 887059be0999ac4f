// Who may do what with a task, over real HTTP: every tasks.* procedure × role × (task assigned to
// the caller's agency, to another agency). The expected answer of each cell comes from
// `expected` below, written from docs/DESIGN.md, docs/API.md and the issue, not from the domain's policy functions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageFor, type MessageKey } from '@anc/domain';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, auditCount, userIdOf, validIncident, type Client } from '../../testing/incidents.ts';
import { taskRow, taskWrittenRows, validTask } from '../../testing/tasks.ts';

const ROLES = ['staff', 'coordinator', 'admin'] as const;
/** The task's relation to the SEDENA staff member: assigned to SEDENA, or to SEMAR. */
const RELATIONS = ['own', 'other'] as const;
const PROCEDURES = ['create', 'list', 'get', 'update', 'transition', 'comment', 'summary', 'assignableUsers'] as const;

type Role = (typeof ROLES)[number];
type Relation = (typeof RELATIONS)[number];
type Procedure = (typeof PROCEDURES)[number];

/** The permission table as docs/API.md and the issue state it (admins read, never act). */
const MAY: Record<Procedure, readonly Role[]> = {
  create: ['coordinator'],
  list: ['staff', 'coordinator', 'admin'],
  get: ['staff', 'coordinator', 'admin'],
  update: ['coordinator'],
  transition: ['staff', 'coordinator'],
  comment: ['staff', 'coordinator'],
  summary: ['coordinator', 'admin'],
  assignableUsers: ['coordinator'],
};

/** DESIGN: coordinators and admins read every task; staff only the tasks assigned to their agency. */
const readable = (role: Role, relation: Relation) => role !== 'staff' || relation === 'own';

interface Expected {
  code: 'OK' | 'FORBIDDEN' | 'NOT_FOUND';
  reason: string | null;
  /** Audit rows the call writes: one per successful mutation, none otherwise. */
  writes: 0 | 1;
}
const ok = (writes: 0 | 1): Expected => ({ code: 'OK', reason: null, writes });
const refused = (code: Expected['code'], reason: string): Expected => ({ code, reason, writes: 0 });

function expected(procedure: Procedure, role: Role, relation: Relation): Expected {
  if (!MAY[procedure].includes(role)) return refused('FORBIDDEN', 'role_not_allowed');
  switch (procedure) {
    case 'create':
      return ok(1);
    case 'list':
    case 'summary':
    case 'assignableUsers':
      return ok(0);
    case 'get':
      return readable(role, relation) ? ok(0) : refused('NOT_FOUND', 'not_found');
    case 'update':
    case 'transition':
    case 'comment':
      // What the caller may not read does not exist for them, whatever they ask to do with it.
      return readable(role, relation) ? ok(1) : refused('NOT_FOUND', 'not_found');
  }
}

let s: TestServer;
const clients = {} as Record<Role, Client>;
const agencyOf = {} as Record<Relation, string>;
const staffOf = {} as Record<Relation, string>;
let serial = 0;

/** A fresh open task assigned to the agency of `relation`, created by the coordinator through the API. */
async function makeTask(relation: Relation) {
  serial += 1;
  return clients.coordinator.trpc.tasks.create.mutate(validTask(agencyOf[relation], { title: `Matriz de acceso ${relation} ${serial}` }));
}

const fixtures = new Map<Relation, { id: string; reference: string }>();

beforeAll(async () => {
  s = await startTestServer();
  clients.staff = await signedIn(s.url, DEMO.sedena);
  clients.coordinator = await signedIn(s.url, DEMO.coordinator);
  clients.admin = await signedIn(s.url, DEMO.admin);
  agencyOf.own = await agencyIdOf(s.t.db, 'SEDENA');
  agencyOf.other = await agencyIdOf(s.t.db, 'SEMAR');
  staffOf.own = await userIdOf(s.t.db, DEMO.sedena);
  staffOf.other = await userIdOf(s.t.db, DEMO.semar);
  for (const relation of RELATIONS) fixtures.set(relation, await makeTask(relation));
});
afterAll(() => s.close());

/** One call of the procedure about a task in `relation` to SEDENA; `target` is the task it acts on. */
async function call(procedure: Procedure, role: Role, relation: Relation, target: { id: string; reference: string }): Promise<unknown> {
  const { trpc } = clients[role];
  const id = target.id;
  switch (procedure) {
    case 'create':
      serial += 1;
      return trpc.tasks.create.mutate(validTask(agencyOf[relation], { title: `Tarea nueva ${relation} ${serial}`, assigneeUserId: staffOf[relation] }));
    case 'list':
      return trpc.tasks.list.query({ q: target.reference, limit: 10 });
    case 'get':
      return trpc.tasks.get.query({ id });
    case 'update':
      return trpc.tasks.update.mutate({ id, version: (await taskRow(s.t.db, id)).version, priority: 'urgent', title: `Editada ${serial++}` });
    case 'transition': {
      const version = (await taskRow(s.t.db, id)).version;
      // The step each party may take from `open`: staff start the work, the ANC cancels it.
      return role === 'coordinator'
        ? trpc.tasks.transition.mutate({ id, version, to: 'cancelled', comment: 'La tarea ya no es necesaria.' })
        : trpc.tasks.transition.mutate({ id, version, to: 'in_progress' });
    }
    case 'comment':
      return trpc.tasks.comment.mutate({ id, body: 'Se aplicó el parche en el primer servidor.' });
    case 'summary':
      return trpc.tasks.summary.query();
    case 'assignableUsers':
      return trpc.tasks.assignableUsers.query({ agencyId: agencyOf[relation] });
  }
}

interface Observed {
  code: string;
  reason: string | null;
  auditRows: number;
  /** `list`: whether the task is in the caller's list. */
  listed: boolean | null;
  /** Procedures that answer with a task: whether it is this task (a new one for `create`). */
  sameTask: boolean | null;
  /** `summary`: whether the agency of the task has its row; `assignableUsers`: whether its staff member is offered. */
  agencyListed: boolean | null;
}

const TASK_ANSWERS: readonly Procedure[] = ['create', 'get', 'update', 'transition', 'comment'];

function expectedObservation(procedure: Procedure, role: Role, relation: Relation): Observed {
  const want = expected(procedure, role, relation);
  const succeeded = want.code === 'OK';
  return {
    code: want.code,
    reason: want.reason,
    auditRows: want.writes,
    listed: procedure === 'list' ? readable(role, relation) : null,
    sameTask: succeeded && TASK_ANSWERS.includes(procedure) ? procedure !== 'create' : null,
    agencyListed: succeeded && (procedure === 'summary' || procedure === 'assignableUsers') ? true : null,
  };
}

const cells = PROCEDURES.flatMap((procedure) =>
  ROLES.flatMap((role) =>
    RELATIONS.map((relation) => {
      const want = expectedObservation(procedure, role, relation);
      const note = want.reason ?? (want.listed === null ? null : want.listed ? 'listed' : 'not listed');
      return { procedure, role, relation, want, label: note ? `${want.code} (${note})` : want.code };
    }),
  ),
);

describe('access matrix: procedure × role × assignee agency', () => {
  it.each(cells)('$procedure as $role on a task of $relation agency → $label', async ({ procedure, role, relation, want }) => {
    const fixture = fixtures.get(relation);
    if (!fixture) throw new Error('fixture missing');
    // A successful transition closes or starts the task: it gets a fresh one.
    const target = procedure === 'transition' && want.code === 'OK' ? await makeTask(relation) : fixture;
    const auditBefore = await auditCount(s.t.db);
    const outcome = await call(procedure, role, relation, target).then(
      (value) => ({ code: 'OK', reason: null as string | null, value }),
      async (e: unknown) => ({ ...(await errorOf(Promise.reject(e))), value: undefined }),
    );
    const value = (outcome.value ?? {}) as { id?: string; reference?: string; items?: { id: string; agency?: { id: string } }[] };
    let agencyListed: boolean | null = null;
    if (outcome.code === 'OK' && procedure === 'summary') agencyListed = (value.items ?? []).some((i) => i.agency?.id === agencyOf[relation]);
    if (outcome.code === 'OK' && procedure === 'assignableUsers') agencyListed = (value.items ?? []).some((i) => i.id === staffOf[relation]);
    const observed: Observed = {
      code: outcome.code,
      reason: outcome.reason,
      auditRows: (await auditCount(s.t.db)) - auditBefore,
      listed: procedure === 'list' && value.items ? value.items.some((i) => i.id === target.id) : null,
      sameTask: value.id && value.reference ? value.id === target.id : null,
      agencyListed,
    };
    expect(observed).toEqual(want);
  });
});

const es = (key: MessageKey) => messageFor(key, 'es-MX');

describe('who may be named assignee', () => {
  it('a staff member of agency A cannot be made assignee of a task for agency B (create): BAD_REQUEST, nothing written', async () => {
    const before = await taskWrittenRows(s.t.db);
    const err = await errorOf(clients.coordinator.trpc.tasks.create.mutate(validTask(agencyOf.other, { assigneeUserId: staffOf.own })));
    expect(err).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { assigneeUserId: [es('assignee_not_in_agency')] } });
    expect(await taskWrittenRows(s.t.db)).toEqual(before);
  });

  it('… nor by an edit, nor by a reassignment that names a user of the old agency', async () => {
    const task = await makeTask('other');
    const before = await taskWrittenRows(s.t.db);
    const edit = await errorOf(clients.coordinator.trpc.tasks.update.mutate({ id: task.id, version: task.version, assigneeUserId: staffOf.own }));
    expect(edit).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { assigneeUserId: [es('assignee_not_in_agency')] } });
    expect(await taskWrittenRows(s.t.db)).toEqual(before);
    const own = await makeTask('own');
    const before2 = await taskWrittenRows(s.t.db);
    const reassign = await errorOf(
      clients.coordinator.trpc.tasks.update.mutate({ id: own.id, version: own.version, assigneeAgencyId: agencyOf.other, assigneeUserId: staffOf.own }),
    );
    expect(reassign).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { assigneeUserId: [es('assignee_not_in_agency')] } });
    expect(await taskWrittenRows(s.t.db)).toEqual(before2);
    expect((await taskRow(s.t.db, task.id)).assigneeUserId).toBeNull();
    expect((await taskRow(s.t.db, own.id)).assigneeAgencyId).toBe(agencyOf.own);
  });

  it('coordinators and admins are not assignees: only staff of the agency', async () => {
    const coordinatorId = await userIdOf(s.t.db, DEMO.coordinator);
    const ancId = await agencyIdOf(s.t.db, 'ANC');
    const err = await errorOf(clients.coordinator.trpc.tasks.create.mutate(validTask(ancId, { assigneeUserId: coordinatorId })));
    expect(err).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { assigneeUserId: [es('assignee_not_staff')] } });
  });
});

describe('what each party may do with a task it reads', () => {
  it('steps of the other party are FORBIDDEN, and the detail offers only the caller’s own steps', async () => {
    const task = await makeTask('own');
    const asStaff = await clients.staff.trpc.tasks.get.query({ id: task.id });
    expect(asStaff.allowedTransitions.map((t) => t.step).sort()).toEqual(['block', 'start']);
    expect(asStaff.capabilities).toEqual({ edit: false, reassign: false, comment: true });
    const asCoordinator = await clients.coordinator.trpc.tasks.get.query({ id: task.id });
    expect(asCoordinator.allowedTransitions).toEqual([{ to: 'cancelled', step: 'cancel', needs: 'reason' }]);
    expect(asCoordinator.capabilities).toEqual({ edit: true, reassign: true, comment: true });
    const asAdmin = await clients.admin.trpc.tasks.get.query({ id: task.id });
    expect(asAdmin.allowedTransitions).toEqual([]);
    expect(asAdmin.capabilities).toEqual({ edit: false, reassign: false, comment: false });

    const before = await taskWrittenRows(s.t.db);
    expect(
      await errorOf(clients.staff.trpc.tasks.transition.mutate({ id: task.id, version: task.version, to: 'cancelled', comment: 'No aplica a nuestra red.' })),
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'task_transition_coordinator_only' });
    expect(await errorOf(clients.coordinator.trpc.tasks.transition.mutate({ id: task.id, version: task.version, to: 'in_progress' }))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'task_transition_assignee_only',
    });
    expect(await taskWrittenRows(s.t.db)).toEqual(before);
  });

  it('a task linked to an incident its agency may not read does not name that incident to the agency', async () => {
    const semar = await signedIn(s.url, DEMO.semar);
    const red = await semar.trpc.incidents.create.mutate(validIncident({ tlp: 'RED', title: 'Exfiltración desde la red naval' }));
    const task = await clients.coordinator.trpc.tasks.create.mutate(
      validTask(agencyOf.own, { title: 'Bloquear el dominio de exfiltración', incidentId: red.id }),
    );
    expect(task.incident).toEqual({ id: red.id, reference: red.reference, title: red.title });
    const asStaff = await clients.staff.trpc.tasks.get.query({ id: task.id });
    expect(asStaff.incident).toBeNull();
    const listed = await clients.staff.trpc.tasks.list.query({ q: task.reference });
    expect(listed.items.map((i) => [i.id, i.incident])).toEqual([[task.id, null]]);
  });
});
