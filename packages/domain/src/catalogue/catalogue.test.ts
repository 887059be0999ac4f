// The catalogue of server-side words (index.ts): every entry in both languages with real words,
// `words(locale)` reading the same entries, and every key the server sends as a reason or a zod
// message present in it. The type check is the first guard (`satisfies Area`, `MessageKey` on
// DomainError); the source scan below also covers the zod messages, which tsc sees as plain strings.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../roles.ts';
import { NOTIFICATION_KINDS } from '../notifications.ts';
import { ENCS_OBJECTIVES, INITIATIVE_STATUSES, TRANSVERSAL_AXES } from '../initiatives/plan.ts';
import { CATALOGUE, VALIDATION_WORDS, words, type Bilingual, type MessageKey } from './index.ts';

type Node = { readonly [key: string]: unknown };
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null;

/** Every entry of the catalogue with its path (`notifications.task_assigned`). */
function entries(node: Node, path: string[] = []): { path: string; entry: Node }[] {
  if (Object.hasOwn(node, 'es-MX')) return [{ path: path.join('.'), entry: node }];
  return Object.entries(node).flatMap(([key, child]) => (isNode(child) ? entries(child, [...path, key]) : []));
}

// What each area's functions are called with to see their words.
const SAMPLE_ARGUMENTS: Record<string, unknown> = {
  notifications: { reference: 'TSK-2026-000042', title: 'Contener el ransomware', obligation: 'notification' },
  issues: 12,
  mail: { name: 'Ana', reference: 'TSK-2026-000042', headline: 'Tarea vencida', tlp: 'TLP:AMBER' },
  accountMail: { name: 'Ana Pérez', minutes: 30, day: '2026-12-03', count: 2 },
  reportPdf: { page: 1, pages: 3, from: 'Recibido', to: 'Clasificado', count: 2 },
};

const say = (area: string, phrase: unknown): unknown => (typeof phrase === 'function' ? (phrase as (arg: unknown) => unknown)(SAMPLE_ARGUMENTS[area]) : phrase);

describe('the catalogue', () => {
  const all = entries(CATALOGUE);

  it('is found (the walk is not empty)', () => {
    expect(all.length).toBeGreaterThan(150);
    expect(Object.keys(CATALOGUE)).toEqual(['validation', 'issues', 'notifications', 'initiatives', 'csv', 'mail', 'accountMail', 'advisories', 'reportPdf']);
  });

  it('has every entry in every language, and nothing else, with non-empty words of one shape', () => {
    const faults: string[] = [];
    for (const { path, entry } of all) {
      const area = path.split('.')[0] ?? '';
      if (JSON.stringify(Object.keys(entry)) !== JSON.stringify(LOCALES)) faults.push(`${path}: languages ${Object.keys(entry).join(', ')}`);
      if (typeof entry['es-MX'] !== typeof entry.en) faults.push(`${path}: a string in one language, a function in the other`);
      for (const locale of LOCALES) {
        const said = say(area, entry[locale]);
        if (typeof said !== 'string' || said.trim() === '' || said.includes('undefined')) faults.push(`${path}.${locale}: ${String(said)}`);
      }
    }
    expect(faults).toEqual([]);
  });

  it('words every reason and validation key differently in Spanish and in English', () => {
    const validation: Record<string, Bilingual> = VALIDATION_WORDS;
    const same = Object.entries(validation)
      .filter(([, w]) => w['es-MX'] === w.en)
      .map(([key]) => key);
    expect(same).toEqual([]);
  });

  it('is read in one language through words(locale), the same entries', () => {
    for (const locale of LOCALES) {
      const w = words(locale);
      expect(w.validation.not_found).toBe(VALIDATION_WORDS.not_found[locale]);
      expect(w.initiatives.objectives.society_rights).toBe(CATALOGUE.initiatives.objectives.society_rights[locale]);
      expect(w.csv.reference).toBe(CATALOGUE.csv.reference[locale]);
      expect(w.issues.too_small_string(12)).toContain('12');
      expect(w.notifications.task_assigned({ reference: 'TSK-2026-000042', title: 'Contener el ransomware' })).toContain(
        'TSK-2026-000042 · Contener el ransomware',
      );
    }
    expect(words('es-MX').validation.not_found).toBe('No existe o no tienes acceso.');
    expect(words('en').validation.not_found).toBe('It does not exist or you have no access to it.');
    expect(words('en').notifications.hidden_task).toBe('A task no longer assigned to your agency');
  });

  it('cannot be changed through what words(locale) returns', () => {
    const w = words('en') as unknown as { validation: Record<string, string> };
    expect(() => {
      w.validation.not_found = 'changed';
    }).toThrow(TypeError);
    expect(words('en').validation.not_found).toBe(VALIDATION_WORDS.not_found.en);
  });

  it('labels every value of the enumerations it names', () => {
    expect(Object.keys(CATALOGUE.notifications).sort()).toEqual([...NOTIFICATION_KINDS, 'hidden_task', 'hidden_incident'].sort());
    expect(Object.keys(CATALOGUE.initiatives.objectives).sort()).toEqual([...ENCS_OBJECTIVES].sort());
    expect(Object.keys(CATALOGUE.initiatives.axes).sort()).toEqual([...TRANSVERSAL_AXES].sort());
    expect(Object.keys(CATALOGUE.initiatives.statuses).sort()).toEqual([...INITIATIVE_STATUSES].sort());
  });
});

