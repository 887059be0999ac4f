// `pnpm db:migrate`: applies the committed migrations to DATABASE_URL, or to the PGlite folder.
import { createDb } from '../client.ts';
import { loadDbEnv } from '../env.ts';

const env = loadDbEnv();
const database = createDb({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
await database.migrate();
await database.close();
console.log(`migrations applied (${database.kind})`);
