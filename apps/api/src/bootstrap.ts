import { hashPassword } from '@anc/auth';
import { seedDemoData, seedReferenceData, type Database } from '@anc/db';
import type { Env } from './env.ts';

interface Logger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
}

/** Migrations, then the reference data every deployment needs, then (if asked) the demo data. */
export async function prepareDatabase(database: Database, env: Env, log: Logger): Promise<void> {
  await database.migrate();
  await seedReferenceData(database.db);
  if (env.DEMO_SEED) {
    const result = await seedDemoData(database.db, { passwordHash: await hashPassword(env.DEMO_PASSWORD) });
    log.info(result, 'demo data seeded (existing rows left as they were)');
  } else if (env.DEMO_SEED_REFUSED) {
    log.warn({}, 'DEMO_SEED ignored: demo accounts are never seeded when NODE_ENV=production');
  }
}