// The server's sources, tests left out: every package's src and the API's (the portal's words are
// its own, in apps/portal/src/i18n/).
const root = join(import.meta.dirname, '..', '..', '..', '..');
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'node_modules' ? [] : sourceFiles(join(dir, e.name))) : /(?<!\.test)\.ts$/.test(e.name) ? [join(dir, e.name)] : [],
  );
const serverSources = [
  ...readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => {
      const src = join(root, 'packages', e.name, 'src');
      try {
        return sourceFiles(src);
      } catch {
        return []; // a package without src/ (e.g. generated types only)
      }
    }),
  ...sourceFiles(join(root, 'apps', 'api', 'src')),
];

// A quoted snake_case word, not the right side of a comparison (`rule.by === 'coordinator' ? … : …`).
const KEY = /(?<![=!]==\s*)'([a-z][a-z0-9]*(?:_[a-z0-9]+)*)'/g;
const isKey = (key: string): key is MessageKey => Object.hasOwn(VALIDATION_WORDS, key);

/** The text of the call that opens at `start` (the index of its `(`), up to the matching `)`. */
function callAt(text: string, start: number): string {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(start, i + 1);
  }
  return text.slice(start);
}

/** Quoted snake_case words used as reasons or messages, with where they stand, and those without words. */
function unknownKeys(find: (text: string) => string[]) {
  const found: string[] = [];
  const unknown: string[] = [];
  for (const file of serverSources) {
    for (const key of find(readFileSync(file, 'utf8'))) {
      found.push(key);
      if (!isKey(key)) unknown.push(`${relative(root, file)}: ${key}`);
    }
  }
  return { found, unknown };
}

describe('the keys the server sends', () => {
  it('are read from the sources (the walk is not empty)', () => {
    expect(serverSources.length).toBeGreaterThan(100);
    expect(serverSources.some((f) => f.endsWith(join('apps', 'api', 'src', 'trpc', 'errors.ts')))).toBe(true);
  });

  it('as DomainError reasons and field errors all have words', () => {
    const { found, unknown } = unknownKeys((text) =>
      [...text.matchAll(/new DomainError\(/g)].flatMap((m) => {
        // The code (`'BAD_REQUEST'`) is upper case and does not match KEY; field names are camelCase.
        const call = callAt(text, m.index + 'new DomainError'.length);
        return [...call.matchAll(KEY)].map((k) => k[1] ?? '');
      }),
    );
    expect(found.length).toBeGreaterThan(100);
    expect(unknown).toEqual([]);
  });

  it('as zod messages (`error:` and `message:`) all have words', () => {
    const { found, unknown } = unknownKeys((text) =>
      [...text.matchAll(/\b(?:error|message):\s*([^,}\n]+)/g)].flatMap((m) => [...(m[1] ?? '').matchAll(KEY)].map((k) => k[1] ?? '')),
    );
    expect(found).toEqual(expect.arrayContaining(['invalid_id', 'required', 'invalid_decimal', 'task_one_link_only', 'share_target_required']));
    expect(unknown).toEqual([]);
  });
});
