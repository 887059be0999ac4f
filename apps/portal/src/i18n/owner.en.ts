import type { ownerEsMX } from './owner.es-MX.ts';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** `owner.*` in English, typed against the Spanish catalogue (owner.es-MX.ts). */
export const ownerEn: Shape<typeof ownerEsMX> = {
  search: {
    label: 'Search incidents',
    placeholder: 'Text, IP, domain, hash or CVE',
    hint: 'Type and press Enter to search the incidents.',
    open: 'Open the incident search',
    submit: 'Search',
  },
  column: 'Owner',
  none: 'No owner',
  mine: 'My incidents',
  mineGroup: 'Owner',
  detail: {
    label: 'Owner',
    hint: 'The ANC coordinator in charge of the incident; told of its news.',
    you: '{{name}} (you)',
    take: 'Take',
    assign: 'Assign to…',
    assignLabel: 'Assign the incident to',
    nobody: 'No owner',
    nothingFound: 'No coordinator matches',
    taken: 'You took the incident.',
    assigned: 'The incident was assigned to {{name}}.',
    cleared: 'The incident has no owner now.',
  },
  timeline: {
    took: 'took the incident as its owner',
    assigned: 'assigned the incident to {{name}}',
    cleared: 'left the incident without an owner',
    unknown: 'changed the owner',
  },
  auditAction: 'Incident owner assigned',
};
