// A valid call of every procedure of the app router, for the tests that walk all of them
// (apps/api/src/input-fuzz.test.ts): who makes it and an input the procedure accepts, built
// fresh for each call from a small world of objects made through the API itself.
import { count, notLike } from 'drizzle-orm';
import { and, eq, ne } from 'drizzle-orm';
import { auditEvents, insertPasskey, mailOutbox, passkeys, upsertSavedFilter, type Db } from '@anc/db';
import { routerProcedures } from './procedures.ts';
import { present, rawCallJson, type RawAnswer } from './raw.ts';
import { DEMO, DEMO_PASSWORD, httpClient, signedIn, type TestServer } from './http.ts';
import { agencyIdOf, userIdOf, validIncident, type Client } from './incidents.ts';
import { day, validInitiative } from './initiatives.ts';
import { issueResetToken } from './password-reset.ts';
import { beginTotpDirectly, enrolTotpDirectly, issueRecoveryCode, totpCode } from './mfa.ts';
import { registerSoftPasskey } from './passkeys.ts';
import { SoftAuthenticator } from './soft-authenticator.ts';
import { insertStoredFile, uploaderOf } from './files.ts';
import { addAccount, DAY, fromNow, validTask } from './tasks.ts';
import { validPlaybook } from './playbooks.ts';
import { makeAdvisory, validAdvisory } from './advisories.ts';

/** `mfaPending`: the pending sign-in cookie of `mfaUserId` (set afresh by the case that uses it). */
export type CallerName = 'anonymous' | 'staff' | 'coordinator' | 'admin' | 'self' | 'leaving' | 'mfaPending' | 'mfaSelf';

export interface ProcedureInfo {
  name: string;
  type: 'query' | 'mutation';
  hasInput: boolean;
}

/** Every procedure, read from the router itself, so a new one cannot be missed. */
export function procedures(): ProcedureInfo[] {
  return routerProcedures().map((p) => ({ name: p.path, type: p.type === 'query' ? 'query' : 'mutation', hasInput: p.inputs.length > 0 }));
}

export interface World {
  s: TestServer;
  cookies: Record<CallerName, string | null>;
  staff: Client;
  coordinator: Client;
  admin: Client;
  /** SEDENA's own agency and the one SEMAR reports for. */
  sedenaId: string;
  semarId: string;
  /** A SEDENA incident the fuzz edits, comments and files reports on. */
  incidentId: string;
  /** A second SEDENA incident, the one the coordinator moves through its states. */
  triageIncidentId: string;
  observableId: string;
  taskId: string;
  initiativeId: string;
  milestoneId: string;
  kpiId: string;
  /** An account the admin's procedures change (never one of the callers). */
  targetUserId: string;
  targetAgencyId: string;
  /** An API client of SEDENA the admin revokes. */
  apiClientId: string;
  /** A message in the outbox (the task's notification to SEDENA's staff). */
  mailId: string;
  /** The `self` caller's own password (it changes when a fuzzed change succeeds). */
  selfPassword: string;
  /** An active account whose password the reset-link cases set (never one of the callers). */
  resetUserId: string;
  /** An account with a TOTP authenticator (signs in in two steps). */
  mfaUserId: string;
  mfaEmail: string;
  /** The MFA account's passkey (a software authenticator). */
  mfaPasskey: SoftAuthenticator;
  /** The `mfaSelf` caller's account (password never changed): the MFA settings' cases act on it. */
  mfaSelfUserId: string;
  /** The `self` caller's account id, and a passkey of it the rename case renames. */
  selfUserId: string;
  passkeyId: string;
  /** A playbook (class `intrusions`, that of `validIncident`) the admin edits and coordinators apply. */
  playbookId: string;
}

let serial = 0;
const next = () => ++serial;

