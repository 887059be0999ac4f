// The tasks list's free-text `q` (issue 16): what it finds, and its plan — the trigram index of
// title and reference (EXPLAIN with sequential scans priced out, as in dashboard.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '../client.ts';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { seedDemoData, seedReferenceData } from '../seed.ts';
import { agencies, tasks, users } from '../schema/index.ts';
import { listTaskSummaries, taskTextSearchSql } from './tasks.ts';

let t: TestDatabase;
const coordinator = { role: 'coordinator' as const, agencyId: 'anc', userId: '' };
const WORDS = ['Revisar', 'Actualizar', 'Documentar', 'Parchar', 'Auditar', 'Respaldar', 'Configurar', 'Migrar'];
const THINGS = ['servidores', 'firewall perimetral', 'VPN', 'correo institucional', 'portal ciudadano', 'base de datos'];

beforeAll(async () => {
  t = await createTestDatabase();
  await seedReferenceData(t.db);
  await seedDemoData(t.db, { passwordHash: 'not-a-real-hash' });
  const [agency] = await t.db.select({ id: agencies.id }).from(agencies).limit(1);
  const [creator] = await t.db
    .select({ id: users.id })
    .from(users)
    .where(sql`email = 'coordinacion@anc.gob.mx'`);
  coordinator.userId = creator?.id ?? '';
  // Enough tasks for the planner to weigh an index against the walk of the list's order.
  const rows = Array.from({ length: 3000 }, (_, n) => ({
    reference: `TSK-2025-${String(n + 1).padStart(6, '0')}`,
    title: n === 1234 ? 'Rotar certificados del Zócalo_100% digital' : `${WORDS[n % WORDS.length]} ${THINGS[n % THINGS.length]} ${n}`,
    dueAt: new Date('2026-12-31T00:00:00Z'),
    assigneeAgencyId: agency?.id ?? '',
    creatorId: creator?.id ?? '',
    createdAt: new Date(Date.UTC(2025, 0, 1) + n * 3_600_000),
  }));
  for (let i = 0; i < rows.length; i += 500) await t.db.insert(tasks).values(rows.slice(i, i + 500));
  await t.db.execute(sql`analyze tasks`);
});
afterAll(() => t.close());

const titles = (q: string) => listTaskSummaries(t.db, coordinator, { q, limit: 25 }).then((r) => r.rows.map((row) => row.title));

describe('tasks free-text q', () => {
  it('finds a substring of the title in any case, and of the reference', async () => {
    expect(await titles('CERTIFICADOS del zó')).toEqual(['Rotar certificados del Zócalo_100% digital']);
    expect(await titles('2025-001235')).toEqual(['Rotar certificados del Zócalo_100% digital']);
  });

  it('reads % and _ in q as themselves, not as wildcards', async () => {
    expect(await titles('o_100% d')).toEqual(['Rotar certificados del Zócalo_100% digital']);
    expect(await titles('o%d')).toEqual([]);
  });

  it('is read from the trigram index of title and reference', async () => {
    const p = await plan(
      sql`select t.id from tasks t where ${taskTextSearchSql('certificados')} order by t.created_at desc nulls last, t.id desc nulls last limit 26`,
    );
    expect(p.match(/Bitmap Index Scan on tasks_search_trgm_idx/g)).toHaveLength(2);
    expect(p).not.toMatch(/Seq Scan|tasks_created_at_id_index/);
  });
});

/**
 * The plan with sequential scans and plain index walks priced out: on 3,000 tasks (a few dozen
 * pages) walking the (created_at, id) index and filtering is as cheap as anything; what is asserted
 * is that the trigram index answers `q`. On a large table the planner picks it by itself (README,
 * "Benchmark": tasks.list with q).
 */
async function plan(statement: SQL): Promise<string> {
  return t.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local enable_indexscan = off`);
    const rows = rowsOf<Record<string, string>>(await tx.execute(sql`explain ${statement}`));
    return rows.map((r) => Object.values(r)[0]).join('\n');
  });
}
