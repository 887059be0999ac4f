// Process entry: env → database → migrations and seed → server; clean shutdown on SIGTERM/SIGINT.
import { createDb } from '@anc/db';
import { prepareDatabase } from './bootstrap.ts';
import { DEFAULT_DEMO_PASSWORD, loadEnv, type Env } from './env.ts';
import { createServer } from './server.ts';

let env: Env;
try {
  env = loadEnv();
} catch (err) {
  // Before the logger exists: one plain line on stderr saying what to set.
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
const database = createDb({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
const server = createServer({ database, env });
const log = server.app.log;

try {
  await prepareDatabase(database, env, log);
  const port = await server.start();
  log.info(
    { port, database: database.kind, portal: server.servesPortal, demo: env.DEMO_SEED },
    `ANC portal listening on http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${port}`,
  );
  if (env.DEMO_SEED) {
    log.info(
      {},
      `demo accounts (admin@anc.gob.mx, coordinacion@anc.gob.mx, one staff account per agency): README.md, section "Demo accounts"; password: ${env.DEMO_PASSWORD === DEFAULT_DEMO_PASSWORD ? 'the one given there' : 'DEMO_PASSWORD'}`,
    );
  }
  if (!server.servesPortal) log.warn({ dist: env.PORTAL_DIST }, 'portal not built: only the API is served');
} catch (err) {
  log.fatal({ err }, 'failed to start');
  await database.close().catch(() => {});
  process.exit(1);
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  try {
    await server.stop();
    await database.close();
    process.exit(0);
  } catch (err) {
    log.error({ err }, 'unclean shutdown');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
