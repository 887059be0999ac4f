// Crash safety: the API as a child process, under a burst of incident creates and transitions,
// is killed with SIGKILL (no shutdown code runs) and started again on the same database. Every
// write it acknowledged (2xx) must be there with its audit row, references stay gapless and the
// audit chain verifies. On an on-disk PGlite always; on PostgreSQL when ANC_TEST_PG_URL is set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBlankPostgresDatabase, createPgliteTestDir } from '@anc/db/testing';
import { DEMO, signedIn } from './testing/http.ts';
import { validIncident, walkList } from './testing/incidents.ts';
import { freePort, spawnApi, stopApi, waitReady, type ApiProcess } from './testing/process.ts';

const serverUrl = process.env.ANC_TEST_PG_URL;
const ROUNDS = 3;
const WORKERS = 6;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.toReversed()) await c();
});

async function start(env: Record<string, string>): Promise<ApiProcess> {
  // DEMO_SEED: the demo accounts to sign in with (a restart finds them and seeds nothing).
  const p = spawnApi({ ...env, DEMO_SEED: '1' }, await freePort());
  cleanups.push(async () => void (await stopApi(p, 'SIGKILL')));
  await waitReady(p);
  return p;
}

const STEPS = ['submitted', 'triaged', 'investigating'] as const;
type Step = (typeof STEPS)[number];

/** What the API acknowledged about one incident: its reference and the last status it confirmed. */
interface Acked {
  reference: string;
  status: Step;
  transitions: number;
}

/**
 * WORKERS loops of create (agency staff) → triage → investigate (coordinator) until the process
 * dies; each answer that came back is recorded. Kills the process with SIGKILL once `killAfter`
 * writes of this burst were acknowledged, while the loops are still sending.
 */
async function burst(p: ApiProcess, acked: Map<string, Acked>, killAfter: number, round: number) {
  const staff = await signedIn(p.url, DEMO.sedena);
  const coordinator = await signedIn(p.url, DEMO.coordinator);
  let acks = 0;
  let dead = false;
  let killed: Promise<number | null> | undefined;
  const ack = () => {
    acks += 1;
    if (acks >= killAfter && !killed) killed = stopApi(p, 'SIGKILL');
  };
  const worker = async (w: number) => {
    for (let i = 0; !dead; i++) {
      try {
        const created = await staff.trpc.incidents.create.mutate(
          validIncident({ title: `Ráfaga ${round}.${w}.${i}: intento de acceso a la VPN institucional` }),
        );
        const entry: Acked = { reference: created.reference, status: 'submitted', transitions: 0 };
        acked.set(created.id, entry);
        ack();
        let version = created.version;
        for (const to of ['triaged', 'investigating'] as const) {
          const moved = await coordinator.trpc.incidents.transition.mutate({ id: created.id, version, to });
          entry.status = to;
          entry.transitions += 1;
          version = moved.version;
          ack();
        }
      } catch {
        // Connection refused or reset: the process is gone, this write was never acknowledged.
        dead = true;
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  expect(killed, 'the burst ended before the kill').toBeDefined();
  expect(await killed).toBeNull(); // killed by the signal, not exited
  return acks;
}

/** After a restart: every acknowledged write is there, with its audit rows; references are gapless; the chain verifies. */
async function check(p: ApiProcess, acked: Map<string, Acked>) {
  const coordinator = await signedIn(p.url, DEMO.coordinator);
  const admin = await signedIn(p.url, DEMO.admin);

  const all = await walkList(coordinator, { limit: 100 });
  const byId = new Map(all.map((i) => [i.id, i]));
  for (const [id, a] of acked) {
    const found = byId.get(id);
    expect(found, `acknowledged incident ${a.reference} is missing`).toBeDefined();
    expect(found?.reference).toBe(a.reference);
    // A later step may have committed without its answer arriving: at least the acknowledged one.
    expect(STEPS.indexOf(found?.status as Step), `${a.reference} is ${found?.status}, ${a.status} was acknowledged`).toBeGreaterThanOrEqual(
      STEPS.indexOf(a.status),
    );
  }

  // Gapless: per prefix and year, the numbers are exactly 1..n (demo incidents included).
  const numbers = new Map<string, number[]>();
  for (const i of all) {
    const m = /^(INC-\d{4})-(\d{6})$/.exec(i.reference);
    expect(m, i.reference).not.toBeNull();
    if (!m?.[1] || !m[2]) continue;
    numbers.set(m[1], [...(numbers.get(m[1]) ?? []), Number(m[2])]);
  }
  for (const [series, ns] of numbers) {
    const sorted = ns.toSorted((a, b) => a - b);
    expect(sorted, `${series} references`).toEqual(sorted.map((_, k) => k + 1));
  }

  // Each acknowledged write committed together with its audit row.
  const audited = new Map<string, { create: number; transition: number }>();
  let cursor: string | undefined;
  do {
    const page = await admin.trpc.admin.audit.list.query({ entityType: 'incident', limit: 100, ...(cursor ? { cursor } : {}) });
    for (const e of page.items) {
      const n = audited.get(e.entityId) ?? { create: 0, transition: 0 };
      if (e.action === 'incident.create') n.create += 1;
      if (e.action === 'incident.transition') n.transition += 1;
      audited.set(e.entityId, n);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  for (const [id, a] of acked) {
    expect(audited.get(id)?.create, `audit row of the creation of ${a.reference}`).toBe(1);
    expect(audited.get(id)?.transition ?? 0, `audit rows of the transitions of ${a.reference}`).toBeGreaterThanOrEqual(a.transitions);
  }

  expect(await admin.trpc.admin.audit.verify.query()).toMatchObject({ ok: true, firstBrokenSeq: null });
}

async function crashRounds(env: Record<string, string>): Promise<{ rounds: number; acknowledged: number }> {
  const acked = new Map<string, Acked>();
  let p = await start(env);
  for (let round = 1; round <= ROUNDS; round++) {
    const before = acked.size;
    // Kill at a different point of the burst each round.
    const acks = await burst(p, acked, 8 + Math.floor(Math.random() * 25), round);
    expect(acks).toBeGreaterThan(0);
    expect(acked.size).toBeGreaterThan(before);
    p = await start(env);
    await check(p, acked);
  }
  expect(await stopApi(p, 'SIGTERM')).toBe(0);
  return { rounds: ROUNDS, acknowledged: acked.size };
}

describe('crash safety: SIGKILL mid-burst, then a restart on the same database', () => {
  it('on an on-disk PGlite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anc-crash-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    // Migrated already (a copy of the test dump): the API opens an existing data folder each time.
    await createPgliteTestDir(join(dir, 'pglite'));
    const { acknowledged } = await crashRounds({ PGLITE_DIR: join(dir, 'pglite') });
    expect(acknowledged).toBeGreaterThanOrEqual(ROUNDS);
  }, 180_000);

  it.skipIf(!serverUrl)(
    'on PostgreSQL',
    async () => {
      if (!serverUrl) return;
      const blank = await createBlankPostgresDatabase(serverUrl);
      cleanups.push(() => blank.drop());
      const { acknowledged } = await crashRounds({ DATABASE_URL: blank.url });
      expect(acknowledged).toBeGreaterThanOrEqual(ROUNDS);
    },
    180_000,
  );
});
