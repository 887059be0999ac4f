// Who reads a note (a comment or the reason given with a step), over real HTTP: the rule of
// packages/domain/src/incidents/visibility.ts as the portal and an agency's script meet it. The
// bodies are checked as the raw JSON the server sends, so a hidden note is not anywhere in it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, incidentRow, unchecked, validIncident, writtenRows, type Client } from '../../testing/incidents.ts';

let s: TestServer;
let semar: Client;
let sedena: Client;
let coordinator: Client;
let admin: Client;
let sedenaId = '';
let serial = 0;

beforeAll(async () => {
  s = await startTestServer();
  semar = await signedIn(s.url, DEMO.semar);
  sedena = await signedIn(s.url, DEMO.sedena);
  coordinator = await signedIn(s.url, DEMO.coordinator);
  admin = await signedIn(s.url, DEMO.admin);
  sedenaId = await agencyIdOf(s.t.db, 'SEDENA');
});
afterAll(() => s.close());

/** A SEMAR report shared with SEDENA by name: SEDENA's staff read it, they did not report it. */
let incidentId = '';
beforeEach(async () => {
  serial += 1;
  const created = await semar.trpc.incidents.create.mutate(validIncident({ tlp: 'AMBER', title: `Intrusión en la red naval ${serial}` }));
  await coordinator.trpc.incidents.share.mutate({ id: created.id, agencyIds: [sedenaId] });
  incidentId = created.id;
});

/** `incidents.get` as the raw JSON text the server answers with. */
async function rawGet(client: Client, id: string): Promise<string> {
  const res = await fetch(`${s.url}/trpc/incidents.get?input=${encodeURIComponent(JSON.stringify({ id }))}`, {
    headers: { cookie: client.jar.header(), origin: s.url },
  });
  expect(res.status).toBe(200);
  return res.text();
}

type Detail = Awaited<ReturnType<Client['trpc']['incidents']['get']['query']>>;
const noteOf = (detail: Detail, body: string) => detail.timeline.find((e) => e.body === body);
const version = async (id: string) => (await incidentRow(s.t.db, id)).version;

describe('comments', () => {
  it("a coordinator's note is `reporting` by default: the reporting agency reads it, the agency it was shared with does not", async () => {
    const body = 'Posible campaña relacionada con CFE; revisar los accesos VPN del fin de semana.';
    await coordinator.trpc.incidents.comment.mutate({ id: incidentId, body });

    expect(await rawGet(sedena, incidentId)).not.toContain('campaña relacionada con CFE');
    const asSedena = await sedena.trpc.incidents.get.query({ id: incidentId });
    // Nothing names the hidden note: no entry, no placeholder, no count.
    expect(asSedena.timeline.filter((e) => e.kind === 'comment')).toEqual([]);

    expect(await rawGet(semar, incidentId)).toContain('campaña relacionada con CFE');
    expect(noteOf(await semar.trpc.incidents.get.query({ id: incidentId }), body)).toMatchObject({ kind: 'comment', visibility: 'reporting' });
    expect(noteOf(await admin.trpc.incidents.get.query({ id: incidentId }), body)).toMatchObject({ visibility: 'reporting' });
  });

  it('an `anc` note is read by coordinators and admins only, not by the reporting agency', async () => {
    const body = 'Coincide con un reporte TLP:RED de otra dependencia; no comunicar todavía.';
    await coordinator.trpc.incidents.comment.mutate({ id: incidentId, body, visibility: 'anc' });

    expect(await rawGet(semar, incidentId)).not.toContain('reporte TLP:RED de otra dependencia');
    expect(await rawGet(sedena, incidentId)).not.toContain('reporte TLP:RED de otra dependencia');
    expect(noteOf(await coordinator.trpc.incidents.get.query({ id: incidentId }), body)).toMatchObject({ visibility: 'anc' });
    expect(noteOf(await admin.trpc.incidents.get.query({ id: incidentId }), body)).toMatchObject({ visibility: 'anc' });
  });

  it('an `all_readers` note reaches the agency it was shared with', async () => {
    const body = 'Recomendación: bloquear el dominio malicioso en los filtros de correo.';
    await coordinator.trpc.incidents.comment.mutate({ id: incidentId, body, visibility: 'all_readers' });
    expect(noteOf(await sedena.trpc.incidents.get.query({ id: incidentId }), body)).toMatchObject({ visibility: 'all_readers' });
  });

  it('staff cannot write `anc`: FORBIDDEN, nothing written, no audit row', async () => {
    for (const staff of [semar, sedena]) {
      const before = await writtenRows(s.t.db);
      const error = await errorOf(staff.trpc.incidents.comment.mutate({ id: incidentId, body: 'Solo para la ANC, por favor.', visibility: 'anc' }));
      expect(error).toMatchObject({ code: 'FORBIDDEN', reason: 'note_visibility_not_allowed' });
      expect(await writtenRows(s.t.db)).toEqual(before);
    }
    expect(await rawGet(coordinator, incidentId)).not.toContain('Solo para la ANC, por favor.');
  });

  it('a visibility that does not exist is BAD_REQUEST naming the field, and writes nothing', async () => {
    const before = await writtenRows(s.t.db);
    const error = await errorOf(coordinator.trpc.incidents.comment.mutate(unchecked({ id: incidentId, body: 'Nota', visibility: 'everyone' })));
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(['visibility']);
    expect(await writtenRows(s.t.db)).toEqual(before);
  });

  it('staff of a shared-with agency write `all_readers` by default (docs/API.md): every reader reads it', async () => {
    const body = 'En SEDENA vimos los mismos intentos de acceso desde la red externa.';
    await sedena.trpc.incidents.comment.mutate({ id: incidentId, body });
    expect(noteOf(await sedena.trpc.incidents.get.query({ id: incidentId }), body)).toMatchObject({ visibility: 'all_readers' });
    expect(noteOf(await semar.trpc.incidents.get.query({ id: incidentId }), body)).toMatchObject({ visibility: 'all_readers' });
    expect(noteOf(await coordinator.trpc.incidents.get.query({ id: incidentId }), body)).toMatchObject({ visibility: 'all_readers' });
  });

  it('staff of a shared-with agency may keep a note to the reporting agency and the ANC', async () => {
    const body = 'Solo para SEMAR y la ANC: el equipo comprometido es de un proveedor común.';
    await sedena.trpc.incidents.comment.mutate({ id: incidentId, body, visibility: 'reporting' });
    expect(noteOf(await sedena.trpc.incidents.get.query({ id: incidentId }), body)).toMatchObject({ visibility: 'reporting' });
    expect(noteOf(await semar.trpc.incidents.get.query({ id: incidentId }), body)).toMatchObject({ visibility: 'reporting' });
  });
});

