// The one TAXII collection, `shared-with-me`: a STIX 2.1 indicator for each observable of every
// incident the caller may read (listIndicatorPage in packages/db/src/queries/indicators.ts, scoped
// by packages/db/src/scope/incidents.ts), each marked with its incident's TLP 2.0 level, and the
// five OASIS TLP 2.0 marking definitions those markings point to.
//
// Order and paging: every object has a "date added" and an id; the collection is sorted by both
// and `next` is a keyset cursor on them, so a client walking the pages sees every object once
// even while incidents, observables and shares are added. The collection is per reader, and so is
// an indicator's date added (TAXII 2.1: when the object was added to the collection): for the ANC
// and the reporting agency, when its observable was added to the incident; for an agency that reads
// the incident by a share, the later of that and when the share was made — so an incident shared a
// week after its observables were added reaches a SOC polling with `added_after` = its last poll
// (packages/db/src/queries/indicators.ts has the rule, and the one case it does not handle: a TLP
// lowered again under a share kept from before). `added_after`, `next` and the
// X-TAXII-Date-Added-First/Last headers all use that date. The marking definitions' date added is
// the day OASIS published them, so they come first.
import { listIndicatorPage, type Db } from '@anc/db';
import { DomainError, TLP2_STIX_MARKING_IDS, TLP_LEVELS, decodeCursor, encodeCursor, type Actor } from '@anc/domain';
import { observableSco, stixIndicator, tlpMarkingDefinition, type StixObject } from '../modules/incidents/export/stix.ts';

/** Fixed forever: clients keep it in their configuration. */
export const SHARED_WITH_ME_ID = '3a0f8e42-6b1d-4c9e-9d57-2f4a8c1e7b60';
export const SHARED_WITH_ME_ALIAS = 'shared-with-me';

export const TAXII_DEFAULT_LIMIT = 100;
export const TAXII_MAX_LIMIT = 1000;

/** When OASIS published the TLP 2.0 marking definitions (their `created`). */
const MARKINGS_ADDED = new Date('2022-10-01T00:00:00.000Z');
const MARKINGS = TLP_LEVELS.map((tlp) => ({
  at: MARKINGS_ADDED,
  key: TLP2_STIX_MARKING_IDS[tlp].slice('marking-definition--'.length),
  object: tlpMarkingDefinition(tlp),
}));

export interface ObjectsQuery {
  /** The position after which the page starts (a decoded `next`). */
  after?: { at: Date; id: string } | undefined;
  /** RFC 3339, exclusive. */
  addedAfter?: string | undefined;
  limit: number;
  /** `match[type]`; undefined for every type. */
  types?: readonly string[] | undefined;
}

export interface ObjectsPage {
  objects: StixObject[];
  /** Date added of the first and last object of the page. */
  first: Date | null;
  last: Date | null;
  next: string | null;
}

interface Entry {
  at: Date;
  /** The tiebreak: a UUID (an observable's id, the marking definition's own). */
  key: string;
  object: StixObject;
}

const before = (a: { at: Date; key: string }, b: { at: Date; key: string }) => a.at.getTime() - b.at.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function encodeNext(at: Date, id: string): string {
  return encodeCursor(at.toISOString(), id);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A `next` this server gave, or BAD_REQUEST. */
export function decodeNext(next: string): { at: Date; id: string } {
  const cursor = decodeCursor(next);
  const at = cursor ? new Date(cursor.sortKey) : null;
  if (!cursor || !at || Number.isNaN(at.getTime()) || !UUID.test(cursor.id)) {
    throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { next: ['invalid_cursor'] } });
  }
  return { at, id: cursor.id };
}

export async function sharedWithMePage(db: Db, actor: Actor, query: ObjectsQuery): Promise<ObjectsPage> {
  const wants = (type: string) => !query.types || query.types.includes(type);
  const afterPosition = query.after ? { at: query.after.at, key: query.after.id } : null;
  const addedAfter = query.addedAfter ? Date.parse(query.addedAfter) : null;
  const entries: Entry[] = [];

  if (wants('marking-definition')) {
    for (const m of MARKINGS) {
      if (afterPosition && before(m, afterPosition) <= 0) continue;
      if (addedAfter !== null && m.at.getTime() <= addedAfter) continue;
      entries.push(m);
    }
  }
  if (wants('indicator')) {
    // One more than the page, to know whether another follows.
    const rows = await listIndicatorPage(db, actor, { after: query.after, addedAfter: query.addedAfter, limit: query.limit + 1 });
    for (const r of rows) {
      const observed = observableSco(r.type, r.value);
      if (!observed) continue; // the query reads only types with a pattern
      const incident = {
        tlp: r.tlp,
        detectedAt: r.detectedAt.toISOString(),
        createdAt: r.incidentCreatedAt.toISOString(),
        updatedAt: r.incidentUpdatedAt.toISOString(),
      };
      entries.push({ at: r.addedAt, key: r.id, object: stixIndicator(r, incident, r.agencyId, observed.pattern) });
    }
  }

  entries.sort(before);
  const page = entries.slice(0, query.limit);
  const first = page[0];
  const last = page.at(-1);
  return {
    objects: page.map((e) => e.object),
    first: first?.at ?? null,
    last: last?.at ?? null,
    next: last && entries.length > page.length ? encodeNext(last.at, last.key) : null,
  };
}
