import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, evidenceStorageCounts, users } from '@anc/db';
import { createTestDatabase, type TestDatabase } from '@anc/db/testing';
import { createFirstAdmin, prepareDatabase, seedSummary } from './bootstrap.ts';
import { testEnv } from './env.ts';
import { errorOf, httpClient } from './testing/http.ts';
import { createServer } from './server.ts';

const quiet = { info: () => {}, warn: () => {} };
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

describe('production bootstrap', () => {
  it('never seeds demo accounts (nor demo evidence files) under NODE_ENV=production', async () => {
    const env = testEnv({ NODE_ENV: 'production', DEMO_SEED: '1', PUBLIC_ORIGIN: 'https://portal.example' });
    expect(env.DEMO_SEED).toBe(false);
    await prepareDatabase(t, env, quiet);
    expect(await t.db.select().from(users)).toHaveLength(0);
    expect(await evidenceStorageCounts(t.db)).toEqual({ files: 0, chunks: 0, bytes: 0 });
  });

  it('creates a first admin who can sign in, and refuses a weak password or a second copy', async () => {
    await prepareDatabase(t, testEnv(), quiet);
    await expect(createFirstAdmin(t, { email: 'jefa@anc.gob.mx', name: 'Jefa de Plataforma', password: 'password1234' })).rejects.toThrow(/too common/);
    await expect(createFirstAdmin(t, { email: 'no-es-correo', name: 'Jefa', password: 'x' })).rejects.toThrow(/email/);
    const user = await createFirstAdmin(t, { email: ' Jefa@ANC.gob.mx ', name: 'Jefa de Plataforma', password: 'faro-del-golfo-2026' });
    expect(user).toMatchObject({ email: 'jefa@anc.gob.mx', role: 'admin' });
    await expect(createFirstAdmin(t, { email: 'jefa@anc.gob.mx', name: 'Otra', password: 'faro-del-golfo-2027' })).rejects.toThrow(/already exists/);
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, user.id))).toHaveLength(1);

    const server = createServer({ database: t, env: testEnv() });
    const port = await server.start();
    try {
      const { trpc } = httpClient(`http://127.0.0.1:${port}`);
      expect(await errorOf(trpc.auth.signIn.mutate({ email: 'jefa@anc.gob.mx', password: 'mala-contraseña' }))).toMatchObject({ code: 'UNAUTHORIZED' });
      const { user: me } = await trpc.auth.signIn.mutate({ email: 'jefa@anc.gob.mx', password: 'faro-del-golfo-2026' });
      expect(me?.role).toBe('admin');
    } finally {
      await server.stop();
    }
  });
});

describe('demo seed log', () => {
  it('says what it seeded on an empty database, and that nothing was added on the next start', async () => {
    const lines: string[] = [];
    const log = { info: (_: unknown, msg?: string) => void lines.push(msg ?? ''), warn: () => {} };
    const env = testEnv({ DEMO_SEED: '1' });
    await prepareDatabase(t, env, log);
    await prepareDatabase(t, env, log);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^demo data seeded: \d+ agencies, \d+ accounts, \d+ incidents, \d+ initiatives, \d+ tasks, /);
    expect(lines[1]).toBe('demo data already present: nothing added');
  });

  it('names only what was added', () => {
    expect(seedSummary({ agencies: 0, users: 2, incidents: 0, playbooks: 1 })).toBe('demo data seeded: 2 accounts, 1 playbooks');
    expect(seedSummary({ agencies: 0, users: 0 })).toBe('demo data already present: nothing added');
  });
});