/** The objects every case refers to, made over HTTP the way people make them. */
export async function buildWorld(s: TestServer): Promise<World> {
  const staff = await signedIn(s.url, DEMO.sedena);
  const coordinator = await signedIn(s.url, DEMO.coordinator);
  const admin = await signedIn(s.url, DEMO.admin);
  const sedenaId = await agencyIdOf(s.t.db, 'SEDENA');
  const semarId = await agencyIdOf(s.t.db, 'SEMAR');
  const self = await addAccount(s.url, admin, { agencyId: sedenaId, label: 'fuzz-self' });
  const leaving = await addAccount(s.url, admin, { agencyId: sedenaId, label: 'fuzz-leaving' });
  const target = await addAccount(s.url, admin, { agencyId: semarId, label: 'fuzz-target', active: false });
  const resetUser = await addAccount(s.url, admin, { agencyId: semarId, label: 'fuzz-reset' });
  const mfaUser = await addAccount(s.url, admin, { agencyId: sedenaId, label: 'fuzz-mfa' });
  // A passkey as well as the authenticator app: the passkey step of its sign-in has one to use.
  const { authenticator: mfaPasskey } = await registerSoftPasskey(present(mfaUser.client, 'a session'), s.url, 'Llave del walk MFA');
  await enrolTotpDirectly(s.t.db, mfaUser.id);
  const mfaSelf = await addAccount(s.url, admin, { agencyId: sedenaId, label: 'fuzz-mfa-self' });
  const targetAgency = await admin.trpc.admin.agencies.create.mutate({
    code: 'FUZZ-AG',
    name: 'Dependencia de prueba',
    nameEn: 'Test agency',
    kind: 'federal_ministry',
    sector: null,
  });
  const incident = await staff.trpc.incidents.create.mutate(validIncident({ tlp: 'GREEN', observables: [{ type: 'ipv4', value: '203.0.113.7' }] }));
  const triage = await staff.trpc.incidents.create.mutate(validIncident({ tlp: 'AMBER' }));
  const detail = await staff.trpc.incidents.get.query({ id: incident.id });
  const observableId = present((detail as unknown as { observables: { id: string }[] }).observables[0], 'an observable').id;
  const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId, { incidentId: incident.id }));
  const initiative = await admin.trpc.initiatives.create.mutate(validInitiative(sedenaId));
  const milestone = await admin.trpc.initiatives.addMilestone.mutate({ initiativeId: initiative.id, title: 'Primer hito', dueDate: day(30) });
  const kpi = await admin.trpc.initiatives.addKpi.mutate({ initiativeId: initiative.id, name: 'Cobertura', unit: '%', baseline: '0', target: '100' });
  const apiClient = await admin.trpc.apiClients.create.mutate({ agencyId: sedenaId, name: 'SIEM de prueba', scopes: ['incidents:read'] });
  const [mail] = await s.t.db.select({ id: mailOutbox.id }).from(mailOutbox).limit(1);
  const playbook = await admin.trpc.playbooks.upsert.mutate(validPlaybook('intrusions'));
  const selfClient = present(self.client, 'a session');
  const selfOptions = await selfClient.trpc.auth.mfa.passkeyRegistrationOptions.mutate();
  const passkey = await selfClient.trpc.auth.mfa.registerPasskey.mutate({
    name: 'Llave del walk',
    response: new SoftAuthenticator({ origin: s.url }).register(selfOptions),
  });
  return {
    s,
    cookies: {
      anonymous: null,
      staff: staff.jar.header(),
      coordinator: coordinator.jar.header(),
      admin: admin.jar.header(),
      self: present(self.client, 'a session').jar.header(),
      leaving: present(leaving.client, 'a session').jar.header(),
      mfaPending: null,
      mfaSelf: present(mfaSelf.client, 'a session').jar.header(),
    },
    staff,
    coordinator,
    admin,
    sedenaId,
    semarId,
    incidentId: incident.id,
    triageIncidentId: triage.id,
    observableId,
    taskId: task.id,
    initiativeId: initiative.id,
    milestoneId: lastId(milestone, 'milestones'),
    kpiId: lastId(kpi, 'kpis'),
    targetUserId: target.id,
    targetAgencyId: targetAgency.id,
    apiClientId: apiClient.client.id,
    mailId: present(mail, 'a queued message').id,
    selfPassword: DEMO_PASSWORD,
    resetUserId: resetUser.id,
    mfaUserId: mfaUser.id,
    mfaEmail: mfaUser.email,
    mfaPasskey,
    mfaSelfUserId: mfaSelf.id,
    selfUserId: self.id,
    passkeyId: passkey.id,
    playbookId: playbook.id,
  };
}