describe('step reasons and statusReason', () => {
  it('the reason of a step is `reporting` by default: the shared-with agency sees the step, not its reason', async () => {
    const reason = 'Se descarta que la fuente sea un proveedor de CFE; se pide evidencia adicional.';
    await coordinator.trpc.incidents.transition.mutate({ id: incidentId, version: await version(incidentId), to: 'triaged', reason });

    const sedenaRaw = await rawGet(sedena, incidentId);
    expect(sedenaRaw).not.toContain('proveedor de CFE');
    const asSedena = await sedena.trpc.incidents.get.query({ id: incidentId });
    expect(asSedena.status).toBe('triaged');
    expect(asSedena.statusReason).toBeNull();
    expect(asSedena.timeline.find((e) => e.kind === 'status')).toMatchObject({ body: null, visibility: null, data: { from: 'submitted', to: 'triaged' } });

    const asSemar = await semar.trpc.incidents.get.query({ id: incidentId });
    expect(asSemar.statusReason).toBe(reason);
    expect(asSemar.timeline.find((e) => e.kind === 'status')).toMatchObject({ body: reason, visibility: 'reporting' });
  });

  it('an `anc` reason (a rejection too) is hidden from the reporting agency, statusReason included', async () => {
    const reason = 'Duplicado de un reporte TLP:RED que no puede nombrarse.';
    await coordinator.trpc.incidents.transition.mutate({ id: incidentId, version: await version(incidentId), to: 'rejected', reason, visibility: 'anc' });

    for (const staff of [semar, sedena]) {
      expect(await rawGet(staff, incidentId)).not.toContain('no puede nombrarse');
      const detail = await staff.trpc.incidents.get.query({ id: incidentId });
      expect(detail.status).toBe('rejected');
      expect(detail.statusReason).toBeNull();
    }
    const asAdmin = await admin.trpc.incidents.get.query({ id: incidentId });
    expect(asAdmin.statusReason).toBe(reason);
    expect(asAdmin.timeline.find((e) => e.kind === 'status')).toMatchObject({ body: reason, visibility: 'anc' });
  });

  it('an `all_readers` reason reaches the shared-with agency; the answer to the transition itself follows the rule', async () => {
    const reason = 'Se confirmó el alcance; las dependencias pueden aplicar los indicadores.';
    const answer = await coordinator.trpc.incidents.transition.mutate({
      id: incidentId,
      version: await version(incidentId),
      to: 'triaged',
      reason,
      visibility: 'all_readers',
    });
    expect(answer.statusReason).toBe(reason);
    expect((await sedena.trpc.incidents.get.query({ id: incidentId })).statusReason).toBe(reason);
  });

  it('a step without a reason is seen by every reader', async () => {
    await coordinator.trpc.incidents.transition.mutate({ id: incidentId, version: await version(incidentId), to: 'triaged' });
    const asSedena = await sedena.trpc.incidents.get.query({ id: incidentId });
    expect(asSedena.timeline.find((e) => e.kind === 'status')).toMatchObject({ body: null, data: { to: 'triaged' } });
  });
});
