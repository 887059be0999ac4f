import type { exportsEsMX } from './exports.es-MX.ts';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** `exports.*` in English, typed against the Spanish catalogue. */
export const exportsEn: Shape<typeof exportsEsMX> = {
  stix: {
    button: 'Download STIX 2.1',
    hint: 'The incident, its indicators and its {{tlp}} marking as a STIX 2.1 bundle (JSON), for other threat-intelligence platforms.',
  },
};
