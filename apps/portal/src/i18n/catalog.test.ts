import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { esMX } from './es-MX.ts';

/** Every leaf path of a nested catalogue, e.g. "users.form.email". */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}

function leafValues(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return [value];
  return Object.values(value).flatMap(leafValues);
}

/** The {{placeholders}} a message interpolates, sorted. */
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

function lookup(catalogue: unknown, path: string): unknown {
  let node: unknown = catalogue;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = Reflect.get(node, key);
  }
  return node;
}

describe('message catalogues', () => {
  const es = leafPaths(esMX).sort();
  const english = leafPaths(en).sort();

  it('English has every Spanish key', () => {
    expect(es.filter((k) => !english.includes(k))).toEqual([]);
  });

  it('Spanish has every English key', () => {
    expect(english.filter((k) => !es.includes(k))).toEqual([]);
  });

  it('has no empty messages', () => {
    for (const value of [...leafValues(esMX), ...leafValues(en)]) {
      expect(typeof value).toBe('string');
      expect(String(value).trim()).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const path of es) {
      const a = lookup(esMX, path);
      const b = lookup(en, path);
      expect(typeof a === 'string' && typeof b === 'string', path).toBe(true);
      expect(placeholders(String(b)), path).toEqual(placeholders(String(a)));
    }
  });
});
