// Evidence files over real HTTP (docs/API.md "Evidence files"; modules/files/): bytes in = bytes
// out, the limits, duplicates, how a file is served, an upload cut off half-way, removal, and the
// readers of a file. Runs on PGlite, and on PostgreSQL with ANC_TEST_PG_URL.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, evidenceFileChunks, evidenceFiles } from '@anc/db';
import { FILE_CHUNK_BYTES, MAX_FILE_BYTES, MAX_FILES_PER_PARENT } from '@anc/domain';
import { createTestApiClient } from '../../testing/api-clients.ts';
import {
  downloadFrom,
  interruptedUpload,
  openTransactionsElsewhere,
  sha256Hex,
  storageCounts,
  uniqueBytes,
  uploadTo,
  type Credentials,
} from '../../testing/files.ts';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, auditCount, validIncident, type Client } from '../../testing/incidents.ts';
import { present } from '../../testing/raw.ts';
import { validTask } from '../../testing/tasks.ts';

const MiB = 1024 * 1024;

let s: TestServer;
let sedena: Client;
let semar: Client;
let sspc: Client;
let coordinator: Client;
const as = (c: Client): Credentials => ({ cookie: c.jar.header() });

/** A SEDENA AMBER report shared with SEMAR by name. */
async function sharedIncident(title = 'Ransomware en servidores de nómina') {
  const created = await sedena.trpc.incidents.create.mutate(validIncident({ tlp: 'AMBER', title }));
  await coordinator.trpc.incidents.share.mutate({ id: created.id, agencyIds: [await agencyIdOf(s.t.db, 'SEMAR')] });
  return created;
}

beforeAll(async () => {
  s = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  sedena = await signedIn(s.url, DEMO.sedena);
  semar = await signedIn(s.url, DEMO.semar);
  sspc = await signedIn(s.url, 'enlace@sspc.gob.mx');
  coordinator = await signedIn(s.url, DEMO.coordinator);
}, 60_000);
afterAll(() => s.close());

describe('bytes in = bytes out', () => {
  it.each([
    ['0 B', 0],
    ['1 B', 1],
    ['1 MiB', MiB],
    ['25 MiB', MAX_FILE_BYTES],
  ])(
    '%s: the same bytes, size and SHA-256 come back, in 256 KiB rows',
    async (_label, size) => {
      const incident = await sharedIncident();
      const bytes = uniqueBytes(size);
      const up = await uploadTo(s.url, `incidents/${incident.id}`, as(sedena), { bytes, name: `evidencia-${size}.bin` });
      expect({ status: up.status, size: up.file?.size, sha256: up.file?.sha256, duplicate: up.file?.duplicate }).toEqual({
        status: 201,
        size,
        sha256: sha256Hex(bytes),
        duplicate: false,
      });
      const id = present(up.file, 'the upload').id;
      const chunks = await s.t.db.select({ seq: evidenceFileChunks.seq }).from(evidenceFileChunks).where(eq(evidenceFileChunks.fileId, id));
      expect(chunks.length).toBe(Math.ceil(size / FILE_CHUNK_BYTES));
      const down = await downloadFrom(s.url, id, as(semar));
      expect({ status: down.status, length: down.headers.get('content-length'), sha256: sha256Hex(down.bytes) }).toEqual({
        status: 200,
        length: String(size),
        sha256: sha256Hex(bytes),
      });
      expect(down.bytes.equals(bytes)).toBe(true);
    },
    60_000,
  );
});

