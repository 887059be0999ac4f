// Every procedure is in the access matrix (issue 10). The procedures are enumerated from the app
// router itself (router.ts): a procedure without a matrix entry, or an entry without a procedure,
// fails. Each entry states, per caller (and per object where the procedure takes an id), the answer
// docs/API.md and docs/DESIGN.md give — an explicit table written here, never computed by the
// domain's own policy functions — and how to build a valid input for that object. Every cell also
// checks that:
// - an object the caller may not read answers byte for byte what a random id answers;
// - a 2xx body names no fixture object (id or reference) the caller may not read;
// - a refused mutation writes nothing (the audit row count is unchanged).
// The cells call the app router in process (`createCaller` on the inner context the HTTP host
// builds for the same cookie: testing/in-process.ts); per procedure its first refused cell and its
// first successful read also go over plain HTTP (testing/raw.ts) and must answer the same status and
// body byte for byte. Read-only cells run first, on the fixtures as built; a mutation that succeeds
// acts on a fresh object of the same kind.
import { randomUUID } from 'node:crypto';
import { and, count, eq, gt, max } from 'drizzle-orm';
import { v5 as uuidv5 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiToken } from '@anc/auth';
import {
  advisories,
  auditEvents,
  evidenceFiles,
  evidenceStorageCounts,
  mailOutbox,
  incidentObservables,
  incidentReports,
  incidentShares,
  incidents,
  initiatives,
  revokeApiClient,
  tasks,
  upsertSavedFilter,
} from '@anc/db';
import { API_SCOPES, type ApiScope, type Tlp } from '@anc/domain';
import { ANC_STIX_NAMESPACE } from './modules/incidents/export/stix.ts';
import { REST_ROUTES } from './rest/routes.ts';
import { SHARED_WITH_ME_ID } from './taxii/collection.ts';
import { TAXII_MEDIA_TYPE } from './taxii/taxii.routes.ts';
import { createTestApiClient } from './testing/api-clients.ts';
import { issueResetToken } from './testing/password-reset.ts';
import { freshSessionId } from './testing/procedure-cases.ts';
import { DEMO, DEMO_PASSWORD, signedIn, startTestServer, type TestServer } from './testing/http.ts';
import { agencyIdOf, auditCount, userIdOf, validIncident, type Client } from './testing/incidents.ts';
import { day, validInitiative } from './testing/initiatives.ts';
import { routerProcedures } from './testing/procedures.ts';
import { FILE_ROUTES, OIDC_ROUTES, REPORT_PDF_PATH, serverRoutes } from './testing/routes.ts';
import { openSse } from './testing/sse.ts';
import { registerSoftPasskey } from './testing/passkeys.ts';
import { pdfText } from './testing/pdf.ts';
import { present, rawCall, type RawAnswer } from './testing/raw.ts';
import { inProcessCall } from './testing/in-process.ts';
import { SoftAuthenticator } from './testing/soft-authenticator.ts';
import { addAccount, validTask } from './testing/tasks.ts';
import { validPlaybook } from './testing/playbooks.ts';
import { ADVISORY_ROUTES } from './testing/routes.ts';
import { validAdvisory } from './testing/advisories.ts';
import { downloadFrom, insertStoredFile, uploaderOf, uniqueBytes, uploadTo, type Credentials } from './testing/files.ts';

// ---------------------------------------------------------------------------------------------
// Callers. SEDENA reports every fixture incident, is assigned the tasks and leads the initiative;
// SEMAR is the agency incidents are shared with by name (and takes part in the initiative); SSPC has
// nothing to do with any of it. Coordinator and admin belong to the ANC.
const CALLERS = ['anonymous', 'owner', 'sharee', 'outsider', 'coordinator', 'admin'] as const;
type Caller = (typeof CALLERS)[number];
type SignedIn = Exclude<Caller, 'anonymous'>;
const EMAIL: Record<SignedIn, string> = {
  owner: DEMO.sedena,
  sharee: DEMO.semar,
  outsider: 'enlace@sspc.gob.mx',
  coordinator: DEMO.coordinator,
  admin: DEMO.admin,
};
const ROLE = { owner: 'staff', sharee: 'staff', outsider: 'staff', coordinator: 'coordinator', admin: 'admin' } as const;
const STAFF: readonly Caller[] = ['owner', 'sharee', 'outsider'];
const SIGNED_IN: readonly Caller[] = ['owner', 'sharee', 'outsider', 'coordinator', 'admin'];

// ---------------------------------------------------------------------------------------------
// Objects.
const TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const satisfies readonly Tlp[];
const SHARES = ['unshared', 'byName', 'withAll'] as const;
type Share = (typeof SHARES)[number];
type IncidentKind = `incident:${Tlp}:${Share}` | 'incident:merged' | 'incident:mergeSurvivor';
type TaskKind = 'task:assigned' | 'task:reassigned' | 'task:linked';
// Advisories (modules/advisories): a draft and a published one, both addressed to SEDENA and SEMAR.
type AdvisoryKind = 'advisory:draft' | 'advisory:published';
const ADVISORY_KINDS: AdvisoryKind[] = ['advisory:draft', 'advisory:published'];
type Kind = IncidentKind | TaskKind | AdvisoryKind | 'initiative' | 'user' | 'agency' | 'apiClient' | 'passkey' | 'directory:own';

const INCIDENT_KINDS: IncidentKind[] = [
  ...TLPS.flatMap((tlp) => SHARES.map((share) => `incident:${tlp}:${share}` as const)),
  'incident:merged',
  'incident:mergeSurvivor',
];
const TASK_KINDS: TaskKind[] = ['task:assigned', 'task:reassigned', 'task:linked'];

/**
 * Who reads an incident reported by SEDENA (docs/DESIGN.md "Who may read an incident"; TLP 2.0): the ANC
 * and the reporting body always; a body it was shared with by name unless it is RED; every body
 * when shared with all and CLEAR or GREEN. The RED and AMBER shares TLP 2.0 forbids are the state
 * of an incident whose TLP was raised after it was shared: the share grants nothing.
 */
const ANC_AND_OWNER: readonly Caller[] = ['owner', 'coordinator', 'admin'];
const INCIDENT_READERS: Record<Tlp, Record<Share, readonly Caller[]>> = {
  CLEAR: { unshared: ANC_AND_OWNER, byName: [...ANC_AND_OWNER, 'sharee'], withAll: [...ANC_AND_OWNER, 'sharee', 'outsider'] },
  GREEN: { unshared: ANC_AND_OWNER, byName: [...ANC_AND_OWNER, 'sharee'], withAll: [...ANC_AND_OWNER, 'sharee', 'outsider'] },
  AMBER: { unshared: ANC_AND_OWNER, byName: [...ANC_AND_OWNER, 'sharee'], withAll: ANC_AND_OWNER },
  'AMBER+STRICT': { unshared: ANC_AND_OWNER, byName: [...ANC_AND_OWNER, 'sharee'], withAll: ANC_AND_OWNER },
  RED: { unshared: ANC_AND_OWNER, byName: ANC_AND_OWNER, withAll: ANC_AND_OWNER },
};

/**
 * `incident:merged`: an AMBER report shared with SEMAR, merged (as a duplicate) into a TLP:RED
 * report of SEDENA that SEMAR may not read. `incident:mergeSurvivor`: an AMBER report shared with
 * SEMAR that a TLP:RED report was merged into. Both read like an AMBER report shared by name.
 */
function incidentFacts(kind: IncidentKind): { tlp: Tlp; share: Share; merged: boolean } {
  if (kind === 'incident:merged') return { tlp: 'AMBER', share: 'byName', merged: true };
  if (kind === 'incident:mergeSurvivor') return { tlp: 'AMBER', share: 'byName', merged: false };
  const [, tlp, share] = kind.split(':') as [string, Tlp, Share];
  return { tlp, share, merged: false };
}

/**
 * Who reads each kind of object. Tasks (docs/DESIGN.md "Task"; docs/API.md `tasks.get`): the ANC and the assignee
 * agency — `task:reassigned` went from SEDENA to SEMAR, so SEDENA no longer reads it. Initiatives
 * `task:linked` is SEMAR's, linked to SEDENA's unshared TLP:RED report, which SEMAR may not read.
 * Initiatives and agencies: everyone signed in. Accounts: the admin (and coordinators, who pick assignees).
 * API clients: the admin alone (docs/API.md "Callers that are not a browser"). A passkey: its
 * owner (SEDENA's staff account here); the admin reads its id in the audit log, nothing more.
 */
function readers(kind: Kind): readonly Caller[] {
  if (kind.startsWith('incident:')) {
    const { tlp, share } = incidentFacts(kind as IncidentKind);
    return INCIDENT_READERS[tlp][share];
  }
  switch (kind) {
    case 'task:assigned':
      return ['owner', 'coordinator', 'admin'];
    case 'task:reassigned':
    case 'task:linked':
      return ['sharee', 'coordinator', 'admin'];
    case 'initiative':
    case 'agency':
      return SIGNED_IN;
    case 'user':
      return ['coordinator', 'admin'];
    case 'apiClient':
      return ['admin'];
    // A draft is the ANC's; a published advisory is read by the addressed agencies too (SSPC is not addressed).
    case 'advisory:draft':
      return ['coordinator', 'admin'];
    case 'advisory:published':
      return ['owner', 'sharee', 'coordinator', 'admin'];
    case 'passkey':
      // The admin sees a passkey's id in the audit log, never the passkey (its cells say NOT_FOUND).
      return ['owner', 'admin'];
    case 'directory:own':
      // SEDENA's entry of the institutional directory: its own staff and the ANC (README "Directorio institucional").
      return ['owner', 'coordinator', 'admin'];
  }
  throw new Error(`unknown kind ${kind}`);
}
const reads = (caller: Caller, kind: Kind) => readers(kind).includes(caller);

