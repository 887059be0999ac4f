// `pnpm db:migrate`: applies the committed migrations to DATABASE_URL, or to the PGlite folder.
import { createDb } from '../client.ts';

const database = createDb({ url: process.env.DATABASE_URL, pgliteDir: process.env.PGLITE_DIR ?? '../../.data/pglite' });
await database.migrate();
await database.close();
console.log(`migrations applied (${database.kind})`);