describe('the limits', () => {
  it('25 MiB + 1 B is refused with 413 and nothing is stored', async () => {
    const incident = await sharedIncident();
    const before = { storage: await storageCounts(s.t.db), audit: await auditCount(s.t.db) };
    const up = await uploadTo(s.url, `incidents/${incident.id}`, as(sedena), { bytes: uniqueBytes(MAX_FILE_BYTES + 1), name: 'demasiado.bin' });
    expect({ status: up.status, reason: up.reason }).toEqual({ status: 413, reason: 'file_too_large' });
    expect({ storage: await storageCounts(s.t.db), audit: await auditCount(s.t.db) }).toEqual(before);
  }, 60_000);

  it('the 51st file of an incident is refused (422) and nothing is stored', async () => {
    const incident = await sharedIncident();
    for (let i = 0; i < MAX_FILES_PER_PARENT; i++) {
      const up = await uploadTo(s.url, `incidents/${incident.id}`, as(sedena), { bytes: uniqueBytes(64), name: `registro-${i}.log` });
      expect(up.status).toBe(201);
    }
    const before = await storageCounts(s.t.db);
    const up = await uploadTo(s.url, `incidents/${incident.id}`, as(sedena), { bytes: uniqueBytes(64), name: 'uno-mas.log' });
    expect({ status: up.status, reason: up.reason }).toEqual({ status: 422, reason: 'too_many_files' });
    expect(await storageCounts(s.t.db)).toEqual(before);
    expect((await sedena.trpc.incidents.get.query({ id: incident.id })).attachments).toHaveLength(MAX_FILES_PER_PARENT);
  }, 120_000);

  it('the same bytes twice are stored once: the second upload answers the first file', async () => {
    const incident = await sharedIncident();
    const bytes = uniqueBytes(300 * 1024);
    const first = await uploadTo(s.url, `incidents/${incident.id}`, as(sedena), { bytes, name: 'nota-de-rescate.txt', type: 'text/plain' });
    const before = await storageCounts(s.t.db);
    const again = await uploadTo(s.url, `incidents/${incident.id}`, as(coordinator), { bytes, name: 'copia.txt' });
    expect({ status: again.status, id: again.file?.id, name: again.file?.name, duplicate: again.file?.duplicate }).toEqual({
      status: 200,
      id: first.file?.id,
      name: 'nota-de-rescate.txt',
      duplicate: true,
    });
    expect(await storageCounts(s.t.db)).toEqual(before);
    // On another incident the same bytes are another file.
    const other = await sharedIncident('Otro incidente');
    expect((await uploadTo(s.url, `incidents/${other.id}`, as(sedena), { bytes, name: 'nota-de-rescate.txt' })).status).toBe(201);
  });
});

