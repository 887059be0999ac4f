// The only reader of process.env in packages/db (lint: node/no-process-env). The API validates
// its own settings in apps/api/src/env.ts; this covers the package's own command and test setup.
import { z } from 'zod';

const DbEnvSchema = z.object({
  DATABASE_URL: z.url().optional(),
  PGLITE_DIR: z.string().default('../../.data/pglite'),
});

/** `pnpm db:migrate` (cli/migrate.ts): PostgreSQL at DATABASE_URL, otherwise the PGlite folder. */
export function loadDbEnv(source: Record<string, string | undefined> = process.env): z.infer<typeof DbEnvSchema> {
  const parsed = DbEnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  return parsed.data;
}