/** The public id of a new session of this account (`auth.sessions.revoke`'s input). */
export async function freshSessionId(url: string, email: string): Promise<string> {
  const other = await signedIn(url, email);
  const items = (await other.trpc.auth.sessions.list.query()).items;
  return present(
    items.find((i) => i.current),
    'the new session',
  ).id;
}

/** Milestone and KPI procedures answer the initiative's detail: the item just added is its last. */
function lastId(detail: unknown, list: 'milestones' | 'kpis'): string {
  const id = (detail as Record<typeof list, { id: string }[] | undefined>)[list]?.at(-1)?.id;
  if (!id) throw new Error(`no ${list} in the answer`);
  return id;
}

export interface ProcedureCase {
  as: CallerName;
  /** A fresh input the procedure accepts (or `undefined` for a procedure without input). */
  input: (w: World) => unknown | Promise<unknown>;
}

const version = async (w: World, kind: 'incident' | 'triage' | 'task' | 'initiative') => {
  if (kind === 'incident') return (await w.staff.trpc.incidents.get.query({ id: w.incidentId })).version;
  if (kind === 'triage') return (await w.coordinator.trpc.incidents.get.query({ id: w.triageIncidentId })).version;
  if (kind === 'task') return (await w.coordinator.trpc.tasks.get.query({ id: w.taskId })).version;
  return (await w.admin.trpc.initiatives.get.query({ id: w.initiativeId })).version;
};

