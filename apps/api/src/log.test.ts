// Production logs keep no personal data from a failed query: the values travel in the drizzle
// error's message and `params`, the driver error's `parameters`/`params` and PostgreSQL's
// `detail`. Checked with a real failed query on this run's database (PGlite, or PostgreSQL when
// ANC_TEST_PG_URL is set), written through the server's own logger.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@anc/db';
import { createTestDatabase, type TestDatabase } from '@anc/db/testing';
import { seedReferenceData } from '@anc/db';
import { testEnv } from './env.ts';
import { serializeError } from './log.ts';
import { present } from './testing/raw.ts';
import { createServer } from './server.ts';

const EMAIL = 'maria.lopez.privada@sedena.gob.mx';
const NAME = 'María López Privada';
let t: TestDatabase;
let failure: unknown;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedReferenceData(t.db);
  const [agency] = await t.db.query.agencies.findMany({ limit: 1 });
  const row = { email: EMAIL, name: NAME, role: 'staff' as const, agencyId: present(agency, 'an agency').id, passwordHash: 'x' };
  await t.db.insert(users).values(row);
  failure = await t.db
    .insert(users)
    .values(row) // the same e-mail again: a unique violation
    .then(
      () => null,
      (err: unknown) => err,
    );
});
afterAll(async () => t.close());

async function logged(nodeEnv: 'production' | 'development'): Promise<string> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const env = testEnv({ NODE_ENV: nodeEnv, LOG_LEVEL: 'error', PUBLIC_ORIGIN: 'https://portal.anc.gob.mx' });
  const server = createServer({ database: t, env, logStream: stream });
  await server.app.ready();
  server.app.log.error({ err: failure }, 'procedure failed');
  await server.app.close();
  return Buffer.concat(chunks).toString('utf8');
}

describe('a failed query in the log', () => {
  it('carries its values where the drivers put them (what the redaction must remove)', () => {
    expect(failure).toBeInstanceOf(Error);
    expect(JSON.stringify(serializeError(failure, false))).toContain(EMAIL);
  });

  it('keeps no value in production, but keeps what a person debugging needs', async () => {
    const line = await logged('production');
    expect(line).toContain('procedure failed');
    expect(line).not.toContain(EMAIL);
    expect(line).not.toContain(NAME);
    expect(line).not.toContain('maria.lopez');
    expect(line).toContain('insert into'); // the statement, with placeholders only
    expect(line).toContain('users_email_unique');
    expect(line).toContain('23505'); // the SQLSTATE of the unique violation
  });

  it('keeps the values outside production, where the data is a developer’s own', async () => {
    expect(await logged('development')).toContain(EMAIL);
  });
});
