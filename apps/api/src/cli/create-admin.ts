// Creates the first administrator of a deployment that has no demo data:
//   echo 'a long passphrase' | pnpm --filter @anc/api run create-admin --email ana@anc.gob.mx --name "Ana Pérez"
// The password comes on standard input so it never sits in the shell history or the process list.
import { parseArgs } from 'node:util';
import { text } from 'node:stream/consumers';
import { createDb } from '@anc/db';
import { createFirstAdmin, prepareDatabase } from '../bootstrap.ts';
import { loadEnv } from '../env.ts';

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
if (!values.email || !values.name) {
  console.error('usage: create-admin --email <e-mail> --name <full name>   (password on standard input)');
  process.exit(2);
}
const password = (await text(process.stdin)).replace(/\r?\n$/, '');
const env = loadEnv(undefined, { serving: false }); // process.env, read and validated in env.ts
const database = createDb({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
try {
  await prepareDatabase(database, { ...env, DEMO_SEED: false }, { info: () => {}, warn: () => {} });
  const user = await createFirstAdmin(database, { email: values.email, name: values.name, password });
  console.log(`created administrator ${user.email} (${user.id})`);
} catch (err) {
  console.error(`create-admin: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
