// Every action the API (and the seed, packages/db) writes to the audit log is in the domain's
// catalogue (packages/domain/src/audit-catalogue.ts), and the catalogue holds nothing that is
// never written. `AuditEntry` is typed against the catalogue, so tsc refuses an unknown literal;
// this reads the sources so that an action built another way is caught too.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ACTION_NAMES, AUDIT_ENTITY_TYPES, isAuditAction } from '@anc/domain';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const SOURCES = ['apps/api/src', 'packages/db/src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The kinds of parent a file hangs from (apps/api/src/modules/files/file-parent.ts `ParentRef`). */
const FILE_PARENTS = ['incident', 'task'];

/** Every action the sources write: `action: '…'` (with its ternaries), `action: \`${kind}.…\``, and the helpers that take one. */
function writtenActions(): Set<string> {
  const found = new Set<string>();
  const literal = /'([a-zA-Z_]+(?:\.[a-zA-Z_]+)+)'/g;
  for (const file of SOURCES.flatMap((dir) => sourceFiles(join(root, dir)))) {
    const text = readFileSync(file, 'utf8');
    if (!/writeAudit|auditFailure|insertDraft/.test(text)) continue;
    const expressions = [
      ...[...text.matchAll(/\baction:\s*([^,\n]+)/g)].map((m) => m[1] ?? ''),
      ...[...text.matchAll(/auditFailure\(ctx,\s*([^)]+)\)/g)].map((m) => m[1] ?? ''),
      ...[...text.matchAll(/\baction: ((?:'[^']+'\s*\|?\s*)+)\)/g)].map((m) => m[1] ?? ''),
      ...[...text.matchAll(/insertDraft\([^)]*?('[^']+')\)/g)].map((m) => m[1] ?? ''),
    ];
    for (const expression of expressions) {
      for (const m of expression.matchAll(literal)) if (m[1]) found.add(m[1]);
      for (const m of expression.matchAll(/`\$\{[^}]+\}\.([a-zA-Z_]+)`/g)) for (const kind of FILE_PARENTS) found.add(`${kind}.${m[1]}`);
    }
  }
  return found;
}

describe('the audit catalogue', () => {
  const written = writtenActions();

  it('reads the writes of the sources (the search finds them)', () => {
    expect(written.size).toBeGreaterThan(60);
    expect(written).toContain('incident.create');
    expect(written).toContain('auth.mfaChallenge');
    expect(written).toContain('task.uploadFile');
    expect(written).toContain('mfa.disableFailed');
  });

  it('holds every action the API writes', () => {
    // Permission names (`incidents.get`) also look like `a.b`: only the audited ones count here.
    const audited = [...written].filter((a) => !/^(incidents|tasks)\./.test(a));
    expect(audited.filter((a) => !isAuditAction(a))).toEqual([]);
  });

  it('holds no action that is never written', () => {
    expect(AUDIT_ACTION_NAMES.filter((a) => !written.has(a))).toEqual([]);
  });

  it('names every entity type by some action, and each type once', () => {
    const named = new Set(Object.values(AUDIT_ACTIONS).flat());
    expect(AUDIT_ENTITY_TYPES.filter((type) => !named.has(type))).toEqual([]);
    expect(new Set(AUDIT_ENTITY_TYPES).size).toBe(AUDIT_ENTITY_TYPES.length);
  });
});
