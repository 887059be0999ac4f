// Issue 14: the incidents list's search by indicator (an IP address, a domain, a hash… in any
// spelling, within the caller's scope) and the incident's owner (take, give, leave; the "Mis
// incidentes" filter; who is told), over real HTTP against PGlite, or PostgreSQL with ANC_TEST_PG_URL.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '@anc/db';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, auditCountFor, userIdOf, validIncident, walkList, writtenRows, type Client } from '../../testing/incidents.ts';
import { addAccount } from '../../testing/tasks.ts';

let s: TestServer;
let sedena: Client;
let semar: Client;
let coordinator: Client;
let analyst: Client;
let admin: Client;
const ids = { sedena: '', semar: '', coordinator: '', analyst: '', sedenaStaff: '', admin: '', inactiveCoordinator: '' };
let serial = 0;
/** A documentation address (RFC 5737) no other test of the file uses. */
const freshIp = () => `203.0.113.${(serial += 1) + 100}`;

beforeAll(async () => {
  s = await startTestServer();
  [sedena, semar, coordinator, admin] = await Promise.all([
    signedIn(s.url, DEMO.sedena),
    signedIn(s.url, DEMO.semar),
    signedIn(s.url, DEMO.coordinator),
    signedIn(s.url, DEMO.admin),
  ]);
  analyst = await signedIn(s.url, 'analista@anc.gob.mx');
  ids.sedena = await agencyIdOf(s.t.db, 'SEDENA');
  ids.semar = await agencyIdOf(s.t.db, 'SEMAR');
  ids.coordinator = await userIdOf(s.t.db, DEMO.coordinator);
  ids.analyst = await userIdOf(s.t.db, 'analista@anc.gob.mx');
  ids.sedenaStaff = await userIdOf(s.t.db, DEMO.sedena);
  ids.admin = await userIdOf(s.t.db, DEMO.admin);
  const anc = await agencyIdOf(s.t.db, 'ANC');
  ids.inactiveCoordinator = (await addAccount(s.url, admin, { agencyId: anc, role: 'coordinator', active: false, label: 'coordinacion-baja' })).id;
});
afterAll(() => s.close());

const found = async (client: Client, q: string) => (await walkList(client, { q, limit: 100 })).map((i) => i.id);
/** What one person was told about one incident, beside the filing every coordinator hears of. */
const kindsFor = async (userId: string, incidentId: string) =>
  (
    await s.t.db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.incidentId, incidentId)))
  )
    .map((n) => n.kind)
    .filter((kind) => kind !== 'incident_filed')
    .sort();

describe('search by indicator', () => {
  it('finds the incidents holding an IP address, in the caller’s scope only', async () => {
    const ip = freshIp();
    const own = await sedena.trpc.incidents.create.mutate(validIncident({ tlp: 'GREEN', observables: [{ type: 'ipv4', value: ip }] }));
    // Another agency's incident with the same address, not shared with SEDENA.
    const other = await semar.trpc.incidents.create.mutate(validIncident({ tlp: 'AMBER', observables: [{ type: 'ipv4', value: ip }] }));

    expect((await found(coordinator, ip)).sort()).toEqual([own.id, other.id].sort());
    expect(await found(sedena, ip)).toEqual([own.id]);
    expect(await found(semar, ip)).toEqual([other.id]);
    // Defanged, as analysts paste it.
    expect(await found(sedena, ip.replaceAll('.', '[.]'))).toEqual([own.id]);

    // Shared with SEDENA by name: now SEDENA finds both, newest first, one page at a time.
    await coordinator.trpc.incidents.share.mutate({ id: other.id, agencyIds: [ids.sedena] });
    expect(await found(sedena, ip)).toEqual([other.id, own.id]);
    const first = await sedena.trpc.incidents.list.query({ q: ip, limit: 1 });
    expect(first.items.map((i) => i.id)).toEqual([other.id]);
    const second = await sedena.trpc.incidents.list.query({ q: ip, limit: 1, cursor: first.nextCursor ?? '' });
    expect(second.items.map((i) => i.id)).toEqual([own.id]);
    expect(second.nextCursor).toBeNull();
  });

  it('finds hashes typed in upper case, domains and CVEs in their stored spelling, and still searches the text', async () => {
    const hash = `${serial.toString(16).padStart(2, '0')}${'ab'.repeat(31)}`;
    const domain = `c2-${serial}.ejemplo-malicioso.mx`;
    const incident = await sedena.trpc.incidents.create.mutate(
      validIncident({
        title: 'Beaconing hacia infraestructura de mando y control',
        tlp: 'AMBER',
        observables: [
          { type: 'sha256', value: hash },
          { type: 'domain', value: domain },
          { type: 'cve', value: 'CVE-2023-4966' },
        ],
      }),
    );
    expect(await found(sedena, hash.toUpperCase())).toEqual([incident.id]);
    expect(await found(sedena, domain.toUpperCase().replaceAll('.', '[.]'))).toEqual([incident.id]);
    expect(await found(sedena, 'cve-2023-4966')).toContain(incident.id);
    expect(await found(sedena, 'beaconing')).toContain(incident.id);
    // An indicator no incident holds finds nothing; another agency never sees SEDENA's AMBER incident.
    expect(await found(sedena, '198.18.0.254')).toEqual([]);
    expect(await found(semar, hash)).toEqual([]);
  });
});