describe('how a file is served', () => {
  it.each([
    ['HTML', 'pagina.html', 'text/html', '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>'],
    ['SVG', 'logo.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
  ])('%s is downloaded as an attachment, never inline: nosniff, sandbox, no-store, octet-stream', async (_label, name, type, text) => {
    const incident = await sharedIncident();
    const up = await uploadTo(s.url, `incidents/${incident.id}`, as(sedena), { bytes: Buffer.from(text), name, type });
    const down = await downloadFrom(s.url, present(up.file, 'the upload').id, as(sedena));
    expect({
      status: down.status,
      type: down.headers.get('content-type'),
      disposition: down.headers.get('content-disposition'),
      nosniff: down.headers.get('x-content-type-options'),
      csp: down.headers.get('content-security-policy'),
      cache: down.headers.get('cache-control'),
      text: down.text,
    }).toEqual({
      status: 200,
      type: 'application/octet-stream',
      disposition: `attachment; filename="${name}"`,
      nosniff: 'nosniff',
      csp: 'sandbox',
      cache: 'no-store',
      text,
    });
  });

  it('the original name goes out RFC 6266-encoded (an ASCII fallback and the UTF-8 name), the declared and sniffed types are kept', async () => {
    const incident = await sharedIncident();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n'), uniqueBytes(64)]);
    const up = await uploadTo(s.url, `incidents/${incident.id}`, as(sedena), { bytes: pdf, name: 'Captura de la regla — año 2026.pdf', type: 'text/html' });
    expect({ name: up.file?.name, contentType: up.file?.contentType }).toEqual({ name: 'Captura de la regla — año 2026.pdf', contentType: 'application/pdf' });
    const down = await downloadFrom(s.url, present(up.file, 'the upload').id, as(sedena));
    expect({ type: down.headers.get('content-type'), disposition: down.headers.get('content-disposition') }).toEqual({
      type: 'application/pdf',
      disposition: `attachment; filename="Captura de la regla _ ano 2026.pdf"; filename*=UTF-8''Captura%20de%20la%20regla%20%E2%80%94%20a%C3%B1o%202026.pdf`,
    });
    const listed = (await sedena.trpc.incidents.get.query({ id: incident.id })).attachments;
    expect(
      listed.map((a) => ({ name: a.name, contentType: a.contentType, declared: a.declaredContentType, by: a.uploadedBy.agencyCode, canRemove: a.canRemove })),
    ).toEqual([{ name: 'Captura de la regla — año 2026.pdf', contentType: 'application/pdf', declared: 'text/html', by: 'SEDENA', canRemove: true }]);
    expect((await semar.trpc.incidents.get.query({ id: incident.id })).attachments.map((a) => a.canRemove)).toEqual([false]);
  });
});

describe('the STIX export', () => {
  it('describes each file as a `file` object with its SHA-256, never its content', async () => {
    const incident = await sharedIncident();
    const bytes = Buffer.from('contenido secreto de la evidencia');
    await uploadTo(s.url, `incidents/${incident.id}`, as(sedena), { bytes, name: 'correo-phishing.eml' });
    const res = await fetch(`${s.url}/export/incidents/${incident.id}/stix.json`, { headers: { cookie: sedena.jar.header() } });
    const text = await res.text();
    const files = (JSON.parse(text) as { objects: { type: string; name?: string; hashes?: Record<string, string>; size?: number }[] }).objects.filter(
      (o) => o.name === 'correo-phishing.eml',
    );
    expect(files.map((f) => ({ type: f.type, hashes: f.hashes, size: f.size }))).toEqual([
      { type: 'file', hashes: { 'SHA-256': sha256Hex(bytes) }, size: bytes.length },
    ]);
    expect(text).not.toContain('contenido secreto');
  });
});

describe('an upload cut off half-way', () => {
  it('leaves no row and no bytes when the client destroys the socket mid-body', async () => {
    const incident = await sharedIncident();
    const before = { storage: await storageCounts(s.t.db), audit: await auditCount(s.t.db) };
    let openMidway = -1;
    await interruptedUpload(s.url, `incidents/${incident.id}`, as(sedena), {
      declaredBytes: 24 * MiB,
      // More than loopback's socket buffers hold: the server has read (and written) a good part of it.
      sendBytes: 16 * MiB,
      midway: async () => {
        openMidway = await openTransactionsElsewhere(s.t);
      },
    });
    // On PostgreSQL the upload's transaction was open when the socket went; wait for its rollback.
    for (let i = 0; i < 500 && (await openTransactionsElsewhere(s.t)) > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(openMidway).toBe(s.t.kind === 'postgres' ? 1 : 0);
    expect({ storage: await storageCounts(s.t.db), audit: await auditCount(s.t.db) }).toEqual(before);
    // The incident takes the next upload as usual.
    expect((await uploadTo(s.url, `incidents/${incident.id}`, as(sedena), { bytes: uniqueBytes(10), name: 'despues.txt' })).status).toBe(201);
  }, 60_000);
});

describe('who may upload, download and remove', () => {
  it('readers download, everyone else gets the 404 a missing or malformed id gets; every download is audited', async () => {
    const incident = await sharedIncident();
    const bytes = uniqueBytes(2048);
    const up = await uploadTo(s.url, `incidents/${incident.id}`, as(sedena), { bytes, name: 'bitacora.log' });
    const id = present(up.file, 'the upload').id;
    expect(
      await s.t.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, incident.id), eq(auditEvents.action, 'incident.uploadFile'))),
    ).toHaveLength(1);
    const downloads = async () =>
      (
        await s.t.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.entityId, incident.id), eq(auditEvents.action, 'file.download')))
      ).length;
    const semarDown = await downloadFrom(s.url, id, as(semar));
    expect({ status: semarDown.status, sha256: sha256Hex(semarDown.bytes) }).toEqual({ status: 200, sha256: sha256Hex(bytes) });
    expect(await downloads()).toBe(1);
    const hidden = await downloadFrom(s.url, id, as(sspc));
    const missing = await downloadFrom(s.url, crypto.randomUUID(), as(sspc));
    const garbage = await downloadFrom(s.url, 'no-es-un-id', as(sspc));
    expect({ status: hidden.status, reason: hidden.reason }).toEqual({ status: 404, reason: 'not_found' });
    expect([missing.status, missing.text, garbage.status, garbage.text]).toEqual([hidden.status, hidden.text, hidden.status, hidden.text]);
    expect((await downloadFrom(s.url, id, {})).status).toBe(401);
    expect(await downloads()).toBe(1);
  });

  it('a HEAD answers the download’s headers without its bytes and is not audited as a download; an outsider gets 404', async () => {
    const incident = await sharedIncident();
    const bytes = uniqueBytes(3000);
    const id = present((await uploadTo(s.url, `incidents/${incident.id}`, as(sedena), { bytes, name: 'captura-regla.png' })).file, 'the upload').id;
    const downloads = async () =>
      (
        await s.t.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.entityId, incident.id), eq(auditEvents.action, 'file.download')))
      ).length;
    const head = (who: Client) => fetch(`${s.url}/files/${id}`, { method: 'HEAD', headers: { cookie: who.jar.header() } });
    const semarHead = await head(semar);
    expect({
      status: semarHead.status,
      length: semarHead.headers.get('content-length'),
      disposition: semarHead.headers.get('content-disposition'),
      nosniff: semarHead.headers.get('x-content-type-options'),
      sha256: semarHead.headers.get('x-evidence-sha256'),
      body: (await semarHead.arrayBuffer()).byteLength,
    }).toEqual({
      status: 200,
      length: String(bytes.length),
      disposition: 'attachment; filename="captura-regla.png"',
      nosniff: 'nosniff',
      sha256: sha256Hex(bytes),
      body: 0,
    });
    expect((await head(sspc)).status).toBe(404);
    expect(await downloads()).toBe(0);
    expect((await downloadFrom(s.url, id, as(semar))).status).toBe(200);
    expect(await downloads()).toBe(1);
  });

  it('only who may add observables uploads; a session upload from another origin is refused', async () => {
    const incident = await sharedIncident();
    const file = { bytes: uniqueBytes(100), name: 'x.bin' };
    const before = await storageCounts(s.t.db);
    expect((await uploadTo(s.url, `incidents/${incident.id}`, as(semar), file)).reason).toBe('role_not_allowed');
    const outsider = await uploadTo(s.url, `incidents/${incident.id}`, as(sspc), file);
    expect({ status: outsider.status, reason: outsider.reason }).toEqual({ status: 404, reason: 'not_found' });
    expect((await uploadTo(s.url, `incidents/${incident.id}`, { cookie: sedena.jar.header(), origin: 'https://evil.example' }, file)).reason).toBe(
      'foreign_origin',
    );
    expect((await uploadTo(s.url, `incidents/${incident.id}`, { cookie: sedena.jar.header(), origin: null }, file)).reason).toBe('foreign_origin');
    expect((await uploadTo(s.url, `incidents/no-es-un-id`, as(sedena), file)).status).toBe(404);
    expect(await storageCounts(s.t.db)).toEqual(before);
    expect((await uploadTo(s.url, `incidents/${incident.id}`, as(coordinator), file)).status).toBe(201);
  });

  it('an API client with incidents:write uploads to its agency’s incident and downloads with incidents:read; never a task', async () => {
    const incident = await sharedIncident();
    const writer = await createTestApiClient(s.t.db, { agencyCode: 'SEDENA', scopes: ['incidents:read', 'incidents:write'] });
    const reader = await createTestApiClient(s.t.db, { agencyCode: 'SEDENA', scopes: ['incidents:read'] });
    const bytes = uniqueBytes(5000);
    const up = await uploadTo(s.url, `incidents/${incident.id}`, { authorization: `Bearer ${writer.token}` }, { bytes, name: 'alerta-siem.json' });
    expect(up.status).toBe(201);
    expect((await uploadTo(s.url, `incidents/${incident.id}`, { authorization: `Bearer ${reader.token}` }, { bytes: uniqueBytes(9), name: 'y' })).reason).toBe(
      'scope_missing',
    );
    expect(sha256Hex((await downloadFrom(s.url, present(up.file, 'the upload').id, { authorization: `Bearer ${reader.token}` })).bytes)).toBe(sha256Hex(bytes));
    const task = await coordinator.trpc.tasks.create.mutate(validTask(await agencyIdOf(s.t.db, 'SEDENA'), { incidentId: incident.id }));
    expect((await uploadTo(s.url, `tasks/${task.id}`, { authorization: `Bearer ${writer.token}` }, { bytes: uniqueBytes(9), name: 'y' })).reason).toBe(
      'scope_missing',
    );
  });

  it('the uploader’s agency or a coordinator removes a file, audited, and its bytes go with it', async () => {
    const incident = await sharedIncident();
    const a = present((await uploadTo(s.url, `incidents/${incident.id}`, as(sedena), { bytes: uniqueBytes(600 * 1024), name: 'a.bin' })).file, 'a');
    const b = present((await uploadTo(s.url, `incidents/${incident.id}`, as(coordinator), { bytes: uniqueBytes(10), name: 'b.bin' })).file, 'b');
    expect((await errorOf(semar.trpc.incidents.removeAttachment.mutate({ id: incident.id, attachmentId: a.id }))).reason).toBe('file_remove_not_allowed');
    expect((await errorOf(sedena.trpc.incidents.removeAttachment.mutate({ id: incident.id, attachmentId: b.id }))).reason).toBe('file_remove_not_allowed');
    const other = await sharedIncident('Otro');
    expect((await errorOf(sedena.trpc.incidents.removeAttachment.mutate({ id: other.id, attachmentId: a.id }))).reason).toBe('not_found');
    await sedena.trpc.incidents.removeAttachment.mutate({ id: incident.id, attachmentId: a.id });
    await coordinator.trpc.incidents.removeAttachment.mutate({ id: incident.id, attachmentId: b.id });
    expect(await s.t.db.select().from(evidenceFiles).where(eq(evidenceFiles.incidentId, incident.id))).toEqual([]);
    expect(await s.t.db.select({ seq: evidenceFileChunks.seq }).from(evidenceFileChunks).where(eq(evidenceFileChunks.fileId, a.id))).toEqual([]);
    expect(
      await s.t.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, incident.id), eq(auditEvents.action, 'incident.removeAttachment'))),
    ).toHaveLength(2);
    expect((await downloadFrom(s.url, a.id, as(sedena))).status).toBe(404);
    expect((await errorOf(sedena.trpc.incidents.removeAttachment.mutate({ id: incident.id, attachmentId: a.id }))).reason).toBe('not_found');
  });

  it('a task’s files: the assignee agency and the ANC upload, read and remove; another agency gets 404', async () => {
    const task = await coordinator.trpc.tasks.create.mutate(
      validTask(await agencyIdOf(s.t.db, 'SEDENA'), { title: 'Adjunta la captura de la regla del firewall' }),
    );
    const bytes = uniqueBytes(1234);
    const up = await uploadTo(s.url, `tasks/${task.id}`, as(sedena), { bytes, name: 'regla-firewall.png' });
    expect(up.status).toBe(201);
    const id = present(up.file, 'the upload').id;
    expect((await sedena.trpc.tasks.get.query({ id: task.id })).attachments.map((a) => a.sha256)).toEqual([sha256Hex(bytes)]);
    expect((await downloadFrom(s.url, id, as(coordinator))).status).toBe(200);
    expect((await downloadFrom(s.url, id, as(semar))).status).toBe(404);
    expect((await uploadTo(s.url, `tasks/${task.id}`, as(semar), { bytes: uniqueBytes(5), name: 'z' })).status).toBe(404);
    await sedena.trpc.tasks.removeAttachment.mutate({ id: task.id, attachmentId: id });
    expect((await sedena.trpc.tasks.get.query({ id: task.id })).attachments).toEqual([]);
  });
});
