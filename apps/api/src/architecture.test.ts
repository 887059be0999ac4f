// The shape the code keeps (docs: README "The path of a request"): a use-case is called the
// same way by every caller, so none may depend on tRPC. Routers and HTTP routes are the callers.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const modules = join(import.meta.dirname, 'modules');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('use-cases', () => {
  const useCases = files(modules).filter((f) => !/\.(test|router|routes)\.ts$/.test(f) && !f.includes('test-fixtures'));

  it('are found (the walk is not empty)', () => {
    expect(useCases.length).toBeGreaterThan(60);
  });

  it('import nothing of tRPC nor of the tRPC context', () => {
    const offenders = useCases.filter((f) => /from '(@trpc\/|[./]*trpc\/)/.test(readFileSync(f, 'utf8'))).map((f) => relative(modules, f));
    expect(offenders).toEqual([]);
  });
});