describe('the owner', () => {
  it('a coordinator takes an incident: shown on the detail and the list (to the reporting agency too), on the timeline, audited', async () => {
    const incident = await sedena.trpc.incidents.create.mutate(validIncident({ tlp: 'AMBER' }));
    expect(incident.owner).toBeNull();
    const taken = await coordinator.trpc.incidents.setOwner.mutate({ id: incident.id, version: incident.version, ownerId: ids.coordinator });
    expect(taken.owner).toEqual({ id: ids.coordinator, name: 'Claudia Ríos' });
    expect(taken.version).toBe(incident.version + 1);
    expect(taken.timeline.at(-1)).toMatchObject({ kind: 'owner_changed', data: { from: null, to: { id: ids.coordinator, name: 'Claudia Ríos' } } });
    expect(await auditCountFor(s.t.db, 'incident.setOwner', incident.id)).toBe(1);
    // The reporting agency reads who at the ANC is in charge (domain incidents/owner.ts).
    expect((await sedena.trpc.incidents.get.query({ id: incident.id })).owner).toEqual({ id: ids.coordinator, name: 'Claudia Ríos' });
    const listed = (await walkList(sedena, { limit: 100 })).find((i) => i.id === incident.id);
    expect(listed?.owner).toEqual({ id: ids.coordinator, name: 'Claudia Ríos' });
    // Taking it oneself tells nobody.
    expect(await kindsFor(ids.coordinator, incident.id)).toEqual([]);
  });

  it('"Mis incidentes": ownerId "me" lists the caller’s incidents only', async () => {
    const mine = await sedena.trpc.incidents.create.mutate(validIncident());
    const theirs = await sedena.trpc.incidents.create.mutate(validIncident());
    await analyst.trpc.incidents.setOwner.mutate({ id: mine.id, version: mine.version, ownerId: ids.analyst });
    await coordinator.trpc.incidents.setOwner.mutate({ id: theirs.id, version: theirs.version, ownerId: ids.coordinator });
    const analystMine = (await walkList(analyst, { ownerId: 'me', limit: 100 })).map((i) => i.id);
    expect(analystMine).toContain(mine.id);
    expect(analystMine).not.toContain(theirs.id);
    const coordinatorMine = (await walkList(coordinator, { ownerId: 'me', limit: 100 })).map((i) => i.id);
    expect(coordinatorMine).toContain(theirs.id);
    expect(coordinatorMine).not.toContain(mine.id);
    expect((await walkList(coordinator, { ownerId: ids.analyst, limit: 100 })).map((i) => i.id)).toContain(mine.id);
  });

  it('another coordinator may reassign it; the new owner is told when someone else gave it; it may be left without owner', async () => {
    const incident = await sedena.trpc.incidents.create.mutate(validIncident({ tlp: 'AMBER' }));
    const taken = await coordinator.trpc.incidents.setOwner.mutate({ id: incident.id, version: incident.version, ownerId: ids.coordinator });
    // The analyst takes it from the coordinator (nobody is told), then gives it back (the coordinator is told).
    const given = await analyst.trpc.incidents.setOwner.mutate({ id: incident.id, version: taken.version, ownerId: ids.analyst });
    expect(given.owner?.id).toBe(ids.analyst);
    const back = await analyst.trpc.incidents.setOwner.mutate({ id: incident.id, version: given.version, ownerId: ids.coordinator });
    expect(back.owner?.id).toBe(ids.coordinator);
    expect(await kindsFor(ids.coordinator, incident.id)).toEqual(['incident_assigned']);
    expect(await kindsFor(ids.analyst, incident.id)).toEqual([]);
    const left = await coordinator.trpc.incidents.setOwner.mutate({ id: incident.id, version: back.version, ownerId: null });
    expect(left.owner).toBeNull();
    expect(left.timeline.filter((e) => e.kind === 'owner_changed')).toHaveLength(4);
    expect(await auditCountFor(s.t.db, 'incident.setOwner', incident.id)).toBe(4);
  });

  it('refuses a stale version, and an owner who is not an active coordinator, field by field, writing nothing', async () => {
    const incident = await sedena.trpc.incidents.create.mutate(validIncident());
    const before = await writtenRows(s.t.db);
    for (const ownerId of [ids.sedenaStaff, ids.admin, ids.inactiveCoordinator, '00000000-0000-4000-8000-000000000000']) {
      expect(await errorOf(coordinator.trpc.incidents.setOwner.mutate({ id: incident.id, version: incident.version, ownerId }))).toMatchObject({
        code: 'BAD_REQUEST',
        fieldErrors: { ownerId: ['El responsable debe ser un coordinador activo de la ANC.'] },
      });
    }
    expect(
      await errorOf(coordinator.trpc.incidents.setOwner.mutate({ id: incident.id, version: incident.version + 5, ownerId: ids.coordinator })),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'stale_version',
    });
    expect(await writtenRows(s.t.db)).toEqual(before);
  });

  it('staff and admins may not set the owner nor list the candidates; a coordinator lists the active coordinators', async () => {
    const incident = await sedena.trpc.incidents.create.mutate(validIncident());
    for (const client of [sedena, admin]) {
      expect(await errorOf(client.trpc.incidents.setOwner.mutate({ id: incident.id, version: incident.version, ownerId: ids.coordinator }))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await errorOf(client.trpc.incidents.owners.query())).toMatchObject({ code: 'FORBIDDEN' });
    }
    const { items } = await coordinator.trpc.incidents.owners.query();
    expect(items.map((u) => u.id)).toEqual(expect.arrayContaining([ids.coordinator, ids.analyst]));
    expect(items.map((u) => u.id)).not.toContain(ids.inactiveCoordinator);
    expect(items.map((u) => u.id)).not.toContain(ids.admin);
    expect(await auditCountFor(s.t.db, 'incident.setOwner', incident.id)).toBe(0);
  });

  it('the owner is told of the incident’s news: comments, reports, steps, shares — never of their own', async () => {
    const incident = await sedena.trpc.incidents.create.mutate(validIncident({ tlp: 'AMBER' }));
    const owned = await coordinator.trpc.incidents.setOwner.mutate({ id: incident.id, version: incident.version, ownerId: ids.analyst });
    expect(await kindsFor(ids.analyst, incident.id)).toEqual(['incident_assigned']);
    await sedena.trpc.incidents.comment.mutate({ id: incident.id, body: 'Se aislaron los equipos afectados.' });
    await sedena.trpc.incidents.submitReport.mutate({ id: incident.id, kind: 'notification', body: 'Notificación con el alcance conocido.' });
    const current = await coordinator.trpc.incidents.get.query({ id: incident.id });
    await coordinator.trpc.incidents.transition.mutate({ id: incident.id, version: current.version, to: 'triaged' });
    await coordinator.trpc.incidents.share.mutate({ id: incident.id, agencyIds: [ids.semar] });
    // The owner's own comment tells them nothing.
    await analyst.trpc.incidents.comment.mutate({ id: incident.id, body: 'Solicito los registros del firewall.', visibility: 'anc' });
    expect(await kindsFor(ids.analyst, incident.id)).toEqual(['incident_assigned', ...Array<string>(4).fill('incident_owner_update')]);
    // The coordinator who acted is not the owner: told of none of it.
    expect(await kindsFor(ids.coordinator, incident.id)).not.toContain('incident_owner_update');
    expect(owned.owner?.id).toBe(ids.analyst);
    // The bell lists them, titled.
    const bell = await analyst.trpc.notifications.list.query({ limit: 50 });
    expect(bell.items.filter((n) => n.kind === 'incident_owner_update' && n.title.includes(incident.reference))).toHaveLength(4);
    expect(bell.items.some((n) => n.kind === 'incident_assigned' && n.title.startsWith('Te asignaron un incidente como responsable'))).toBe(true);
  });
});
