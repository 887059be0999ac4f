import type { Locale } from '../roles.ts';

/**
 * One entry of the catalogue: the same words in every language of the portal, Spanish first.
 * Words that interpolate are functions of the same parameters in both languages.
 */
export type Bilingual<W = string> = { readonly [L in Locale]: W };

// `never[]` parameters: any function is assignable, so each entry keeps its own parameter types.
type Phrase = string | ((...args: never[]) => string);

/** An area of the catalogue: key → entry. `satisfies Area` makes a key missing a language fail tsc. */
export type Area = { readonly [key: string]: Bilingual<string> | Bilingual<(...args: never[]) => string> };

/** Labels of an enumeration: every value of `K`, in every language. */
export type Labels<K extends string> = { readonly [V in K]: Bilingual };

/** An entry or a group of entries, read in one language: strings widened, functions kept. */
export type InLocale<N> = N extends Bilingual<infer W extends Phrase> ? (W extends string ? string : W) : { readonly [K in keyof N]: InLocale<N[K]> };