interface Obj {
  kind: Kind;
  id: string;
  /** `INC-2026-000123`, `TSK-2026-000045`, an initiative's code, an agency's code, an e-mail. */
  reference: string;
  /** Ids of parts of the object an input may name (an observable, a milestone, a KPI). */
  parts: Record<string, string>;
  /**
   * Set once a mutation succeeded on this fresh object: shared, withdrawn, merged, reassigned… its
   * kind may no longer say who reads it, so the body scan leaves it out from then on.
   */
  changed?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Expected answers.
interface Expected {
  code: 'OK' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNPROCESSABLE_CONTENT';
  reason?: string;
  /** Audit rows a successful mutation writes (unchecked when absent). Refusals always write none. */
  writes?: number;
}
const OK: Expected = { code: 'OK' };
const WRITES: Expected = { code: 'OK', writes: 1 };
const UNAUTHORIZED: Expected = { code: 'UNAUTHORIZED' };
const ROLE_REFUSED: Expected = { code: 'FORBIDDEN', reason: 'role_not_allowed' };
const NOT_FOUND: Expected = { code: 'NOT_FOUND', reason: 'not_found' };
const unprocessable = (reason: string): Expected => ({ code: 'UNPROCESSABLE_CONTENT', reason });

/** docs/API.md "who" column, as roles: signed-in callers of another role are FORBIDDEN, no session is UNAUTHORIZED. */
function byRole(caller: Caller, allowed: readonly ('staff' | 'coordinator' | 'admin')[], then: Expected): Expected {
  if (caller === 'anonymous') return UNAUTHORIZED;
  return allowed.includes(ROLE[caller]) ? then : ROLE_REFUSED;
}

/**
 * The incident mutations and reads about one incident (docs/API.md Procedures; docs/DESIGN.md "Incident"): a
 * role the row refuses is FORBIDDEN whatever the incident; an incident the caller may not read is
 * NOT_FOUND; the reporting body edits while `submitted` and adds updates while open; a body it was
 * shared with reads and comments; a merged incident is gone for edits, observables and reports.
 */
function incidentExpected(procedure: string, caller: Caller, kind: IncidentKind): Expected {
  const { tlp, share, merged } = incidentFacts(kind);
  const roles: Record<string, readonly ('staff' | 'coordinator' | 'admin')[]> = {
    get: ['staff', 'coordinator', 'admin'],
    related: ['staff', 'coordinator', 'admin'],
    update: ['staff', 'coordinator'],
    transition: ['coordinator'],
    comment: ['staff', 'coordinator'],
    addObservables: ['staff', 'coordinator'],
    removeObservable: ['staff', 'coordinator'],
    removeAttachment: ['staff', 'coordinator'],
    share: ['coordinator'],
    unshare: ['coordinator'],
    submitReport: ['staff'],
    applyPlaybook: ['coordinator'],
    setOwner: ['coordinator'],
  };
  const allowed = roles[procedure];
  if (!allowed) throw new Error(`no incident rule for ${procedure}`);
  const refused = byRole(caller, allowed, OK);
  if (refused.code !== 'OK') return refused;
  if (!reads(caller, kind)) return NOT_FOUND;
  const coordinator = caller === 'coordinator';
  const reporting = caller === 'owner';
  switch (procedure) {
    case 'get':
    case 'related':
      return OK;
    case 'update':
      if (coordinator) return merged ? unprocessable('incident_gone') : WRITES;
      return reporting ? (merged ? unprocessable('incident_edit_after_triage') : WRITES) : ROLE_REFUSED;
    case 'transition':
      // `submitted → triaged`; a merged incident has no step left.
      return merged ? unprocessable('incident_transition_not_allowed') : WRITES;
    case 'comment':
      return coordinator || !merged ? WRITES : unprocessable('incident_finished');
    case 'addObservables':
    case 'removeObservable':
      if (coordinator) return merged ? unprocessable('incident_gone') : WRITES;
      return reporting ? (merged ? unprocessable('incident_finished') : WRITES) : ROLE_REFUSED;
    case 'removeAttachment':
      // The file is SEDENA's: its agency or a coordinator removes it, whatever the incident's state.
      return coordinator || reporting ? WRITES : { code: 'FORBIDDEN', reason: 'file_remove_not_allowed' };
    case 'share':
      // Shared with SSPC by name: TLP:RED never leaves the reporting body.
      if (merged) return unprocessable('incident_gone');
      return tlp === 'RED' ? unprocessable('tlp_red_not_shareable') : WRITES;
    case 'unshare':
      // Withdraws the share the fixture has (SEMAR by name, or everyone); one never made is NOT_FOUND.
      return share === 'unshared' ? { code: 'NOT_FOUND', reason: 'share_not_found' } : WRITES;
    case 'submitReport':
      return reporting ? (merged ? unprocessable('incident_gone') : WRITES) : ROLE_REFUSED;
    case 'applyPlaybook':
      // The matrix playbook has two steps: two `task.create` rows and the `incident.applyPlaybook` row.
      return merged ? unprocessable('playbook_incident_closed') : { code: 'OK', writes: 3 };
    case 'setOwner':
      // The coordinator takes it (domain incidents/owner.ts); a merged incident is gone.
      return merged ? unprocessable('incident_gone') : WRITES;
  }
  throw new Error(`no incident rule for ${procedure}`);
}

/** Tasks (docs/API.md; docs/DESIGN.md "Task"): the ANC creates, edits and reassigns; the assignee agency works on it; admins read. */
function taskExpected(procedure: string, caller: Caller, kind: TaskKind): Expected {
  const roles: Record<string, readonly ('staff' | 'coordinator' | 'admin')[]> = {
    get: ['staff', 'coordinator', 'admin'],
    update: ['coordinator'],
    transition: ['staff', 'coordinator'],
    comment: ['staff', 'coordinator'],
    // The file is the assignee agency's (its staff uploaded it).
    removeAttachment: ['staff', 'coordinator'],
  };
  const allowed = roles[procedure];
  if (!allowed) throw new Error(`no task rule for ${procedure}`);
  const refused = byRole(caller, allowed, OK);
  if (refused.code !== 'OK') return refused;
  if (!reads(caller, kind)) return NOT_FOUND;
  return procedure === 'get' ? OK : WRITES;
}

/**
 * Initiatives (docs/API.md; docs/DESIGN.md "Initiative"): everyone signed in reads; admins manage; the lead
 * agency's staff (SEDENA) complete milestones and record KPI values, a participating or other
 * agency does not.
 */
function initiativeProgress(caller: Caller): Expected {
  if (caller === 'anonymous') return UNAUTHORIZED;
  if (caller === 'admin' || caller === 'owner') return WRITES;
  return caller === 'coordinator' ? ROLE_REFUSED : { code: 'FORBIDDEN', reason: 'initiative_lead_agency_only' };
}

// ---------------------------------------------------------------------------------------------
// Test state.
let s: TestServer;
const sessions = {} as Record<SignedIn, Client>;
const ids = { sedena: '', semar: '', sspc: '', anc: '', coordinator: '', mail: '', playbook: '' };
const fixtures = new Map<Kind, Obj>();
/** Spare objects per kind for the `scratch` mutations (Entry.target). */
const scratch = new Map<Kind, Obj>();
/** Every object made (fixtures, their hidden merge partners, fresh copies): what the body scan looks for. */
const made: Obj[] = [];
let serial = 0;
const next = () => ++serial;

const api = (who: SignedIn) => sessions[who].trpc;
const remember = (o: Obj): Obj => {
  made.push(o);
  return o;
};

/** Every fixture incident carries this IP: each is correlated with all the others (`related`, `alsoSeenIn`). */
const SHARED_OBSERVABLE = { type: 'ipv4', value: '203.0.113.10' } as const;

/**
 * A SEDENA report of this TLP and share. Shares TLP 2.0 allows go through the API; the others (RED
 * by name, AMBER or RED with all) are written directly, as after the TLP was raised.
 */
async function makeIncident(tlp: Tlp, share: Share, kind: IncidentKind = `incident:${tlp}:${share}`): Promise<Obj> {
  const n = next();
  const created = await api('owner').incidents.create.mutate(
    validIncident({ tlp, title: `Matriz ${kind} ${n}`, observables: [{ type: 'other', value: `matriz-${n}` }, SHARED_OBSERVABLE] }),
  );
  if (share === 'byName') {
    if (tlp === 'RED') {
      await s.t.db
        .insert(incidentShares)
        .values({ incidentId: created.id, agencyId: ids.semar, incidentCreatedAt: new Date(created.createdAt), sharedBy: ids.coordinator });
    } else {
      await api('coordinator').incidents.share.mutate({ id: created.id, agencyIds: [ids.semar] });
    }
  }
  if (share === 'withAll') {
    if (tlp === 'CLEAR' || tlp === 'GREEN') await api('coordinator').incidents.share.mutate({ id: created.id, allAgencies: true });
    else await s.t.db.update(incidents).set({ sharedWithAllAt: new Date() }).where(eq(incidents.id, created.id));
  }
  return remember({ kind, id: created.id, reference: created.reference, parts: {} });
}

async function incidentVersion(id: string) {
  const [row] = await s.t.db.select({ version: incidents.version }).from(incidents).where(eq(incidents.id, id));
  return row?.version ?? 1;
}

async function merge(duplicate: Obj, into: Obj) {
  await api('coordinator').incidents.transition.mutate({ id: duplicate.id, version: await incidentVersion(duplicate.id), to: 'merged', mergeIntoId: into.id });
}

/**
 * A task of SEDENA linked to the initiative fixture; `task:reassigned` then goes to SEMAR.
 * `task:linked`: a task of SEMAR linked to the TLP:RED incident fixture of SEDENA.
 */
async function makeTask(kind: TaskKind): Promise<Obj> {
  const n = next();
  const initiative = fixtures.get('initiative');
  const red = fixtures.get('incident:RED:unshared');
  if (!initiative || !red) throw new Error('tasks are made after the initiative and incident fixtures');
  const link = kind === 'task:linked' ? { incidentId: red.id } : { initiativeId: initiative.id };
  const created = await api('coordinator').tasks.create.mutate(
    validTask(kind === 'task:linked' ? ids.semar : ids.sedena, { title: `Matriz ${kind} ${n}`, ...link }),
  );
  if (kind === 'task:reassigned') await api('coordinator').tasks.update.mutate({ id: created.id, version: created.version, assigneeAgencyId: ids.semar });
  return remember({ kind, id: created.id, reference: created.reference, parts: {} });
}

/** An active initiative led by SEDENA with SEMAR taking part: one open and one done milestone, one KPI. */
async function makeInitiative(): Promise<Obj> {
  const i = api('admin').initiatives;
  let d = await i.create.mutate(validInitiative(ids.sedena, { participantAgencyIds: [ids.semar] }));
  d = await i.addMilestone.mutate({ initiativeId: d.id, title: 'Protocolo de respuesta firmado', dueDate: day(30) });
  d = await i.addMilestone.mutate({ initiativeId: d.id, title: 'Inventario de activos críticos', dueDate: day(60) });
  d = await i.addKpi.mutate({ initiativeId: d.id, name: 'Hospitales con respaldo fuera de línea', unit: 'hospitales', baseline: '12', target: '180' });
  d = await i.transition.mutate({ id: d.id, version: d.version, to: 'approved' });
  d = await i.transition.mutate({ id: d.id, version: d.version, to: 'active' });
  const [open, done] = d.milestones;
  const kpi = d.kpis[0];
  if (!open || !done || !kpi) throw new Error('initiative fixture incomplete');
  d = await i.completeMilestone.mutate({ milestoneId: done.id });
  return remember({ kind: 'initiative', id: d.id, reference: d.code, parts: { openMilestoneId: open.id, doneMilestoneId: done.id, kpiId: kpi.id } });
}

async function makeUser(): Promise<Obj> {
  const n = next();
  const email = `matriz.${n}.${Date.now().toString(36)}@sedena.gob.mx`;
  const user = await api('admin').admin.users.create.mutate({
    email,
    name: `Cuenta de la matriz ${n}`,
    role: 'staff',
    agencyId: ids.sedena,
    password: DEMO_PASSWORD,
  });
  return remember({ kind: 'user', id: user.id, reference: email, parts: {} });
}

async function makeAgency(): Promise<Obj> {
  const code = `MTX${next()}${Date.now().toString(36).slice(-3).toUpperCase()}`;
  const agency = await api('admin').admin.agencies.create.mutate({
    code,
    name: `Dependencia de la matriz ${code}`,
    nameEn: `Matrix agency ${code}`,
    kind: 'autonomous_body',
  });
  return remember({ kind: 'agency', id: agency.id, reference: code, parts: {} });
}

/** An API client of SEDENA; its reference is the visible prefix of its token. */
async function makeApiClient(): Promise<Obj> {
  const created = await api('admin').apiClients.create.mutate({
    agencyId: ids.sedena,
    name: `SIEM de la matriz ${next()}`,
    scopes: ['incidents:read', 'indicators:read'],
  });
  return remember({ kind: 'apiClient', id: created.client.id, reference: created.client.prefix, parts: {} });
}

/** A passkey of SEDENA's staff account (`owner`), registered with a software authenticator. */
async function makePasskey(): Promise<Obj> {
  const { passkey } = await registerSoftPasskey(sessions.owner, s.url, `Llave de la matriz ${next()}`);
  return remember({ kind: 'passkey', id: passkey.id, reference: passkey.id, parts: {} });
}

/** An advisory of the coordinator to SEDENA and SEMAR: a draft, or published. */
async function makeAdvisoryObject(kind: AdvisoryKind): Promise<Obj> {
  const a = api('coordinator').advisories;
  let d = await a.create.mutate(validAdvisory([ids.sedena, ids.semar], { title: `Alerta de la matriz ${next()}` }));
  if (kind === 'advisory:published') d = await a.publish.mutate({ id: d.id, version: d.version });
  return remember({ kind, id: d.id, reference: d.reference, parts: {} });
}

/** A new object of this kind, built the way its fixture was. */
async function makeObject(kind: Kind): Promise<Obj> {
  if (kind.startsWith('advisory:')) return makeAdvisoryObject(kind as AdvisoryKind);
  if (kind === 'incident:merged') {
    const duplicate = await makeIncident('AMBER', 'byName', 'incident:merged');
    await merge(duplicate, await makeIncident('RED', 'unshared'));
    return duplicate;
  }
  if (kind === 'incident:mergeSurvivor') {
    const survivor = await makeIncident('AMBER', 'byName', 'incident:mergeSurvivor');
    await merge(await makeIncident('RED', 'unshared'), survivor);
    return survivor;
  }
  if (kind.startsWith('incident:')) {
    const { tlp, share } = incidentFacts(kind as IncidentKind);
    return makeIncident(tlp, share);
  }
  if (kind.startsWith('task:')) return makeTask(kind as TaskKind);
  if (kind === 'initiative') return makeInitiative();
  if (kind === 'user') return makeUser();
  if (kind === 'apiClient') return makeApiClient();
  if (kind === 'passkey') return makePasskey();
  // SEDENA itself (not remembered for the body scan: every caller may name an agency, only its entry is scoped).
  if (kind === 'directory:own') return { kind, id: ids.sedena, reference: 'SEDENA', parts: {} };
  return makeAgency();
}

// ---------------------------------------------------------------------------------------------
// The matrix: one entry per procedure of the app router.
interface Cell {
  caller: Caller;
  /** The object the call is about (absent: the procedure takes no id). */
  o: Obj | null;
}
interface Entry {
  /** The kinds of object the procedure is asked about; absent: asked once per caller. */
  objects?: readonly Kind[];
  expected: (caller: Caller, kind: Kind | null) => Expected;
  /** A valid input for this caller and object. */
  input: (cell: Cell) => unknown;
  /**
   * The session the call is made with: by default the caller's own. `freshSession`: a new session
   * of the same account (signing in or out must not end the one the other cells use); `freshAccount`: a
   * new account of the same role and agency (changing the password must not touch the demo ones).
   */
  session?: 'freshSession' | 'freshAccount';
  /**
   * Where a successful mutation acts: by default on a fresh object per cell; `scratch`: on one
   * spare object per kind, shared by the cells of mutations that leave who reads it and its status
   * as they were (an edit of the severity, a comment, an observable added or removed, the one
   * report only the reporting body submits).
   */
  target?: 'scratch';
}

const signedInOnly = (then: Expected) => (caller: Caller) => (caller === 'anonymous' ? UNAUTHORIZED : then);
const adminOnly = (then: Expected) => (caller: Caller) => byRole(caller, ['admin'], then);
const id = (cell: Cell) => cell.o?.id ?? '';
const part = (cell: Cell, name: string) => cell.o?.parts[name] ?? '';

/** Version of the object, read from its table (an edit takes the version it read). */
async function versionOf(o: Obj | null): Promise<number> {
  if (!o) return 1;
  if (o.kind.startsWith('incident:')) return incidentVersion(o.id);
  if (o.kind.startsWith('advisory:')) {
    const [row] = await s.t.db.select({ version: advisories.version }).from(advisories).where(eq(advisories.id, o.id));
    return row?.version ?? 1;
  }
  const table = o.kind.startsWith('task:') ? tasks : initiatives;
  const [row] = await s.t.db.select({ version: table.version }).from(table).where(eq(table.id, o.id));
  return row?.version ?? 1;
}

/**
 * An observable of the incident to remove: one written straight into the table (as the reporter's)
 * for every call, so that cells sharing an incident each have one; it is one of the object's parts,
 * replaced by a random id in the call about a random incident.
 */
async function removableObservable(o: Obj | null): Promise<string> {
  if (!o) return randomUUID();
  const [incident] = await s.t.db.select({ reporterId: incidents.reporterId }).from(incidents).where(eq(incidents.id, o.id));
  const [added] = await s.t.db
    .insert(incidentObservables)
    .values({ incidentId: o.id, type: 'other', value: `por-quitar-${next()}`, addedBy: incident?.reporterId ?? ids.coordinator })
    .returning({ id: incidentObservables.id });
  if (!added) throw new Error('observable not written');
  o.parts.removable = added.id;
  return added.id;
}

/**
 * A stored file of the incident (uploaded by SEDENA's staff) or task (by the assignee agency's) to
 * remove, written straight into the tables for every call, like `removableObservable`.
 */
async function removableAttachment(o: Obj | null): Promise<string> {
  if (!o) return randomUUID();
  if (o.kind.startsWith('task:')) {
    const [task] = await s.t.db.select({ agencyId: tasks.assigneeAgencyId }).from(tasks).where(eq(tasks.id, o.id));
    const assignee = present(task, 'the task').agencyId === ids.sedena ? EMAIL.owner : EMAIL.sharee;
    o.parts.attachment = await insertStoredFile(s.t.db, { taskId: o.id }, await uploaderOf(s.t.db, assignee));
  } else {
    o.parts.attachment = await insertStoredFile(s.t.db, { incidentId: o.id }, await uploaderOf(s.t.db, EMAIL.owner));
  }
  return o.parts.attachment;
}

const incidentEntry = (procedure: string, input: Entry['input'], target?: 'scratch'): Entry => ({
  objects: INCIDENT_KINDS,
  expected: (caller, kind) => incidentExpected(procedure, caller, kind as IncidentKind),
  input,
  ...(target ? { target } : {}),
});
const taskEntry = (procedure: string, input: Entry['input']): Entry => ({
  objects: TASK_KINDS,
  expected: (caller, kind) => taskExpected(procedure, caller, kind as TaskKind),
  input,
});
const byAdmin = (kind: Kind, input: Entry['input']): Entry => ({ objects: [kind], expected: adminOnly(WRITES), input });
/** A read of one object: every signed-in role is allowed, an object the caller may not read is NOT_FOUND. */
const readOf = (objects: readonly Kind[], input: Entry['input']): Entry => ({
  objects,
  expected: (caller, kind) => (caller === 'anonymous' ? UNAUTHORIZED : kind && reads(caller, kind) ? OK : NOT_FOUND),
  input,
});
/** The directory's changes (docs/API.md "Institutional directory"): admins and the agency's own staff; coordinators only read. */
const directoryChange = (input: Entry['input']): Entry => ({
  objects: ['directory:own'],
  expected: (caller, kind) => {
    const refused = byRole(caller, ['staff', 'admin'], WRITES);
    return refused.code === 'OK' && kind && !reads(caller, kind) ? NOT_FOUND : refused;
  },
  input,
});

/**
 * Advisories (docs/API.md "Advisories"): coordinators draft, edit drafts, publish and close; staff of an
 * addressed agency read the published one and answer it; a draft or an advisory addressed elsewhere
 * is NOT_FOUND for staff; admins read.
 */
function advisoryExpected(procedure: string, caller: Caller, kind: AdvisoryKind): Expected {
  const roles: Record<string, readonly ('staff' | 'coordinator' | 'admin')[]> = {
    get: ['staff', 'coordinator', 'admin'],
    update: ['coordinator'],
    publish: ['coordinator'],
    close: ['coordinator'],
    respond: ['staff'],
  };
  const allowed = roles[procedure];
  if (!allowed) throw new Error(`no advisory rule for ${procedure}`);
  const refused = byRole(caller, allowed, OK);
  if (refused.code !== 'OK') return refused;
  if (!reads(caller, kind)) return NOT_FOUND;
  const draft = kind === 'advisory:draft';
  switch (procedure) {
    case 'get':
      return OK;
    case 'update':
      return draft ? WRITES : unprocessable('advisory_not_draft');
    case 'publish':
      return draft ? WRITES : unprocessable('advisory_transition_not_allowed');
    case 'close':
      return draft ? unprocessable('advisory_transition_not_allowed') : WRITES;
    case 'respond':
      return WRITES;
  }
  throw new Error(`no advisory rule for ${procedure}`);
}
const advisoryEntry = (procedure: string, input: Entry['input']): Entry => ({
  objects: ADVISORY_KINDS,
  expected: (caller, kind) => advisoryExpected(procedure, caller, kind as AdvisoryKind),
  input,
});

const MATRIX: Record<string, Entry> = {
  // auth (docs/API.md: signIn and me answer anyone; the rest need a session)
  // Signing in over a session replaces it: the call carries a session of its own.
  'auth.signIn': {
    expected: () => OK,
    input: ({ caller }) => ({ email: caller === 'anonymous' ? EMAIL.outsider : EMAIL[caller], password: DEMO_PASSWORD }),
    session: 'freshSession',
  },
  'auth.signOut': { expected: signedInOnly(OK), input: () => undefined, session: 'freshSession' },
  'auth.me': { expected: () => OK, input: () => undefined },
  'auth.config': { expected: () => OK, input: () => undefined },
  // The second step of a sign-in answers only a pending sign-in's cookie (none of these callers has one).
  'auth.verifyMfa': { expected: () => ({ code: 'UNAUTHORIZED', reason: 'mfa_sign_in_expired' }), input: () => ({ code: '123456' }) },
  'auth.setLocale': { expected: signedInOnly(OK), input: () => ({ locale: 'es-MX' }) },
  'auth.changePassword': {
    expected: signedInOnly(OK),
    input: () => ({ currentPassword: DEMO_PASSWORD, newPassword: 'Halcón-de-plata-904-nuevo' }),
    session: 'freshAccount',
  },
  // One's own sessions: revoke takes a new session of the caller's account, made for the cell.
  'auth.sessions.list': { expected: signedInOnly(OK), input: () => undefined },
  'auth.sessions.revoke': {
    expected: signedInOnly(WRITES),
    input: async ({ caller }) => ({ id: caller === 'anonymous' ? randomUUID() : await freshSessionId(s.url, EMAIL[caller]) }),
  },
  'auth.sessions.revokeOthers': { expected: signedInOnly(WRITES), input: () => undefined, session: 'freshAccount' },
  'auth.updatePreferences': { expected: signedInOnly(WRITES), input: () => ({ emailNotifications: true, digest: 'none' }) },
  // Anyone asks for a reset link (an address no account has: no mail, the same answer) and uses one:
  // here a fresh account's, whoever holds it (docs/API.md "People reached outside the portal").
  'auth.requestPasswordReset': { expected: () => WRITES, input: () => ({ email: `matriz.olvido.${next()}@sedena.gob.mx` }) },
  'auth.resetPassword': {
    expected: () => WRITES,
    input: async () => ({ token: await issueResetToken(s.t.db, (await makeUser()).id), password: `Halcón-${next()}-de-plata-nuevo` }),
  },
  // passkeys: each person registers, lists, renames and removes their own; another person's is NOT_FOUND
  'auth.mfa.passkeyRegistrationOptions': { expected: signedInOnly({ code: 'OK', writes: 0 }), input: () => undefined },
  'auth.mfa.registerPasskey': {
    expected: signedInOnly(WRITES),
    input: async ({ caller }) => {
      const authenticator = new SoftAuthenticator({ origin: s.url });
      // Anonymous: an answer to a challenge of SEDENA's account (refused before it is looked at).
      const options = await (caller === 'anonymous' ? sessions.owner : sessions[caller]).trpc.auth.mfa.passkeyRegistrationOptions.mutate();
      return { name: `Llave ${next()}`, response: authenticator.register(options) };
    },
  },
  'auth.mfa.passkeys': { expected: signedInOnly(OK), input: () => undefined },
  // The passkey step of a sign-in answers only a pending sign-in cookie, which no cell holds.
  'auth.mfa.passkeyAuthenticationOptions': { expected: () => ({ code: 'UNAUTHORIZED', reason: 'mfa_sign_in_expired' }), input: () => undefined },
  'auth.verifyMfaPasskey': {
    expected: () => ({ code: 'UNAUTHORIZED', reason: 'mfa_sign_in_expired' }),
    input: () => ({ response: new SoftAuthenticator({ origin: s.url }).authenticate({ challenge: 'c2lnbi1pbi1jaGFsbGVuZ2U', rpId: '127.0.0.1' }) }),
  },
  'auth.mfa.renamePasskey': {
    objects: ['passkey'],
    expected: (caller) => (caller === 'anonymous' ? UNAUTHORIZED : caller === 'owner' ? WRITES : NOT_FOUND),
    input: (cell) => ({ id: id(cell), name: `Llave renombrada ${next()}` }),
  },
  'auth.mfa.removePasskey': {
    objects: ['passkey'],
    expected: (caller) => (caller === 'anonymous' ? UNAUTHORIZED : caller === 'owner' ? WRITES : NOT_FOUND),
    input: (cell) => ({ id: id(cell) }),
  },
  // agencies: everyone signed in reads them (needed to assign and share); admins manage them
  // One's own second factors (docs/API.md "MFA")
  'auth.mfa.status': { expected: signedInOnly(OK), input: () => undefined },
  'auth.mfa.beginTotp': { expected: signedInOnly(WRITES), input: () => undefined },
  // A fresh account of the caller's role has begun no enrolment and has no authenticator: each
  // caller is let through to the rule that says so (the factors themselves: modules/mfa/*.test.ts).
  'auth.mfa.confirmTotp': { expected: signedInOnly(unprocessable('totp_not_started')), input: () => ({ code: '123456' }), session: 'freshAccount' },
  'auth.mfa.disable': {
    expected: signedInOnly(unprocessable('mfa_not_enabled')),
    input: () => ({ password: DEMO_PASSWORD, code: '123456' }),
    session: 'freshAccount',
  },
  'auth.mfa.regenerateRecoveryCodes': { expected: signedInOnly(unprocessable('mfa_not_enabled')), input: () => ({ code: '123456' }), session: 'freshAccount' },
  'agencies.list': { expected: signedInOnly(OK), input: () => ({ includeInactive: true }) },
  'admin.agencies.create': {
    expected: adminOnly(WRITES),
    input: () => {
      const code = `MTXN${next()}`;
      return { code, name: `Dependencia nueva ${code}`, nameEn: `New agency ${code}`, kind: 'autonomous_body' };
    },
  },
  'admin.agencies.update': byAdmin('agency', (cell) => ({ id: id(cell), name: `Dependencia renombrada ${next()}` })),
  'admin.agencies.setActive': byAdmin('agency', (cell) => ({ id: id(cell), active: false })),
  // accounts and the audit log: admins only
  'admin.users.list': { expected: adminOnly(OK), input: () => ({ limit: 100 }) },
  'admin.users.create': {
    expected: adminOnly(WRITES),
    input: () => ({
      email: `matriz.nueva.${next()}@sedena.gob.mx`,
      name: 'Persona de la matriz',
      role: 'staff',
      agencyId: ids.sedena,
      password: 'Halcón-de-plata-904',
    }),
  },
  'admin.users.update': byAdmin('user', (cell) => ({ id: id(cell), name: `Nombre cambiado ${next()}` })),
  'admin.users.setActive': byAdmin('user', (cell) => ({ id: id(cell), active: false })),
  'admin.users.resetPassword': byAdmin('user', (cell) => ({ id: id(cell), password: 'Otra-clave-segura-2026' })),
  'admin.users.resetMfa': byAdmin('user', (cell) => ({ userId: id(cell) })),
  'admin.audit.list': { expected: adminOnly(OK), input: () => ({ limit: 100 }) },
  'admin.audit.verify': { expected: adminOnly(OK), input: () => undefined },
  // API clients: admins only; a client acts for an agency other than the ANC
  'apiClients.create': {
    expected: adminOnly(WRITES),
    input: () => ({ agencyId: ids.semar, name: `SOAR nuevo de la matriz ${next()}`, scopes: ['incidents:write'] }),
  },
  'apiClients.list': { expected: adminOnly(OK), input: () => ({}) },
  'apiClients.revoke': byAdmin('apiClient', (cell) => ({ id: id(cell) })),
  // the e-mail outbox ("Correo saliente"): admins only
  'mailOutbox.list': { expected: adminOnly(OK), input: () => ({ limit: 100 }) },
  'mailOutbox.get': { expected: adminOnly(OK), input: () => ({ id: ids.mail }) },
  // incidents
  'incidents.create': {
    // Staff file for their own agency (no agencyId); the coordinator names it; admins do not file.
    expected: (caller) => byRole(caller, ['staff', 'coordinator'], WRITES),
    input: ({ caller }) => validIncident({ title: `Reporte nuevo de la matriz ${next()}`, ...(STAFF.includes(caller) ? {} : { agencyId: ids.sedena }) }),
  },
  'incidents.list': { expected: signedInOnly(OK), input: () => ({ limit: 100 }) },
  'incidents.get': incidentEntry('get', (cell) => ({ id: id(cell) })),
  'incidents.related': incidentEntry('related', (cell) => ({ id: id(cell) })),
  'incidents.update': incidentEntry('update', async (cell) => ({ id: id(cell), version: await versionOf(cell.o), severity: 3 }), 'scratch'),
  'incidents.transition': incidentEntry('transition', async (cell) => ({ id: id(cell), version: await versionOf(cell.o), to: 'triaged' })),
  'incidents.comment': incidentEntry('comment', (cell) => ({ id: id(cell), body: 'Se revisaron los registros del firewall perimetral.' }), 'scratch'),
  'incidents.addObservables': incidentEntry(
    'addObservables',
    (cell) => ({ id: id(cell), observables: [{ type: 'other', value: `agregado-${next()}` }] }),
    'scratch',
  ),
  'incidents.removeObservable': incidentEntry(
    'removeObservable',
    async (cell) => ({ id: id(cell), observableId: await removableObservable(cell.o) }),
    'scratch',
  ),
  'incidents.removeAttachment': incidentEntry(
    'removeAttachment',
    async (cell) => ({ id: id(cell), attachmentId: await removableAttachment(cell.o) }),
    'scratch',
  ),
  'incidents.share': incidentEntry('share', (cell) => ({ id: id(cell), agencyIds: [ids.sspc] })),
  'incidents.unshare': incidentEntry('unshare', (cell) =>
    cell.o && incidentFacts(cell.o.kind as IncidentKind).share === 'withAll' ? { id: id(cell), allAgencies: true } : { id: id(cell), agencyId: ids.semar },
  ),
  // Only the reporting body submits: each scratch incident gets its notification once.
  'incidents.submitReport': incidentEntry(
    'submitReport',
    (cell) => ({ id: id(cell), kind: 'notification', body: 'Notificación del incidente con el alcance conocido.' }),
    'scratch',
  ),
  // playbooks: everyone signed in reads them; admins write them; coordinators apply one to an incident they read
  'incidents.applyPlaybook': incidentEntry('applyPlaybook', (cell) => ({ id: id(cell), playbookId: ids.playbook })),
  'playbooks.list': { expected: signedInOnly(OK), input: () => ({}) },
  'playbooks.get': { expected: signedInOnly(OK), input: () => ({ id: ids.playbook }) },
  'playbooks.upsert': {
    expected: adminOnly(WRITES),
    input: async () => ({ ...validPlaybook('intrusions'), id: ids.playbook, version: (await api('admin').playbooks.get.query({ id: ids.playbook })).version }),
  },
  // The owner: coordinators take an incident and list whom they may give it to.
  'incidents.setOwner': incidentEntry('setOwner', async (cell) => ({ id: id(cell), version: await versionOf(cell.o), ownerId: ids.coordinator }), 'scratch'),
  'incidents.owners': { expected: (caller) => byRole(caller, ['coordinator'], OK), input: () => undefined },
  // bulk actions: the coordination's alone; an id that exists nowhere is one item's not_found, not an error
  'incidents.bulk': {
    expected: (caller) => byRole(caller, ['coordinator'], { code: 'OK', writes: 0 }),
    input: () => ({ action: 'triage', items: [{ id: randomUUID(), version: 1 }] }),
  },
  'incidents.bulkCount': { expected: (caller) => byRole(caller, ['coordinator'], OK), input: () => ({ filter: { status: ['submitted'] } }) },
  // saved filters: everyone their own
  'savedFilters.list': { expected: signedInOnly(OK), input: () => ({ list: 'tasks' }) },
  'savedFilters.save': {
    expected: signedInOnly(WRITES),
    input: () => ({ list: 'incidents', name: `Vista de la matriz ${next()}`, query: { severity: [4, 5], sort: 'deadline' } }),
  },
  'savedFilters.remove': {
    expected: signedInOnly(WRITES),
    input: async ({ caller }) =>
      caller === 'anonymous'
        ? { id: randomUUID() }
        : {
            id: (await upsertSavedFilter(s.t.db, { userId: await userIdOf(s.t.db, EMAIL[caller]), list: 'tasks', name: `Por quitar ${next()}`, query: {} })).id,
          },
  },
  // tasks
  'tasks.create': {
    expected: (caller) => byRole(caller, ['coordinator'], WRITES),
    input: () => validTask(ids.sedena, { title: `Tarea nueva de la matriz ${next()}` }),
  },
  'tasks.list': { expected: signedInOnly(OK), input: () => ({ limit: 100 }) },
  'tasks.get': taskEntry('get', (cell) => ({ id: id(cell) })),
  'tasks.update': taskEntry('update', async (cell) => ({ id: id(cell), version: await versionOf(cell.o), priority: 'urgent' })),
  'tasks.transition': taskEntry('transition', async (cell) => {
    const version = await versionOf(cell.o);
    // The step each party may take from `open`: the assignee starts the work, the ANC cancels it.
    return cell.caller === 'coordinator'
      ? { id: id(cell), version, to: 'cancelled', comment: 'La tarea ya no es necesaria.' }
      : { id: id(cell), version, to: 'in_progress' };
  }),
  'tasks.comment': taskEntry('comment', (cell) => ({ id: id(cell), body: 'Se aplicó el parche en el primer servidor.' })),
  'tasks.removeAttachment': taskEntry('removeAttachment', async (cell) => ({ id: id(cell), attachmentId: await removableAttachment(cell.o) })),
  'tasks.summary': { expected: (caller) => byRole(caller, ['coordinator', 'admin'], OK), input: () => undefined },
  'tasks.assignableUsers': { objects: ['agency'], expected: (caller) => byRole(caller, ['coordinator'], OK), input: (cell) => ({ agencyId: id(cell) }) },
  // notifications: one's own only
  'notifications.list': { expected: signedInOnly(OK), input: () => ({ limit: 100 }) },
  'notifications.unreadCount': { expected: signedInOnly(OK), input: () => undefined },
  'notifications.markRead': { expected: signedInOnly(OK), input: () => ({}) },
  // dashboard and initiatives
  'dashboard.summary': { expected: signedInOnly(OK), input: () => undefined },
  'initiatives.list': { expected: signedInOnly(OK), input: () => ({ limit: 100 }) },
  'initiatives.get': { objects: ['initiative'], expected: signedInOnly(OK), input: (cell) => ({ id: id(cell) }) },
  'initiatives.planSummary': { expected: signedInOnly(OK), input: () => ({}) },
  'initiatives.create': { expected: adminOnly(WRITES), input: () => validInitiative(ids.sedena) },
  'initiatives.update': byAdmin('initiative', async (cell) => ({
    id: id(cell),
    version: await versionOf(cell.o),
    title: 'Centro de respuesta del sector salud (ampliado)',
  })),
  'initiatives.transition': byAdmin('initiative', async (cell) => ({ id: id(cell), version: await versionOf(cell.o), to: 'on_hold' })),
  'initiatives.addMilestone': byAdmin('initiative', (cell) => ({ initiativeId: id(cell), title: 'Ejercicio de recuperación', dueDate: day(90) })),
  'initiatives.addKpi': byAdmin('initiative', (cell) => ({
    initiativeId: id(cell),
    name: 'Tiempo medio de recuperación',
    unit: 'horas',
    baseline: '72',
    target: '24',
  })),
  'initiatives.completeMilestone': { objects: ['initiative'], expected: initiativeProgress, input: (cell) => ({ milestoneId: part(cell, 'openMilestoneId') }) },
  'initiatives.reopenMilestone': { objects: ['initiative'], expected: initiativeProgress, input: (cell) => ({ milestoneId: part(cell, 'doneMilestoneId') }) },
  'initiatives.recordKpiValue': { objects: ['initiative'], expected: initiativeProgress, input: (cell) => ({ kpiId: part(cell, 'kpiId'), value: '20.5' }) },
  // institutional directory: staff their own agency's entry, coordinators read all, admins edit all
  'directory.get': readOf(['directory:own'], (cell) => ({ agencyId: id(cell) })),
  'directory.list': { expected: (caller) => byRole(caller, ['coordinator', 'admin'], OK), input: () => ({}) },
  'directory.designate': directoryChange((cell) => ({
    agencyId: id(cell),
    role: 'ric',
    name: `Responsable de la matriz ${next()}`,
    position: 'Director de Seguridad de la Información',
    email: 'ric@sedena.gob.mx',
    phone: '55 5626 5000',
    designatedAt: '2026-01-15',
  })),
  'directory.setEmergencyContact': directoryChange((cell) => ({
    agencyId: id(cell),
    name: `Mesa de guardia ${next()}`,
    phone: '55 2122 8800',
    email: 'guardia@sedena.gob.mx',
  })),
  'directory.incidentContacts': readOf(INCIDENT_KINDS, (cell) => ({ id: id(cell) })),
  'directory.taskContacts': readOf(TASK_KINDS, (cell) => ({ id: id(cell) })),

  'advisories.list': { expected: signedInOnly(OK), input: () => ({ limit: 100 }) },
  'advisories.create': { expected: (caller) => byRole(caller, ['coordinator'], WRITES), input: () => validAdvisory([ids.sedena]) },
  'advisories.createFromIncident': {
    expected: (caller) => byRole(caller, ['coordinator'], WRITES),
    input: () => ({ incidentId: fixtures.get('incident:AMBER:byName')?.id ?? '' }),
  },
  'advisories.get': advisoryEntry('get', (cell) => ({ id: id(cell) })),
  'advisories.update': advisoryEntry('update', async (cell) => ({
    id: id(cell),
    version: await versionOf(cell.o),
    summary: 'Resumen corregido por la coordinación.',
  })),
  'advisories.publish': advisoryEntry('publish', async (cell) => ({ id: id(cell), version: await versionOf(cell.o) })),
  'advisories.close': advisoryEntry('close', async (cell) => ({ id: id(cell), version: await versionOf(cell.o) })),
  'advisories.respond': advisoryEntry('respond', (cell) => ({ id: id(cell), status: 'acknowledged', comment: 'Enterados; revisando inventario.' })),
};

// ---------------------------------------------------------------------------------------------
// The cells, from the router's own list of procedures.
const PROCEDURES = routerProcedures();
const PATHS = PROCEDURES.map((p) => p.path);
const typeOf = (path: string) => {
  const type = PROCEDURES.find((p) => p.path === path)?.type;
  if (type !== 'query' && type !== 'mutation') throw new Error(`${path}: ${String(type)} is not called over HTTP`);
  return type;
};

interface PlannedCell {
  path: string;
  type: 'query' | 'mutation';
  caller: Caller;
  kind: Kind | null;
  want: Expected;
  label: string;
}
const planned: PlannedCell[] = PATHS.flatMap((path) => {
  const entry = MATRIX[path];
  if (!entry) return [];
  const type = typeOf(path);
  return CALLERS.flatMap((caller) =>
    (entry.objects ?? [null]).map((kind) => {
      const want = entry.expected(caller, kind);
      const label = `${path} as ${caller}${kind ? ` on ${kind}` : ''} → ${want.code}${want.reason ? ` (${want.reason})` : ''}`;
      return { path, type, caller, kind, want, label };
    }),
  );
});
// Reads first, on the fixtures as built; then the mutations. The ones that give the demo accounts a
// passkey come last: after them the password alone no longer signs those accounts in, which the
// sign-in and sign-out cells (fresh sessions of the same accounts) need.
const GIVE_A_FACTOR = new Set(['auth.mfa.registerPasskey', 'auth.mfa.renamePasskey', 'auth.mfa.removePasskey']);
const mutations = planned.filter((c) => c.type === 'mutation');
/**
 * The cells run in process (testing/in-process.ts); these also run over HTTP, and the two answers
 * must be the same status and the same body byte for byte: per procedure its first refused cell
 * (a refusal changes nothing, so it can be asked twice) and its first successful read.
 */
const OVER_HTTP = new Set(
  PATHS.flatMap((path) => {
    const cells = planned.filter((c) => c.path === path);
    return [cells.find((c) => c.want.code !== 'OK'), cells.find((c) => c.type === 'query' && c.want.code === 'OK')].flatMap((c) => (c ? [c.label] : []));
  }),
);
const ordered = [
  ...planned.filter((c) => c.type === 'query'),
  ...mutations.filter((c) => !GIVE_A_FACTOR.has(c.path)),
  ...mutations.filter((c) => GIVE_A_FACTOR.has(c.path)),
];

beforeAll(async () => {
  // About 4,000 calls from one address: above the default 1,200 a minute (server.ts's rate limit).
  s = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
  for (const who of SIGNED_IN as SignedIn[]) sessions[who] = await signedIn(s.url, EMAIL[who]);
  ids.sedena = await agencyIdOf(s.t.db, 'SEDENA');
  ids.semar = await agencyIdOf(s.t.db, 'SEMAR');
  ids.sspc = await agencyIdOf(s.t.db, 'SSPC');
  ids.anc = await agencyIdOf(s.t.db, 'ANC');
  ids.coordinator = await userIdOf(s.t.db, DEMO.coordinator);
  ids.playbook = (await api('admin').playbooks.upsert.mutate(validPlaybook('intrusions'))).id;
  fixtures.set('initiative', await makeInitiative());
  for (const kind of [...INCIDENT_KINDS, ...TASK_KINDS, ...ADVISORY_KINDS, 'user', 'agency', 'apiClient', 'directory:own'] as const)
    fixtures.set(kind, await makeObject(kind));
  // The task fixtures' notifications queued e-mail: one of those messages is what `mailOutbox.get` reads.
  ids.mail = present((await s.t.db.select({ id: mailOutbox.id }).from(mailOutbox).limit(1))[0], 'a queued message').id;
}, 120_000);
afterAll(() => s.close());

/** The cookie of the session a cell calls with. */
async function sessionFor(caller: Caller, mode: Entry['session']): Promise<string | null> {
  if (caller === 'anonymous') return null;
  if (mode === 'freshSession') return (await signedIn(s.url, EMAIL[caller])).jar.header();
  if (mode === 'freshAccount') {
    const agencyId = { owner: ids.sedena, sharee: ids.semar, outsider: ids.sspc, coordinator: ids.anc, admin: ids.anc }[caller];
    const account = await addAccount(s.url, sessions.admin, { agencyId, role: ROLE[caller] });
    const header = account.client?.jar.header();
    if (!header) throw new Error('fresh account not signed in');
    return header;
  }
  return sessions[caller].jar.header();
}

/** A body without the moment it was made (the Panel's `generatedAt`): two calls a few ms apart differ there only. */
const atAnyTime = (body: string) => body.replace(/"generatedAt":"[^"]*"/g, '"generatedAt":"…"');

/** The same input with the object's own ids (its id and its parts') replaced by random ones. */
function withRandomIds(input: unknown, o: Obj): unknown {
  const own = new Map([o.id, ...Object.values(o.parts)].map((v) => [v, randomUUID()]));
  return JSON.parse(JSON.stringify(input), (_key, value: unknown) => (typeof value === 'string' && own.has(value) ? own.get(value) : value));
}

/** Fixture objects the caller may not read that this body names, by id or reference. */
function leaksIn(body: string, caller: Caller): string[] {
  return made
    .filter((o) => !o.changed && !reads(caller, o.kind))
    .flatMap((o) => [o.id, o.reference].filter((token) => body.includes(token)).map((token) => `${o.kind} ${token}`));
}

describe('every procedure is in the access matrix', () => {
  it('each procedure of the app router has an entry, and each entry names a procedure', () => {
    expect(PATHS.length).toBeGreaterThan(50);
    expect({ withoutEntry: PATHS.filter((p) => !MATRIX[p]), withoutProcedure: Object.keys(MATRIX).filter((p) => !PATHS.includes(p)) }).toEqual({
      withoutEntry: [],
      withoutProcedure: [],
    });
  });

  // Runs before the cells: the list then holds the fixtures only.
  it('the body scan finds the ids and references as the wire spells them', async () => {
    // The coordinator reads every incident: its list names each incident fixture by id and reference.
    const answer = await rawCall(s.url, 'incidents.list', 'query', { limit: 100 }, { cookie: sessions.coordinator.jar.header() });
    const incidentFixtures = made.filter((o) => o.kind.startsWith('incident:'));
    expect(incidentFixtures.length).toBeGreaterThanOrEqual(INCIDENT_KINDS.length);
    for (const o of incidentFixtures) expect(answer.body).toContain(o.id);
    for (const o of incidentFixtures) expect(answer.body).toMatch(new RegExp(`"${o.reference}"`));
    expect(incidentFixtures.every((o) => /^INC-\d{4}-\d{6}$/.test(o.reference))).toBe(true);
    // …and an outsider's list is scanned for exactly the ones it may not read.
    expect(leaksIn(answer.body, 'outsider').length).toBeGreaterThan(0);
    // Correlation is one more way to name an incident: the coordinator's `related` names every other fixture.
    const first = fixtures.get('incident:CLEAR:unshared');
    const related = await rawCall(s.url, 'incidents.related', 'query', { id: first?.id }, { cookie: sessions.coordinator.jar.header() });
    for (const o of incidentFixtures.filter((f) => f !== first)) expect(related.body).toContain(o.reference);
  });

  it('a sample of the cells runs over HTTP as well: a refusal and a read of every procedure that has one', () => {
    // Without a refused cell or a read: only sign-in and the password reset's two steps, which any
    // caller may call (their own tests run over HTTP: modules/auth).
    const sampled = (path: string) => [...OVER_HTTP].some((label) => label.startsWith(`${path} as `));
    expect(PATHS.filter((path) => !sampled(path))).toEqual(['auth.requestPasswordReset', 'auth.resetPassword', 'auth.signIn']);
    expect(OVER_HTTP.size).toBeGreaterThan(PATHS.length);
  });

  it.each(ordered.map((cell) => [cell.label, cell] as const))('%s', async (label, { path, type, caller, kind, want }) => {
    const entry = MATRIX[path];
    if (!entry) throw new Error(`no entry for ${path}`);
    // A passkey fixture is made at its first cell (see GIVE_A_FACTOR), not with the others.
    if (kind === 'passkey' && !fixtures.has(kind)) fixtures.set(kind, await makeObject(kind));
    const fixture = kind ? fixtures.get(kind) : null;
    if (kind && !fixture) throw new Error(`no fixture ${kind}`);
    // A mutation that succeeds changes its object: it acts on a fresh one, the fixture stays as built.
    let o = fixture ?? null;
    if (fixture && type === 'mutation' && want.code === 'OK') {
      if (entry.target === 'scratch') {
        if (!scratch.has(fixture.kind)) scratch.set(fixture.kind, await makeObject(fixture.kind));
        o = scratch.get(fixture.kind) ?? null;
      } else {
        o = await makeObject(fixture.kind);
      }
    }
    const cookie = await sessionFor(caller, entry.session);
    const input = await entry.input({ caller, o });

    const auditBefore = await auditCount(s.t.db);
    const answer: RawAnswer = await inProcessCall(s, path, type, input, { cookie });
    const written = (await auditCount(s.t.db)) - auditBefore;
    // The sampled cells once more over HTTP: the same status and body, and as many audit rows again.
    const wire = OVER_HTTP.has(label) ? await rawCall(s.url, path, type, input, { cookie }) : null;
    const wireWritten = wire ? (await auditCount(s.t.db)) - auditBefore - written : null;
    expect(wire ? { status: wire.status, body: atAnyTime(wire.body), written: wireWritten } : null, `${label}: over HTTP`).toEqual(
      wire ? { status: answer.status, body: atAnyTime(answer.body), written } : null,
    );
    if (o && o !== fixture && entry.target !== 'scratch' && answer.code === 'OK') o.changed = true;

    const observed: Expected = { code: answer.code as Expected['code'] };
    if (want.reason !== undefined) observed.reason = answer.reason ?? '(none)';
    if (want.writes !== undefined || answer.code !== 'OK') observed.writes = written;
    expect(observed, answer.body.slice(0, 500)).toEqual({ ...want, ...(want.code !== 'OK' ? { writes: 0 } : {}) });

    // What the caller may not read answers exactly what an id that exists nowhere answers, and writes nothing either.
    const unreadable = o !== null && !reads(caller, o.kind);
    const random = unreadable && o ? await inProcessCall(s, path, type, withRandomIds(input, o), { cookie }) : null;
    const writtenInAll = (await auditCount(s.t.db)) - auditBefore;
    expect(unreadable ? { status: answer.status, body: answer.body, writtenInAll } : null, `${path} as ${caller} on ${o?.kind} vs a random id`).toEqual(
      random ? { status: random.status, body: random.body, writtenInAll: written } : null,
    );

    const leaks = answer.status >= 200 && answer.status < 300 ? leaksIn(answer.body, caller) : [];
    expect(leaks, `${path} as ${caller}${kind ? ` on ${kind}` : ''} names objects it may not read: ${leaks.join(', ')}`).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// REST v1 (apps/api/src/rest/routes.ts) and the exports (modules/incidents/export/export.routes.ts):
// plain-HTTP routes outside the router, called with an API client's bearer token. The REST routes
// are enumerated from `REST_ROUTES`, and the server's own route tree must have no /api/v1 or
// /export route without cells. Each caller is a client of the reporting agency (SEDENA), of the
// agency the incidents are shared with by name (SEMAR) or of an outsider (SSPC), a SEDENA client
// lacking one scope, a revoked, expired or unknown token, none, or SEDENA's staff session cookie
// instead of a token. The answers are the explicit table below (docs/API.md "Callers that are
// not a browser": a client acts with the rights of its agency's staff narrowed by its scopes;
// REST takes tokens only, the exports a token or a session). Every cell also checks that:
// - an incident the caller may not read, and a malformed id, answer byte for byte what a random id answers;
// - a 2xx body names no fixture object the caller may not read;
// - a refused call writes nothing (no incident, observable, report or evidence file) and is audited by exactly
//   one `apiClient.call` row when a valid client made it, none otherwise; a successful read is one
//   `apiClient.call` row; a successful write its use-case's row only.
const TOKEN_CALLERS = [
  'ownerClient',
  'shareeClient',
  'outsiderClient',
  'missing incidents:read',
  'missing incidents:write',
  'missing indicators:read',
  'revoked',
  'expired',
  'unknown',
  'malformed',
  'another scheme',
  'unknown with a cookie',
  'none',
  'cookie',
] as const;
type TokenCaller = (typeof TOKEN_CALLERS)[number];
/** Whose reading rights a 2xx answer is scanned against: the staff of the agency the caller acts for. */
const READS_AS: Record<TokenCaller, Caller> = {
  ownerClient: 'owner',
  shareeClient: 'sharee',
  outsiderClient: 'outsider',
  'missing incidents:read': 'owner',
  'missing incidents:write': 'owner',
  'missing indicators:read': 'owner',
  revoked: 'anonymous',
  expired: 'anonymous',
  unknown: 'anonymous',
  malformed: 'anonymous',
  'another scheme': 'anonymous',
  'unknown with a cookie': 'anonymous',
  none: 'anonymous',
  cookie: 'owner',
};
/** The incident an `{id}` route is asked about: a fixture kind, an id that exists nowhere, or no id at all. */
type PlainKind = IncidentKind | 'random' | 'garbage';
const PLAIN_KINDS: readonly PlainKind[] = [...INCIDENT_KINDS, 'random', 'garbage'];
const GARBAGE_ID = 'no-es-un-id';

interface PlainWant {
  status: 200 | 201 | 401 | 403 | 404 | 422;
  reason?: string;
  /** The audit actions the call writes, in any order. */
  audit: string[];
}
const CALL_ROW = ['apiClient.call'];
const refused = (status: PlainWant['status'], reason: string, audit = CALL_ROW): PlainWant => ({ status, reason, audit });

type PlainOp = (typeof REST_ROUTES)[number]['operationId'] | 'exportCsv' | 'exportStix' | 'exportReportPdf';
interface PlainEntry {
  method: 'GET' | 'POST';
  /** Path template, `{id}` for the incident. */
  path: string;
  /** The scope the route needs (docs/API.md), written here, not read from the domain. */
  scope: ApiScope;
  /** REST takes a token only; the exports a token or a session. */
  family: 'rest' | 'export';
  /** The answer for a valid client of an agency whose staff is `staff`, with the scope. */
  expected: (staff: Caller, kind: PlainKind | null) => PlainWant;
  body?: () => unknown;
  /** A multipart body of one `file` part instead of JSON (the REST upload). */
  file?: () => { bytes: Buffer; name: string };
  query?: string;
}
const readsKind = (caller: Caller, kind: PlainKind | null) => kind !== null && kind !== 'random' && kind !== 'garbage' && reads(caller, kind);
const mergedKind = (kind: PlainKind | null) => kind === 'incident:merged';
const readOr404 = (status: 200 | 201) => (staff: Caller, kind: PlainKind | null) =>
  readsKind(staff, kind) ? { status, audit: CALL_ROW } : refused(404, 'not_found');

/** One entry per REST v1 operation (checked against `REST_ROUTES`) and per export route. */
const PLAIN: Record<PlainOp, PlainEntry> = {
  // Staff of any agency file for their own agency.
  createIncident: {
    method: 'POST',
    path: '/api/v1/incidents',
    scope: 'incidents:write',
    family: 'rest',
    expected: () => ({ status: 201, audit: ['incident.create'] }),
    body: () => validIncident({ title: `Reporte REST de la matriz ${next()}` }),
  },
  listIncidents: {
    method: 'GET',
    path: '/api/v1/incidents',
    scope: 'incidents:read',
    family: 'rest',
    expected: () => ({ status: 200, audit: CALL_ROW }),
    query: '?limit=100',
  },
  getIncident: { method: 'GET', path: '/api/v1/incidents/{id}', scope: 'incidents:read', family: 'rest', expected: readOr404(200) },
  // Only the reporting agency adds observables, while the incident is open; a body it was shared with reads only.
  addObservables: {
    method: 'POST',
    path: '/api/v1/incidents/{id}/observables',
    scope: 'incidents:write',
    family: 'rest',
    expected: (staff, kind) => {
      if (!readsKind(staff, kind)) return refused(404, 'not_found');
      if (staff !== 'owner') return refused(403, 'role_not_allowed');
      return mergedKind(kind) ? refused(422, 'incident_finished') : { status: 200, audit: ['incident.addObservables'] };
    },
    body: () => ({ observables: [{ type: 'other', value: `rest-agregado-${next()}` }] }),
  },
  submitReport: {
    method: 'POST',
    path: '/api/v1/incidents/{id}/reports',
    scope: 'incidents:write',
    family: 'rest',
    expected: (staff, kind) => {
      if (!readsKind(staff, kind)) return refused(404, 'not_found');
      if (staff !== 'owner') return refused(403, 'role_not_allowed');
      return mergedKind(kind) ? refused(422, 'incident_gone') : { status: 201, audit: ['incident.submitReport'] };
    },
    body: () => ({ kind: 'notification', body: 'Notificación enviada por el SOAR de la matriz.' }),
  },
  // Who may add observables may attach a file (modules/files/file-parent.ts assertMayUpload): the reporting agency, while open.
  uploadIncidentFile: {
    method: 'POST',
    path: '/api/v1/incidents/{id}/files',
    scope: 'incidents:write',
    family: 'rest',
    expected: (staff, kind) => {
      if (!readsKind(staff, kind)) return refused(404, 'not_found');
      if (staff !== 'owner') return refused(403, 'role_not_allowed');
      return mergedKind(kind) ? refused(422, 'incident_finished') : { status: 201, audit: ['incident.uploadFile'] };
    },
    file: () => ({ bytes: uniqueBytes(48), name: `matriz-rest-${next()}.bin` }),
  },
  exportCsv: { method: 'GET', path: '/export/incidents.csv', scope: 'incidents:read', family: 'export', expected: () => ({ status: 200, audit: CALL_ROW }) },
  exportStix: { method: 'GET', path: '/export/incidents/{id}/stix.json', scope: 'incidents:read', family: 'export', expected: readOr404(200) },
  // The official PDF (testing/routes.ts REPORT_PDF_PATH): what the caller reads, and each download audited.
  exportReportPdf: {
    method: 'GET',
    path: REPORT_PDF_PATH,
    scope: 'incidents:read',
    family: 'export',
    expected: (staff, kind) => (readsKind(staff, kind) ? { status: 200, audit: [...CALL_ROW, 'incident.downloadReport'] } : refused(404, 'not_found')),
  },
};
const PLAIN_OPS = Object.keys(PLAIN) as PlainOp[];
/** The route as Fastify's tree spells it. */
const fastify = (e: PlainEntry) => `${e.method} ${e.path.replace('{id}', ':id')}`;

/** The table: what each caller gets from each route about each kind of incident. */
function plainExpected(entry: PlainEntry, caller: TokenCaller, kind: PlainKind | null): PlainWant {
  switch (caller) {
    case 'none':
      return refused(401, entry.family === 'rest' ? 'token_required' : 'not_signed_in', []);
    case 'revoked':
    case 'expired':
    case 'unknown':
    case 'malformed':
    case 'another scheme':
    // A bad token is refused even with a valid session cookie beside it.
    case 'unknown with a cookie':
      return refused(401, 'invalid_token', []);
    case 'cookie':
      // A session is no credential for REST; the exports serve SEDENA's staff as they are (no client, no client audit row).
      if (entry.family === 'rest') return refused(401, 'token_required', []);
      return { ...entry.expected('owner', kind), audit: entry.expected('owner', kind).audit.filter((a) => a !== 'apiClient.call') };
    case 'missing incidents:read':
    case 'missing incidents:write':
    case 'missing indicators:read':
      if (caller.slice('missing '.length) === entry.scope) return refused(403, 'scope_missing');
      return entry.expected('owner', kind);
    default:
      return entry.expected(READS_AS[caller], kind);
  }
}

interface PlainCell {
  op: PlainOp;
  caller: TokenCaller;
  kind: PlainKind | null;
  want: PlainWant;
  label: string;
}
const plainCells: PlainCell[] = PLAIN_OPS.flatMap((op) => {
  const entry = PLAIN[op];
  const kinds: readonly (PlainKind | null)[] = entry.path.includes('{id}') ? PLAIN_KINDS : [null];
  return TOKEN_CALLERS.flatMap((caller) =>
    kinds.map((kind) => {
      const want = plainExpected(entry, caller, kind);
      return {
        op,
        caller,
        kind,
        want,
        label: `${entry.method} ${entry.path} as ${caller}${kind ? ` on ${kind}` : ''} → ${want.status}${want.reason ? ` (${want.reason})` : ''}`,
      };
    }),
  );
});

const credentials = {} as Record<TokenCaller, Record<string, string>>;
async function makeCredentials() {
  const all = [...API_SCOPES];
  const token = async (agencyCode: string, scopes: readonly ApiScope[] = all, extra: { expiresAt?: Date; revoked?: boolean } = {}) => ({
    authorization: `Bearer ${(await createTestApiClient(s.t.db, { agencyCode, scopes, ...extra })).token}`,
  });
  credentials.ownerClient = await token('SEDENA');
  credentials.shareeClient = await token('SEMAR');
  credentials.outsiderClient = await token('SSPC');
  for (const scope of API_SCOPES)
    credentials[`missing ${scope}`] = await token(
      'SEDENA',
      all.filter((x) => x !== scope),
    );
  credentials.revoked = await token('SEDENA', all, { revoked: true });
  credentials.expired = await token('SEDENA', all, { expiresAt: new Date(Date.now() - 1000) });
  credentials.unknown = { authorization: `Bearer ${generateApiToken().token}` };
  credentials.malformed = { authorization: 'Bearer anc_corto' };
  credentials['another scheme'] = { authorization: 'Basic YTpi' };
  credentials['unknown with a cookie'] = { ...credentials.unknown, cookie: sessions.owner.jar.header() };
  credentials.none = {};
  credentials.cookie = { cookie: sessions.owner.jar.header() };
}

async function plainCall(
  entry: PlainEntry,
  caller: TokenCaller,
  incidentId: string | null,
): Promise<{ status: number; body: string; reason: string | null; challenge: string | null }> {
  const url = `${s.url}${entry.path.replace('{id}', encodeURIComponent(incidentId ?? ''))}${entry.query ?? ''}`;
  const headers: Record<string, string> = { 'x-anc-locale': 'es-MX', ...credentials[caller] };
  const body = entry.body?.();
  if (body !== undefined) headers['content-type'] = 'application/json';
  const file = entry.file?.();
  const form = new FormData();
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)], { type: 'application/octet-stream' }), file.name);
  const sent = file ? { body: form } : body !== undefined ? { body: JSON.stringify(body) } : {};
  const res = await fetch(url, { method: entry.method, headers, ...sent });
  const text = await res.text();
  let reason: string | null = null;
  try {
    reason = (JSON.parse(text) as { error?: { reason?: string | null } }).error?.reason ?? null;
  } catch {
    // A CSV file.
  }
  return { status: res.status, body: text, reason, challenge: res.headers.get('www-authenticate') };
}

const lastAuditId = async () => (await s.t.db.select({ id: max(auditEvents.id) }).from(auditEvents))[0]?.id ?? 0;
/** The audit actions written after `afterId`, once `expected` of them arrived (the apiClient.call row is written when the response completes). */
async function auditActionsAfter(afterId: number, expected: number): Promise<string[]> {
  const actions = async () => (await s.t.db.select({ action: auditEvents.action }).from(auditEvents).where(gt(auditEvents.id, afterId))).map((r) => r.action);
  for (let i = 0; i < 100; i++) {
    const now = await actions();
    if (now.length >= expected) return now.sort();
    await new Promise((r) => setTimeout(r, 10));
  }
  return (await actions()).sort();
}
/** Rows a refused write must not have added. */
async function incidentRowCounts() {
  const [i] = await s.t.db.select({ n: count() }).from(incidents);
  const [o] = await s.t.db.select({ n: count() }).from(incidentObservables);
  const [r] = await s.t.db.select({ n: count() }).from(incidentReports);
  return { incidents: i?.n, observables: o?.n, reports: r?.n, files: await evidenceStorageCounts(s.t.db) };
}

describe('every REST v1 and export route is in the access matrix', () => {
  beforeAll(makeCredentials);

  it('each route of REST_ROUTES has an entry, and the server has no /api/v1 or /export route without one', () => {
    const restOps = REST_ROUTES.map((r) => r.operationId as PlainOp);
    expect({
      withoutEntry: restOps.filter((op) => !PLAIN[op]),
      entryWithoutRoute: PLAIN_OPS.filter((op) => PLAIN[op].family === 'rest' && !restOps.includes(op)),
      // The entry's method and path are the route's.
      differing: REST_ROUTES.filter((r) => PLAIN[r.operationId].method !== r.method || PLAIN[r.operationId].path !== r.path).map((r) => r.operationId),
    }).toEqual({ withoutEntry: [], entryWithoutRoute: [], differing: [] });
    expect(serverRoutes(s.server.app, '/api/v1/').filter((r) => r !== 'GET /api/v1/openapi.json')).toEqual(
      PLAIN_OPS.filter((op) => PLAIN[op].family === 'rest')
        .map((op) => fastify(PLAIN[op]))
        .sort(),
    );
    expect(serverRoutes(s.server.app, '/export/')).toEqual(
      PLAIN_OPS.filter((op) => PLAIN[op].family === 'export')
        .map((op) => fastify(PLAIN[op]))
        .sort(),
    );
  });

  // Runs before the cells: the wire names the fixtures by id and reference, so the scan can see a leak.
  it('the body scan finds the ids and references as REST, the CSV and the STIX bundle spell them', async () => {
    const incidentFixtures = INCIDENT_KINDS.map((kind) => present(fixtures.get(kind), kind));
    const auditBefore = await lastAuditId();
    // The CSV holds every incident SEDENA reads: each fixture by its reference.
    const csv = await plainCall(PLAIN.exportCsv, 'ownerClient', null);
    for (const o of incidentFixtures) expect(csv.body).toContain(o.reference);
    expect(leaksIn(csv.body, 'sharee').length).toBeGreaterThan(0);
    // The list names its incidents by id and reference (newest first: fresh copies of the fixtures).
    const list = await plainCall(PLAIN.listIncidents, 'ownerClient', null);
    const items = (JSON.parse(list.body) as { items: { id: string; reference: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(leaksIn(list.body, 'outsider').length).toBeGreaterThan(0);
    const red = present(fixtures.get('incident:RED:unshared'), 'the RED fixture');
    // The bundle names its incident by reference (its STIX ids are derived, not the incident's id).
    expect(leaksIn((await plainCall(PLAIN.exportStix, 'ownerClient', red.id)).body, 'sharee')).toContain(`incident:RED:unshared ${red.reference}`);
    // The three calls' apiClient.call rows are written as each response completes: all in before the cells count theirs.
    expect(await auditActionsAfter(auditBefore, 3)).toEqual(['apiClient.call', 'apiClient.call', 'apiClient.call']);
  });

  it.each(plainCells.map((cell) => [cell.label, cell] as const))('%s', async (_label, { op, caller, kind, want }) => {
    const entry = PLAIN[op];
    const fixture = (kind && kind !== 'random' && kind !== 'garbage' ? fixtures.get(kind) : null) ?? null;
    if (kind?.startsWith('incident:') && !fixture) throw new Error(`no fixture ${kind}`);
    // A write that succeeds acts on a fresh incident of the kind, so the fixtures stay as built.
    const o = fixture && entry.method === 'POST' && want.status < 300 ? await makeObject(fixture.kind) : fixture;
    const incidentId = kind === null ? null : kind === 'random' ? randomUUID() : kind === 'garbage' ? GARBAGE_ID : (o?.id ?? '');

    const rowsBefore = await incidentRowCounts();
    const auditBefore = await lastAuditId();
    const answer = await plainCall(entry, caller, incidentId);
    const audit = await auditActionsAfter(auditBefore, want.audit.length);
    expect({ status: answer.status, reason: want.reason === undefined ? undefined : answer.reason, audit }, answer.body.slice(0, 500)).toEqual({
      status: want.status,
      reason: want.reason,
      audit: [...want.audit].sort(),
    });
    const rowsAfter = await incidentRowCounts();
    expect(answer.status >= 300 ? rowsAfter : rowsBefore, 'a refused call writes nothing').toEqual(rowsBefore);
    // A stored upload is its one file of 48 bytes.
    const storedFile = op === 'uploadIncidentFile' && answer.status === 201;
    expect(rowsAfter.files.files - rowsBefore.files.files, 'files stored').toBe(storedFile ? 1 : 0);
    expect(rowsAfter.files.bytes - rowsBefore.files.bytes, 'bytes stored').toBe(storedFile ? 48 : 0);
    // A 401 names the scheme to use.
    expect(answer.status === 401 ? answer.challenge : null).toEqual(want.status === 401 ? 'Bearer realm="anc"' : null);

    // An incident the caller may not read, and a malformed id, answer exactly what an id that exists nowhere answers.
    const hidden = (kind === 'garbage' || (fixture !== null && !reads(READS_AS[caller], fixture.kind))) && caller !== 'none';
    const random = hidden ? await plainCall(entry, caller, randomUUID()) : null;
    expect(hidden ? { status: answer.status, body: answer.body } : null, `${entry.path} as ${caller} on ${kind} vs a random id`).toEqual(
      random ? { status: random.status, body: random.body } : null,
    );
    if (random) await auditActionsAfter(auditBefore, want.audit.length * 2);

    const leaks = answer.status < 300 ? leaksIn(answer.body, READS_AS[caller]) : [];
    expect(leaks, `${entry.path} as ${caller} names objects it may not read: ${leaks.join(', ')}`).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The official PDF (modules/incidents/report-pdf/) by every session: the ANC's coordinator and
// admin too, whom the token cells above cannot be. Each caller on each incident kind, an id that
// exists nowhere and a malformed one: 200 and one `incident.downloadReport` row for a reader;
// else exactly what a random id answers (404), or 401 without a session; nothing written.
/** The PDF's status, type and body (its first bytes when it is a PDF), and the text a reader sees in it, for the caller's session. */
async function pdfBy(caller: Caller, target: string) {
  const res = await fetch(`${s.url}${REPORT_PDF_PATH.replace('{id}', encodeURIComponent(target))}`, {
    headers: { 'x-anc-locale': 'es-MX', ...(caller === 'anonymous' ? {} : { cookie: sessions[caller].jar.header() }) },
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const isPdf = res.status === 200;
  const text = isPdf ? (await pdfText(bytes)).pages.join(' ') : '';
  return { status: res.status, type: res.headers.get('content-type'), body: isPdf ? bytes.subarray(0, 5).toString('latin1') : bytes.toString('utf8'), text };
}

describe('the report PDF in the access matrix, by session', () => {
  const cells = CALLERS.flatMap((caller) => PLAIN_KINDS.map((kind) => [`${REPORT_PDF_PATH} as ${caller} on ${kind}`, caller, kind] as const));

  it('the scan sees a reference as the PDF’s text spells it', async () => {
    const red = present(fixtures.get('incident:RED:unshared'), 'the RED fixture');
    expect(leaksIn((await pdfBy('coordinator', red.id)).text, 'sharee')).toContain(`incident:RED:unshared ${red.reference}`);
  });

  it.each(cells)('%s', async (_label, caller, kind) => {
    const fixture = kind === 'random' || kind === 'garbage' ? null : present(fixtures.get(kind), kind);
    const target = kind === 'random' ? randomUUID() : kind === 'garbage' ? GARBAGE_ID : (fixture?.id ?? '');
    const readable = fixture !== null && reads(caller, fixture.kind);
    const before = await lastAuditId();
    const answer = await pdfBy(caller, target);
    const audit = await auditActionsAfter(before, readable ? 1 : 0);
    expect({ status: answer.status, audit, magic: readable ? answer.body : null }).toEqual({
      status: caller === 'anonymous' ? 401 : readable ? 200 : 404,
      audit: readable ? ['incident.downloadReport'] : [],
      magic: readable ? '%PDF-' : null,
    });
    const random = !readable && caller !== 'anonymous' ? await pdfBy(caller, randomUUID()) : null;
    expect(random ? answer : null, `${caller} on ${kind} vs a random id`).toEqual(random);
    // The text of the document names no fixture the caller may not read (a merged report's survivor, say).
    const leaks = leaksIn(answer.text, caller);
    expect(leaks, `the PDF as ${caller} on ${kind} names objects it may not read: ${leaks.join(', ')}`).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// TAXII 2.1 (apps/api/src/taxii/): plain-HTTP routes outside the router. Each caller, by its
// session and (staff) by an API client of its agency with `indicators:read`, polls the collection
// `shared-with-me`: it holds the indicator of exactly the fixture incidents the caller may read.
const TAXII_OBJECTS = `/taxii2/api/collections/${SHARED_WITH_ME_ID}/objects/`;
const TAXII_ROUTES = ['/taxii2/', '/taxii2/api/', '/taxii2/api/collections/', `/taxii2/api/collections/${SHARED_WITH_ME_ID}/`, TAXII_OBJECTS];
const taxiiGet = (path: string, headers: Record<string, string>) => fetch(`${s.url}${path}`, { headers: { accept: TAXII_MEDIA_TYPE, ...headers } });
const taxiiStatuses = async (headers: Record<string, string>) => Promise.all(TAXII_ROUTES.map(async (path) => (await taxiiGet(path, headers)).status));
const STAFF_AGENCY = { owner: 'SEDENA', sharee: 'SEMAR', outsider: 'SSPC' } as const;

/** The fixture incident kinds whose indicator (of SHARED_OBSERVABLE) the caller's poll holds. */
async function incidentKindsPolled(headers: Record<string, string>): Promise<string[]> {
  const res = await taxiiGet(`${TAXII_OBJECTS}?limit=1000&match[type]=indicator`, headers);
  const body = (await res.json()) as { more?: boolean; objects?: { id: string }[] };
  if (res.status !== 200 || body.more !== false) throw new Error(`poll answered ${res.status}, more: ${String(body.more)}`);
  const polled = new Set((body.objects ?? []).map((o) => o.id));
  const kinds: string[] = [];
  for (const kind of INCIDENT_KINDS) {
    const fixture = fixtures.get(kind);
    const [observable] = fixture
      ? await s.t.db
          .select({ id: incidentObservables.id })
          .from(incidentObservables)
          .where(and(eq(incidentObservables.incidentId, fixture.id), eq(incidentObservables.value, SHARED_OBSERVABLE.value)))
      : [];
    if (!observable) throw new Error(`no indicator observable on ${kind}`);
    if (polled.has(`indicator--${uuidv5(`indicator:${observable.id}`, ANC_STIX_NAMESPACE)}`)) kinds.push(kind);
  }
  return kinds;
}

describe('the TAXII routes in the access matrix', () => {
  it('anonymous: 401 on every route', async () => {
    expect(await taxiiStatuses({})).toEqual(TAXII_ROUTES.map(() => 401));
  });

  it.each(SIGNED_IN.map((caller) => [caller] as const))('%s by its session polls the indicators of exactly the incidents it may read', async (caller) => {
    const cookie = sessions[caller as SignedIn].jar.header();
    expect(await taxiiStatuses({ cookie })).toEqual(TAXII_ROUTES.map(() => 200));
    expect(await incidentKindsPolled({ cookie })).toEqual(INCIDENT_KINDS.filter((kind) => reads(caller, kind)));
  });

  it.each(STAFF.map((caller) => [caller] as const))(
    "%s's API client polls the same; without the scope 403, revoked, expired or unknown 401",
    async (caller) => {
      const agency = STAFF_AGENCY[caller as keyof typeof STAFF_AGENCY];
      const client = await createTestApiClient(s.t.db, { agencyCode: agency, scopes: ['indicators:read'] });
      expect(await incidentKindsPolled({ authorization: `Bearer ${client.token}` })).toEqual(INCIDENT_KINDS.filter((kind) => reads(caller, kind)));
      const withoutScope = await createTestApiClient(s.t.db, { agencyCode: agency, scopes: ['incidents:read', 'incidents:write'] });
      expect(await taxiiStatuses({ authorization: `Bearer ${withoutScope.token}` })).toEqual(TAXII_ROUTES.map(() => 403));
      await revokeApiClient(s.t.db, client.id, new Date());
      expect(await taxiiStatuses({ authorization: `Bearer ${client.token}` })).toEqual(TAXII_ROUTES.map(() => 401));
      const expired = await createTestApiClient(s.t.db, { agencyCode: agency, scopes: ['indicators:read'], expiresAt: new Date(Date.now() - 1000) });
      expect(await taxiiStatuses({ authorization: `Bearer ${expired.token}` })).toEqual(TAXII_ROUTES.map(() => 401));
      expect(await taxiiStatuses({ authorization: `Bearer ${generateApiToken().token}` })).toEqual(TAXII_ROUTES.map(() => 401));
    },
  );
});

// ---------------------------------------------------------------------------------------------
// The live bell's event stream (modules/notifications/events/): a plain-HTTP route outside the
// router, for a person's session only. Anonymous and an API client's bearer token: 401; every
// signed-in caller: 200, a stream of its own notifications (events.http.test.ts holds whose).
const EVENT_ROUTES = ['GET /events/notifications'];
const eventStatus = async (headers: Record<string, string>) => {
  const sse = await openSse(`${s.url}/events/notifications`, headers);
  try {
    const ready = sse.status === 200 ? await sse.waitFor((e) => e.event === 'ready') : null;
    return { status: sse.status, type: sse.headers.get('content-type'), ready: ready?.event ?? null };
  } finally {
    sse.close();
  }
};

describe('the event stream in the access matrix', () => {
  it('the server has no /events route without an entry here', () => {
    expect(serverRoutes(s.server.app, '/events/')).toEqual(EVENT_ROUTES);
  });

  it('anonymous, or an API client’s token: 401', async () => {
    const client = await createTestApiClient(s.t.db, { agencyCode: 'SEDENA', scopes: [...API_SCOPES] });
    expect(await eventStatus({})).toEqual({ status: 401, type: 'application/json; charset=utf-8', ready: null });
    expect(await eventStatus({ authorization: `Bearer ${client.token}` })).toEqual({ status: 401, type: 'application/json; charset=utf-8', ready: null });
  });

  it.each(SIGNED_IN.map((caller) => [caller, ROLE[caller as SignedIn]] as const))('%s (%s) by its session: 200, a stream', async (caller) => {
    expect(await eventStatus({ cookie: sessions[caller as SignedIn].jar.header() })).toEqual({
      status: 200,
      type: 'text/event-stream; charset=utf-8',
      ready: 'ready',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Single sign-on (modules/auth/oidc/): two plain-HTTP routes a browser navigates. This server has
// no OIDC_* settings, so for every caller they answer what a route that does not exist answers;
// with settings, oidc.http.test.ts walks the same callers through a real provider.
describe('the single sign-on routes in the access matrix', () => {
  it('the server has no /auth route without an entry here', () => {
    expect(serverRoutes(s.server.app, '/auth/')).toEqual([...OIDC_ROUTES]);
  });

  it('without OIDC settings: 404 for anyone, a session or an API client’s token changes nothing', async () => {
    const client = await createTestApiClient(s.t.db, { agencyCode: 'SEDENA', scopes: [...API_SCOPES] });
    const headers: Record<string, string>[] = [
      {},
      ...SIGNED_IN.map((caller) => ({ cookie: sessions[caller as SignedIn].jar.header() })),
      { authorization: `Bearer ${client.token}` },
    ];
    const answers = await Promise.all(
      OIDC_ROUTES.flatMap((route) =>
        headers.map(async (h) => {
          const res = await fetch(`${s.url}${route.split(' ')[1]}?code=x&state=y`, { redirect: 'manual', headers: h });
          return `${route} ${res.status} ${await res.text()}`;
        }),
      ),
    );
    expect(answers).toEqual(OIDC_ROUTES.flatMap((route) => headers.map(() => `${route} 404 {"error":"Not Found"}`)));
  });
});

// ---------------------------------------------------------------------------------------------
// The advisory answer matrix as CSV (modules/advisories/advisories.routes.ts): coordinators and
// admins by their session; staff (and API clients, who act as staff) FORBIDDEN; no session 401;
// an unknown or malformed id 404, the same body.
describe('the advisory routes in the access matrix', () => {
  it('the server has no /advisories route without an entry here', () => {
    expect(serverRoutes(s.server.app, '/advisories/')).toEqual([...ADVISORY_ROUTES]);
  });

  it('each caller gets what its role allows', async () => {
    const published = present(fixtures.get('advisory:published'), 'the published advisory');
    const csv = async (caller: Caller, advisoryId = published.id) =>
      (await fetch(`${s.url}/advisories/${advisoryId}/responses.csv`, { headers: caller === 'anonymous' ? {} : { cookie: sessions[caller].jar.header() } }))
        .status;
    const statuses = Object.fromEntries(await Promise.all(CALLERS.map(async (c) => [c, await csv(c)] as const)));
    expect(statuses).toEqual({ anonymous: 401, owner: 403, sharee: 403, outsider: 403, coordinator: 200, admin: 200 });
    expect([await csv('coordinator', randomUUID()), await csv('coordinator', 'no-es-un-id')]).toEqual([404, 404]);
    const client = await createTestApiClient(s.t.db, { agencyCode: 'SEDENA', scopes: [...API_SCOPES] });
    expect((await fetch(`${s.url}/advisories/${published.id}/responses.csv`, { headers: { authorization: `Bearer ${client.token}` } })).status).toBe(403);
  });
});

// Evidence files (modules/files/files.routes.ts): plain-HTTP routes outside the router. Each
// caller (a session, or an API client of SEDENA or SEMAR with every scope) downloads a file stored
// on each fixture incident and task, a removed file, a random and a malformed id, and uploads to
// each of them. Readers of the incident or task download; everyone else gets byte for byte the 404
// a random id gets. Who may add observables uploads to an incident, who may comment on a task
// uploads to it (an API client never: tasks are not a client's). A refused upload stores nothing.
type FileCaller = Caller | 'ownerClient' | 'shareeClient';
const FILE_CALLERS: readonly FileCaller[] = [...CALLERS, 'ownerClient', 'shareeClient'];
const FILE_READS_AS: Record<FileCaller, Caller> = {
  ...(Object.fromEntries(CALLERS.map((c) => [c, c])) as Record<Caller, Caller>),
  ownerClient: 'owner',
  shareeClient: 'sharee',
};
type FileKind = IncidentKind | TaskKind | 'random' | 'garbage' | 'removed';
const FILE_KINDS: readonly FileKind[] = [...INCIDENT_KINDS, ...TASK_KINDS, 'random', 'garbage', 'removed'];
interface FileWant {
  status: 200 | 201 | 401 | 403 | 404 | 422;
  reason?: string;
}
const isClient = (c: FileCaller) => c === 'ownerClient' || c === 'shareeClient';
const isTaskKind = (k: FileKind): k is TaskKind => k.startsWith('task:');

function downloadExpected(caller: FileCaller, kind: FileKind): FileWant {
  if (caller === 'anonymous') return { status: 401, reason: 'not_signed_in' };
  if (kind === 'random' || kind === 'garbage' || kind === 'removed') return { status: 404, reason: 'not_found' };
  if (isClient(caller) && isTaskKind(kind)) return { status: 404, reason: 'not_found' };
  return reads(FILE_READS_AS[caller], kind) ? { status: 200 } : { status: 404, reason: 'not_found' };
}

function uploadExpected(caller: FileCaller, kind: Exclude<FileKind, 'removed'>, route: 'incidents' | 'tasks'): FileWant {
  if (caller === 'anonymous') return { status: 401, reason: 'not_signed_in' };
  if (caller === 'admin') return { status: 403, reason: 'role_not_allowed' };
  if (isClient(caller) && route === 'tasks') return { status: 403, reason: 'scope_missing' };
  if (kind === 'random' || kind === 'garbage') return { status: 404, reason: 'not_found' };
  const staff = FILE_READS_AS[caller];
  if (!reads(staff, kind)) return { status: 404, reason: 'not_found' };
  if (isTaskKind(kind)) return { status: 201 };
  const merged = incidentFacts(kind).merged;
  if (staff === 'coordinator') return merged ? { status: 422, reason: 'incident_gone' } : { status: 201 };
  if (staff === 'owner') return merged ? { status: 422, reason: 'incident_finished' } : { status: 201 };
  return { status: 403, reason: 'role_not_allowed' };
}

interface FileCell {
  route: 'download' | 'incidents' | 'tasks';
  caller: FileCaller;
  kind: FileKind;
  want: FileWant;
  label: string;
}
const fileCells: FileCell[] = FILE_CALLERS.flatMap((caller) =>
  FILE_KINDS.flatMap((kind): FileCell[] => {
    const down = downloadExpected(caller, kind);
    const cells: FileCell[] = [
      {
        route: 'download',
        caller,
        kind,
        want: down,
        label: `GET /files/{id} as ${caller} on a file of ${kind} → ${down.status}${down.reason ? ` (${down.reason})` : ''}`,
      },
    ];
    if (kind === 'removed') return cells;
    const routes: ('incidents' | 'tasks')[] = kind === 'random' || kind === 'garbage' ? ['incidents', 'tasks'] : [isTaskKind(kind) ? 'tasks' : 'incidents'];
    for (const route of routes) {
      const up = uploadExpected(caller, kind, route);
      cells.push({
        route,
        caller,
        kind,
        want: up,
        label: `POST /files/${route}/{id} as ${caller} on ${kind} → ${up.status}${up.reason ? ` (${up.reason})` : ''}`,
      });
    }
    return cells;
  }),
);

describe('the evidence file routes in the access matrix', () => {
  const fileOf = new Map<FileKind, string>();
  const tokens = {} as Record<'ownerClient' | 'shareeClient', string>;

  beforeAll(async () => {
    for (const kind of [...INCIDENT_KINDS, ...TASK_KINDS]) {
      const o = present(fixtures.get(kind), kind);
      fileOf.set(kind, await removableAttachment(o));
    }
    const removed = await insertStoredFile(
      s.t.db,
      { incidentId: present(fixtures.get('incident:CLEAR:unshared'), 'a fixture').id },
      await uploaderOf(s.t.db, EMAIL.owner),
    );
    await s.t.db.delete(evidenceFiles).where(eq(evidenceFiles.id, removed));
    fileOf.set('removed', removed);
    tokens.ownerClient = (await createTestApiClient(s.t.db, { agencyCode: 'SEDENA', scopes: [...API_SCOPES] })).token;
    tokens.shareeClient = (await createTestApiClient(s.t.db, { agencyCode: 'SEMAR', scopes: [...API_SCOPES] })).token;
  });

  it('the server has no /files route without cells here', () => {
    expect(serverRoutes(s.server.app, '/files/')).toEqual([...FILE_ROUTES]);
  });

  const credentialsOf = (caller: FileCaller): Credentials => {
    if (caller === 'anonymous') return {};
    if (isClient(caller)) return { authorization: `Bearer ${tokens[caller as 'ownerClient' | 'shareeClient']}` };
    return { cookie: sessions[caller as SignedIn].jar.header() };
  };
  const targetId = (kind: FileKind, route: FileCell['route']): string => {
    if (kind === 'random') return randomUUID();
    if (kind === 'garbage') return GARBAGE_ID;
    if (route === 'download') return present(fileOf.get(kind), kind);
    return present(fixtures.get(kind as IncidentKind | TaskKind), kind).id;
  };
  const call = async (route: FileCell['route'], caller: FileCaller, target: string) => {
    if (route === 'download') {
      const d = await downloadFrom(s.url, target, credentialsOf(caller));
      return { status: d.status, body: d.text, reason: d.reason };
    }
    const u = await uploadTo(s.url, `${route}/${target}`, credentialsOf(caller), { bytes: uniqueBytes(48), name: `matriz-${next()}.bin` });
    return { status: u.status, body: u.body, reason: u.reason };
  };

  it.each(fileCells.map((cell) => [cell.label, cell] as const))('%s', async (_label, { route, caller, kind, want }) => {
    const before = await evidenceStorageCounts(s.t.db);
    const answer = await call(route, caller, targetId(kind, route));
    expect({ status: answer.status, reason: want.reason === undefined ? undefined : answer.reason }, answer.body.slice(0, 300)).toEqual({
      status: want.status,
      reason: want.reason,
    });
    // A stored upload adds its one row and one 48-byte chunk; a download or a refusal stores nothing.
    const stored = answer.status === 201 ? { files: before.files + 1, chunks: before.chunks + 1, bytes: before.bytes + 48 } : before;
    expect(await evidenceStorageCounts(s.t.db), 'only a stored upload stores anything').toEqual(stored);
    // What the caller may not read answers exactly what an id that exists nowhere answers.
    const hidden = caller !== 'anonymous' && want.status === 404;
    const random = hidden ? await call(route, caller, randomUUID()) : null;
    expect(hidden ? { status: answer.status, body: answer.body } : null).toEqual(random ? { status: random.status, body: random.body } : null);
    const leaks = answer.status < 300 && route !== 'download' ? leaksIn(answer.body, FILE_READS_AS[caller]) : [];
    expect(leaks).toEqual([]);
  });
});
