import { hashPassword, passwordProblem } from '@anc/auth';
import {
  SEED_LOCK_KEY,
  getAgencyByCode,
  getUserByEmail,
  insertUser,
  seedDemoAdvisories,
  seedDemoData,
  seedDemoDirectory,
  seedDemoIncidents,
  seedDemoPlan,
  seedDemoPlaybooks,
  seedDemoTasks,
  seedReferenceData,
  writeAudit,
  type Database,
} from '@anc/db';
import { ANC_AGENCY_CODE, CreateUserInput, localizeIssue, messageFor } from '@anc/domain';
import type { Env } from './env.ts';
import { seedDemoFiles } from './modules/files/demo-files.ts';
import { passwordUserInputs } from './modules/users/check-password.ts';

interface Logger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
}

/**
 * Migrations, then the reference data every deployment needs, then (if asked) the demo data.
 * The seed runs under an advisory lock (SEED_LOCK_KEY, packages/db/src/client.ts): of several
 * processes starting together on an empty database one seeds, the others wait, then find every
 * seeded row there and add nothing (each seed step is idempotent).
 */
export async function prepareDatabase(database: Database, env: Env, log: Logger): Promise<void> {
  await database.migrate();
  const passwordHash = env.DEMO_SEED ? await hashPassword(env.DEMO_PASSWORD) : null;
  await database.withLock(SEED_LOCK_KEY, async () => {
    await seedReferenceData(database.db);
    if (passwordHash === null) return;
    const result = await seedDemoData(database.db, { passwordHash });
    const demoIncidents = await seedDemoIncidents(database.db);
    const demoPlan = await seedDemoPlan(database.db);
    // After the incidents and the plan: demo tasks link to both.
    const demoTasks = await seedDemoTasks(database.db);
    const demoDirectory = await seedDemoDirectory(database.db);
    const demoPlaybooks = await seedDemoPlaybooks(database.db);
    const demoAdvisories = await seedDemoAdvisories(database.db);
    // After the tasks: through the upload use case, as the assignee agencies' liaisons.
    const demoFiles = await seedDemoFiles(database.db);
    const added = { ...result, ...demoIncidents, ...demoPlan, ...demoTasks, ...demoDirectory, ...demoPlaybooks, ...demoAdvisories, ...demoFiles };
    log.info(added, seedSummary(added));
  });
  if (env.DEMO_SEED_REFUSED) {
    log.warn({}, 'DEMO_SEED ignored: demo accounts are never seeded when NODE_ENV=production');
  }
}

/**
 * The start-up line about the demo seed: what this start added (an empty database gets it all), or
 * that everything was already there. Each seed step adds only what is missing.
 */
export function seedSummary(added: Record<string, number>): string {
  const parts = Object.entries(added)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${what === 'users' ? 'accounts' : what}`);
  return parts.length ? `demo data seeded: ${parts.join(', ')}` : 'demo data already present: nothing added';
}

/**
 * The first administrator of a deployment without demo data (see cli/create-admin.ts).
 * Same rules as an admin-created account: ANC agency, strong password, audited.
 */
export async function createFirstAdmin(database: Database, input: { email: string; name: string; password: string }) {
  const parsed = CreateUserInput.safeParse({ ...input, role: 'admin', agencyId: '00000000-0000-4000-8000-000000000000' });
  if (!parsed.success) {
    const problems = parsed.error.issues.filter((i) => i.path[0] !== 'agencyId');
    if (problems.length) throw new Error(problems.map((i) => `${i.path.join('.')}: ${localizeIssue(i, 'en')}`).join('\n'));
  }
  const problem = passwordProblem(input.password, await passwordUserInputs(database.db, [input.email, input.name]));
  if (problem) throw new Error(`password: ${messageFor(problem, 'en')}`);
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return database.db.transaction(async (tx) => {
    const anc = await getAgencyByCode(tx, ANC_AGENCY_CODE);
    if (!anc) throw new Error('the ANC agency is missing: run the migrations and reference seed first');
    if (await getUserByEmail(tx, email)) throw new Error(`an account with e-mail ${email} already exists`);
    const user = await insertUser(tx, { email, name: input.name.trim(), role: 'admin', agencyId: anc.id, passwordHash, locale: 'es-MX' });
    await writeAudit(tx, {
      actorId: null,
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      diff: { email: [null, user.email], name: [null, user.name], role: [null, 'admin'], agencyId: [null, anc.id] },
      origin: { source: 'cli' },
    });
    return user;
  });
}
