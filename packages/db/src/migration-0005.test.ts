// Migration 0005 (drizzle/0005_note_visibility.sql) on a database that already has a timeline:
// the migrations before it are applied from a copy of the folder that stops at 0004, a timeline
// is written the way the release before wrote it, then the real folder is applied.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, createDb, newPglite, rowsOf, type Database } from './client.ts';

const BEFORE = '0005_note_visibility';

/** The migrations folder as the release before shipped it: every migration before 0005. */
function folderBefore(): string {
  const dir = mkdtempSync(join(tmpdir(), 'anc-migrations-'));
  mkdirSync(join(dir, 'meta'));
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag === BEFORE);
  if (cut < 0) throw new Error(`${BEFORE} is not in the journal`);
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) copyFileSync(join(MIGRATIONS_FOLDER, `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
  return dir;
}

let database: Database;
let old = '';
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  old = folderBefore();
  const serverUrl = process.env.ANC_TEST_PG_URL;
  if (serverUrl) {
    const name = `anc_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const oneOff = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await migratePostgres(drizzlePostgres(oneOff, { casing: 'snake_case' }), { migrationsFolder: old });
    await oneOff.end();
    database = createDb({ url: url.toString(), max: 2 });
    cleanup = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    const pg = newPglite();
    await migratePglite(drizzlePglite(pg, { casing: 'snake_case' }), { migrationsFolder: old });
    database = createDb({ pglite: pg });
  }
});
afterAll(async () => {
  await database?.close();
  await cleanup();
  rmSync(old, { recursive: true, force: true });
});

describe('migration 0005: note visibility', () => {
  it('keeps comments and step reasons written before it to the ANC and the reporting agency; the rest stays for every reader', async () => {
    const { db } = database;
    const one = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q))[0] as T;
    const agency = await one<{ id: string }>(
      sql`insert into agencies (code, name, name_en, kind) values ('SEMAR', 'Secretaría de Marina', 'Ministry of the Navy', 'federal_ministry') returning id`,
    );
    const user = await one<{ id: string }>(
      sql`insert into users (email, name, role, agency_id, password_hash) values ('enlace@semar.gob.mx', 'Enlace', 'staff', ${agency.id}, 'x') returning id`,
    );
    const incident = await one<{ id: string }>(sql`
      insert into incidents (reference, agency_id, reporter_id, title, description, rsit_class, severity, tlp, detected_at, aware_at, personal_data, critical_service, cross_border)
      values ('INC-2026-000001', ${agency.id}, ${user.id}, 'Intrusión', 'Descripción', 'intrusions', 2, 'AMBER', now(), now(), false, false, false) returning id`);
    const events: [string, string | null][] = [
      ['created', null],
      ['comment', 'Posible campaña relacionada con CFE'],
      ['status', 'Se descarta el proveedor'],
      ['status', null],
      ['shared', null],
      ['report', 'Notificación del incidente'],
    ];
    for (const [kind, body] of events) {
      await db.execute(sql`insert into incident_events (incident_id, actor_id, kind, body) values (${incident.id}, ${user.id}, ${kind}, ${body})`);
    }

    await database.migrate();

    const rows = rowsOf<{ kind: string; body: string | null; visibility: string }>(
      await db.execute(sql`select kind, body, visibility from incident_events where incident_id = ${incident.id} order by id`),
    );
    expect(rows.map((r) => [r.kind, r.body === null ? 'no text' : 'text', r.visibility])).toEqual([
      ['created', 'no text', 'all_readers'],
      ['comment', 'text', 'reporting'],
      ['status', 'text', 'reporting'],
      ['status', 'no text', 'all_readers'],
      ['shared', 'no text', 'all_readers'],
      ['report', 'text', 'all_readers'],
    ]);
    // The column refuses what is not a visibility.
    const refused = await db
      .execute(sql`insert into incident_events (incident_id, actor_id, kind, visibility) values (${incident.id}, ${user.id}, 'comment', 'everyone')`)
      .then(
        () => null,
        (e: unknown) => e as Error & { cause?: Error },
      );
    expect(`${refused?.message} ${refused?.cause?.message}`).toContain('incident_events_visibility_check');
  });
});
