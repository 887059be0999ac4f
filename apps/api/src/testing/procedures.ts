// The procedures of the app router, by path (`incidents.get`, `admin.users.create`) and kind, read
// from the router itself (router.ts), so a test over "every procedure" cannot miss a new one.
import { appRouter } from '../router.ts';

export type ProcedureKind = 'query' | 'mutation' | 'subscription';

export interface RouterProcedure {
  path: string;
  type: ProcedureKind;
  /** Its input schemas (zod), empty for a procedure without input. */
  inputs: unknown[];
}

/** Every procedure path of the app router with its kind and input, sorted by path. */
export function routerProcedures(): RouterProcedure[] {
  // `_def.procedures` is tRPC's own flat record of a router's procedures by dotted path.
  // oxlint-disable-next-line no-underscore-dangle
  const record = appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureKind; inputs: unknown[] } }>;
  return (
    Object.entries(record)
      // oxlint-disable-next-line no-underscore-dangle
      .map(([path, procedure]) => ({ path, type: procedure._def.type, inputs: procedure._def.inputs }))
      .sort((a, b) => a.path.localeCompare(b.path))
  );
}