/** One valid call per procedure. A procedure missing here fails the walk (see `procedures`). */
export const CASES: Record<string, ProcedureCase> = {
  'auth.signIn': { as: 'anonymous', input: () => ({ email: DEMO.semar, password: DEMO_PASSWORD }) },
  'auth.signOut': { as: 'leaving', input: () => undefined },
  'auth.me': { as: 'staff', input: () => undefined },
  'auth.config': { as: 'anonymous', input: () => undefined },
  'auth.setLocale': { as: 'staff', input: () => ({ locale: 'es-MX' }) },
  'auth.changePassword': {
    as: 'self',
    input: (w) => ({ currentPassword: w.selfPassword, newPassword: `Marea-${next()}-del-Golfo-azul` }),
  },
  'auth.updatePreferences': { as: 'staff', input: () => ({ emailNotifications: true, digest: 'none' }) },
  'auth.sessions.list': { as: 'staff', input: () => undefined },
  // Another session of the same person, made for the call (revoking the caller's own would sign it out).
  'auth.sessions.revoke': { as: 'staff', input: async (w) => ({ id: await freshSessionId(w.s.url, DEMO.sedena) }) },
  'auth.sessions.revokeOthers': { as: 'leaving', input: () => undefined },
  // Addresses no account has: each call counts against the reset throttle of its own address.
  'auth.requestPasswordReset': { as: 'anonymous', input: () => ({ email: `fuzz-reset-${next()}@prueba.gob.mx` }) },
  'auth.resetPassword': {
    as: 'anonymous',
    input: async (w) => ({ token: await issueResetToken(w.s.t.db, w.resetUserId), password: `Marea-${next()}-del-Golfo-azul` }),
  },
  // A fresh pending sign-in of the MFA account (its cookie set for this call) and a fresh recovery code.
  'auth.verifyMfa': {
    as: 'mfaPending',
    input: async (w) => {
      w.cookies.mfaPending = await pendingSignInCookie(w);
      return { code: await issueRecoveryCode(w.s.t.db, w.mfaUserId) };
    },
  },
  'auth.mfa.status': { as: 'staff', input: () => undefined },
  // The passkey step of a fresh pending sign-in of the MFA account.
  'auth.mfa.passkeyAuthenticationOptions': {
    as: 'mfaPending',
    input: async (w) => {
      w.cookies.mfaPending = await pendingSignInCookie(w);
      return undefined;
    },
  },
  'auth.verifyMfaPasskey': {
    as: 'mfaPending',
    input: async (w) => {
      w.cookies.mfaPending = await pendingSignInCookie(w);
      const options = (await rawCallJson(w.s.url, 'auth.mfa.passkeyAuthenticationOptions', 'mutation', undefined, { cookie: w.cookies.mfaPending })).data;
      return { response: w.mfaPasskey.authenticate(options as { challenge: string; rpId: string }) };
    },
  },
  'auth.mfa.beginTotp': { as: 'staff', input: () => undefined },
  // Each case sets the `mfaSelf` account's factors up as the procedure needs them, then answers a code that holds.
  'auth.mfa.confirmTotp': { as: 'mfaSelf', input: async (w) => ({ code: totpCode(await beginTotpDirectly(w.s.t.db, w.mfaSelfUserId)) }) },
  'auth.mfa.disable': {
    as: 'mfaSelf',
    input: async (w) => {
      await enrolTotpDirectly(w.s.t.db, w.mfaSelfUserId);
      return { password: DEMO_PASSWORD, code: await issueRecoveryCode(w.s.t.db, w.mfaSelfUserId) };
    },
  },
  'auth.mfa.regenerateRecoveryCodes': {
    as: 'mfaSelf',
    input: async (w) => {
      await enrolTotpDirectly(w.s.t.db, w.mfaSelfUserId);
      return { code: await issueRecoveryCode(w.s.t.db, w.mfaSelfUserId) };
    },
  },
  'agencies.list': { as: 'staff', input: () => ({ includeInactive: false }) },

  'auth.mfa.passkeyRegistrationOptions': { as: 'self', input: () => undefined },
  'auth.mfa.registerPasskey': {
    as: 'self',
    input: async (w) => {
      // Accepted variations register passkeys: keep the account below the limit of 10.
      await w.s.t.db.delete(passkeys).where(and(eq(passkeys.userId, w.selfUserId), ne(passkeys.id, w.passkeyId)));
      const options = present(
        await rawCallJson(w.s.url, 'auth.mfa.passkeyRegistrationOptions', 'mutation', undefined, { cookie: w.cookies.self }),
        'options',
      ).data;
      return { name: `Llave ${next()}`, response: new SoftAuthenticator({ origin: w.s.url }).register(options as { challenge: string; rp: { id: string } }) };
    },
  },
  'auth.mfa.passkeys': { as: 'self', input: () => undefined },
  'auth.mfa.renamePasskey': { as: 'self', input: (w) => ({ id: w.passkeyId, name: `Llave ${next()}` }) },
  // A passkey row of `self` as registration stores it, one per call (the key itself is never used).
  'auth.mfa.removePasskey': {
    as: 'self',
    input: async (w) => {
      const row = await insertPasskey(w.s.t.db, {
        userId: w.selfUserId,
        credentialId: `walk-${next()}-${Date.now()}`,
        publicKey: 'AA',
        deviceType: 'singleDevice',
        name: 'Llave por quitar',
      });
      return { id: row.id };
    },
  },

  'incidents.create': { as: 'staff', input: () => validIncident({ observables: [{ type: 'domain', value: `c2-${next()}.example.net` }] }) },
  'incidents.list': { as: 'coordinator', input: () => ({ limit: 10, q: 'correo' }) },
  'incidents.get': { as: 'staff', input: (w) => ({ id: w.incidentId }) },
  'incidents.related': { as: 'coordinator', input: (w) => ({ id: w.incidentId }) },
  'incidents.update': { as: 'staff', input: async (w) => ({ id: w.incidentId, version: await version(w, 'incident'), affectedSystems: `Servidor ${next()}` }) },
  'incidents.transition': {
    as: 'coordinator',
    input: async (w) => ({ id: w.triageIncidentId, version: await version(w, 'triage'), to: 'triaged', reason: 'Revisado por la coordinación' }),
  },
  'incidents.comment': { as: 'staff', input: (w) => ({ id: w.incidentId, body: 'Se aislaron los equipos afectados.' }) },
  'incidents.addObservables': { as: 'staff', input: (w) => ({ id: w.incidentId, observables: [{ type: 'ipv4', value: `198.51.100.${next() % 250}` }] }) },
  'incidents.removeObservable': { as: 'staff', input: (w) => ({ id: w.incidentId, observableId: w.observableId }) },
  // A file of SEDENA's written straight into the tables per call (testing/files.ts).
  'incidents.removeAttachment': {
    as: 'staff',
    input: async (w) => ({
      id: w.incidentId,
      attachmentId: await insertStoredFile(w.s.t.db, { incidentId: w.incidentId }, await uploaderOf(w.s.t.db, DEMO.sedena)),
    }),
  },
  'incidents.share': { as: 'coordinator', input: (w) => ({ id: w.incidentId, agencyIds: [w.semarId] }) },
  'incidents.unshare': { as: 'coordinator', input: (w) => ({ id: w.incidentId, agencyId: w.semarId }) },
  'incidents.setOwner': {
    as: 'coordinator',
    input: async (w) => ({ id: w.triageIncidentId, version: await version(w, 'triage'), ownerId: await userIdOf(w.s.t.db, DEMO.coordinator) }),
  },
  'incidents.owners': { as: 'coordinator', input: () => undefined },
  'incidents.submitReport': { as: 'staff', input: (w) => ({ id: w.incidentId, kind: 'notification', body: 'Notificación inicial del incidente.' }) },
  // Sharing again with the same agency changes nothing: a bulk call that may run any number of times.
  'incidents.bulk': {
    as: 'coordinator',
    input: async (w) => ({ action: 'share', items: [{ id: w.incidentId, version: await version(w, 'incident') }], agencyIds: [w.semarId] }),
  },
  'incidents.bulkCount': { as: 'coordinator', input: () => ({ filter: { status: ['submitted'] } }) },

  'savedFilters.list': { as: 'staff', input: () => ({ list: 'incidents' }) },
  'savedFilters.save': {
    as: 'staff',
    input: () => ({ list: 'incidents', name: `Abiertos ${next() % 20}`, query: { status: ['submitted', 'triaged'], sort: 'severity', dir: 'desc' } }),
  },
  // A saved filter of the staff caller, one per call.
  'savedFilters.remove': {
    as: 'staff',
    input: async (w) => {
      const row = await upsertSavedFilter(w.s.t.db, { userId: await userIdOf(w.s.t.db, DEMO.sedena), list: 'tasks', name: `Por quitar ${next()}`, query: {} });
      return { id: row.id };
    },
  },

  // Once per playbook and incident: each call applies it to a new incident of SEDENA.
  'incidents.applyPlaybook': {
    as: 'coordinator',
    input: async (w) => ({ id: (await w.staff.trpc.incidents.create.mutate(validIncident())).id, playbookId: w.playbookId }),
  },

  'playbooks.list': { as: 'staff', input: () => ({ rsitClass: 'intrusions' }) },
  'playbooks.get': { as: 'staff', input: (w) => ({ id: w.playbookId }) },
  'playbooks.upsert': {
    as: 'admin',
    input: async (w) => ({
      ...validPlaybook('intrusions', { title: `Compromiso de cuentas ${next()}` }),
      id: w.playbookId,
      version: (await w.admin.trpc.playbooks.get.query({ id: w.playbookId })).version,
    }),
  },

  'tasks.create': { as: 'coordinator', input: (w) => validTask(w.sedenaId) },
  'tasks.list': { as: 'staff', input: () => ({ limit: 10, q: 'parche' }) },
  'tasks.get': { as: 'staff', input: (w) => ({ id: w.taskId }) },
  'tasks.update': { as: 'coordinator', input: async (w) => ({ id: w.taskId, version: await version(w, 'task'), dueAt: fromNow(7 * DAY) }) },
  'tasks.transition': { as: 'staff', input: async (w) => ({ id: w.taskId, version: await version(w, 'task'), to: 'in_progress' }) },
  'tasks.comment': { as: 'staff', input: (w) => ({ id: w.taskId, body: 'Parche aplicado en el primer servidor.' }) },
  'tasks.removeAttachment': {
    as: 'staff',
    input: async (w) => ({ id: w.taskId, attachmentId: await insertStoredFile(w.s.t.db, { taskId: w.taskId }, await uploaderOf(w.s.t.db, DEMO.sedena)) }),
  },
  'tasks.summary': { as: 'coordinator', input: () => undefined },
  'tasks.assignableUsers': { as: 'coordinator', input: (w) => ({ agencyId: w.sedenaId }) },

  'notifications.list': { as: 'staff', input: () => ({ limit: 10 }) },
  'notifications.unreadCount': { as: 'staff', input: () => undefined },
  'notifications.markRead': { as: 'staff', input: () => ({}) },

  'initiatives.list': { as: 'staff', input: () => ({ limit: 10, q: 'salud' }) },
  'initiatives.get': { as: 'staff', input: (w) => ({ id: w.initiativeId }) },
  'initiatives.planSummary': { as: 'coordinator', input: () => ({}) },
  'initiatives.create': { as: 'admin', input: (w) => validInitiative(w.sedenaId, { code: `FZ-2031-${String(next() % 1000).padStart(3, '0')}` }) },
  'initiatives.update': {
    as: 'admin',
    input: async (w) => ({ id: w.initiativeId, version: await version(w, 'initiative'), title: `Centro de respuesta ${next()}` }),
  },
  'initiatives.transition': { as: 'admin', input: async (w) => ({ id: w.initiativeId, version: await version(w, 'initiative'), to: 'approved' }) },
  'initiatives.addMilestone': { as: 'admin', input: (w) => ({ initiativeId: w.initiativeId, title: `Hito ${next()}`, dueDate: day(60) }) },
  'initiatives.completeMilestone': { as: 'admin', input: (w) => ({ milestoneId: w.milestoneId, doneDate: day(0) }) },
  'initiatives.reopenMilestone': { as: 'admin', input: (w) => ({ milestoneId: w.milestoneId }) },
  'initiatives.addKpi': {
    as: 'admin',
    input: (w) => ({ initiativeId: w.initiativeId, name: `Indicador ${next()}`, unit: 'equipos', baseline: '0', target: '50' }),
  },
  'initiatives.recordKpiValue': { as: 'admin', input: (w) => ({ kpiId: w.kpiId, value: '12.5' }) },

  // Each call makes the advisory it acts on (a draft, or one published to SEDENA, the staff caller's agency).
  'advisories.list': { as: 'staff', input: () => ({ limit: 10, status: ['published'] }) },
  'advisories.get': { as: 'staff', input: async (w) => ({ id: (await makeAdvisory(w.coordinator, [w.sedenaId], { published: true })).id }) },
  'advisories.create': { as: 'coordinator', input: (w) => validAdvisory([w.sedenaId, w.semarId]) },
  'advisories.createFromIncident': { as: 'coordinator', input: (w) => ({ incidentId: w.incidentId }) },
  'advisories.update': {
    as: 'coordinator',
    input: async (w) => {
      const draft = await makeAdvisory(w.coordinator, [w.sedenaId]);
      return { id: draft.id, version: draft.version, title: `Alerta corregida ${next()}` };
    },
  },
  'advisories.publish': {
    as: 'coordinator',
    input: async (w) => {
      const draft = await makeAdvisory(w.coordinator, [w.sedenaId]);
      return { id: draft.id, version: draft.version };
    },
  },
  'advisories.close': {
    as: 'coordinator',
    input: async (w) => {
      const published = await makeAdvisory(w.coordinator, [w.sedenaId], { published: true });
      return { id: published.id, version: published.version };
    },
  },
  'advisories.respond': {
    as: 'staff',
    input: async (w) => ({ id: (await makeAdvisory(w.coordinator, [w.sedenaId], { published: true })).id, status: 'mitigating', comment: 'Parche en curso.' }),
  },

  'dashboard.summary': { as: 'coordinator', input: () => undefined },

  // institutional directory: SEDENA's staff keep their own agency's entry
  'directory.get': { as: 'staff', input: (w) => ({ agencyId: w.sedenaId }) },
  'directory.list': { as: 'coordinator', input: () => ({ state: 'overdue' }) },
  'directory.designate': {
    as: 'staff',
    input: (w) => ({
      agencyId: w.sedenaId,
      role: 'ric',
      name: `Laura Méndez ${next()}`,
      position: 'Directora de Seguridad de la Información',
      email: 'ric@sedena.gob.mx',
      phone: '55 5626 5000',
      designatedAt: '2026-01-15',
    }),
  },
  'directory.setEmergencyContact': {
    as: 'staff',
    input: (w) => ({ agencyId: w.sedenaId, name: 'Mesa de guardia 24/7', phone: '+52 55 2122 8800', email: 'guardia@sedena.gob.mx' }),
  },
  'directory.incidentContacts': { as: 'staff', input: (w) => ({ id: w.incidentId }) },
  'directory.taskContacts': { as: 'staff', input: (w) => ({ id: w.taskId }) },

  'admin.agencies.create': {
    as: 'admin',
    input: () => ({ code: `FZ${next()}`, name: 'Organismo de prueba', nameEn: 'Test body', kind: 'autonomous_body', sector: null }),
  },
  'admin.agencies.update': { as: 'admin', input: (w) => ({ id: w.targetAgencyId, name: `Dependencia de prueba ${next()}` }) },
  'admin.agencies.setActive': { as: 'admin', input: (w) => ({ id: w.targetAgencyId, active: true }) },
  'admin.users.list': { as: 'admin', input: () => ({ limit: 10, q: 'prueba' }) },
  'admin.users.create': {
    as: 'admin',
    input: (w) => ({
      email: `alta.${next()}@prueba.gob.mx`,
      name: 'Persona de Prueba',
      role: 'staff',
      agencyId: w.sedenaId,
      password: `Marea-${next()}-del-Golfo-azul`,
    }),
  },
  'admin.users.update': { as: 'admin', input: (w) => ({ id: w.targetUserId, name: `Persona ${next()}` }) },
  'admin.users.setActive': { as: 'admin', input: (w) => ({ id: w.targetUserId, active: false }) },
  'admin.users.resetPassword': { as: 'admin', input: (w) => ({ id: w.targetUserId, password: `Marea-${next()}-del-Golfo-azul` }) },
  'admin.users.resetMfa': { as: 'admin', input: (w) => ({ userId: w.targetUserId }) },
  'admin.audit.list': { as: 'admin', input: () => ({ limit: 10, entityType: 'incident' }) },
  'admin.audit.verify': { as: 'admin', input: () => undefined },

  'apiClients.create': {
    as: 'admin',
    input: (w) => ({ agencyId: w.semarId, name: `SOAR de prueba ${next()}`, scopes: ['incidents:write', 'indicators:read'], expiresAt: fromNow(30 * DAY) }),
  },
  'apiClients.list': { as: 'admin', input: (w) => ({ agencyId: w.sedenaId }) },
  'apiClients.revoke': { as: 'admin', input: (w) => ({ id: w.apiClientId }) },

  'mailOutbox.list': { as: 'admin', input: () => ({ limit: 10, state: 'pending' }) },
  'mailOutbox.get': { as: 'admin', input: (w) => ({ id: w.mailId }) },
};

/** Signs the MFA account in with its password: the pending cookie it is given. */
export async function pendingSignInCookie(w: World): Promise<string> {
  const client = httpClient(w.s.url);
  const answer = await client.trpc.auth.signIn.mutate({ email: w.mfaEmail, password: DEMO_PASSWORD });
  if (!answer.mfaRequired) throw new Error('the MFA account signed in without its second factor');
  return client.jar.header();
}

/** One call of a case over plain HTTP, the input as raw JSON text; aborts after `timeoutMs`. */
export function callRaw(w: World, name: string, type: 'query' | 'mutation', as: CallerName, json: string | undefined, timeoutMs = 10_000): Promise<RawAnswer> {
  return rawCallJson(w.s.url, name, type, json, { cookie: w.cookies[as], locale: 'en' }, timeoutMs);
}

/** Audit rows other than the failures that are audited on purpose (a wrong password). */
export async function auditRowsBesideFailures(db: Db): Promise<number> {
  return (await db.select({ n: count() }).from(auditEvents).where(notLike(auditEvents.action, '%Failed')))[0]?.n ?? 0;
}
