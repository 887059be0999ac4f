import { describe, expect, it } from 'vitest';
import { TLP2_STIX_MARKING_IDS, TLP_LEVELS } from '@anc/domain';
import { v5 as uuidv5 } from 'uuid';
import { present } from '../../../testing/raw.ts';
import {
  STIX_SCO_NAMESPACE,
  TLP2_EXTENSION_ID,
  buildStixBundle,
  evidenceFileSco,
  identitySectors,
  observableSco,
  scoId,
  stixString,
  tlpMarkingDefinition,
  type StixAgencyInput,
  type StixIncidentInput,
} from './stix.ts';

const agency: StixAgencyInput = {
  id: '0b6f7a4e-5d1c-4c55-9a0e-1f1a2b3c4d5e',
  code: 'SEDENA',
  name: 'Secretaría de la Defensa Nacional',
  nameEn: 'Ministry of National Defense',
  kind: 'federal_ministry',
  sector: 'defense',
  createdAt: new Date('2026-01-01T00:00:00.000Z'),
  updatedAt: new Date('2026-01-02T00:00:00.000Z'),
};

const incident = (over: Partial<StixIncidentInput> = {}): StixIncidentInput => ({
  id: '6f1d2c3b-4a59-4e8f-9d7c-6b5a49382716',
  reference: 'INC-2026-000042',
  title: 'Compromiso de servidor de correo',
  description: 'Acceso no autorizado al servidor de correo institucional.',
  rsitClass: 'intrusions',
  rsitType: 'system-compromise',
  severity: 3,
  tlp: 'AMBER',
  status: 'investigating',
  detectedAt: '2026-03-01T10:00:00.000Z',
  awareAt: '2026-03-01T12:00:00.000Z',
  createdAt: '2026-03-01T13:00:00.000Z',
  updatedAt: '2026-03-02T09:30:00.000Z',
  observables: [],
  ...over,
});

const obs = (id: string, type: StixIncidentInput['observables'][number]['type'], value: string) => ({
  id: `00000000-0000-4000-8000-${id.padStart(12, '0')}`,
  type,
  value,
});

describe('STIX patterns', () => {
  it('quotes string literals, escaping backslash and single quote', () => {
    expect(stixString('plain')).toBe("'plain'");
    expect(stixString("it's")).toBe("'it\\'s'");
    expect(stixString('C:\\temp\\x')).toBe("'C:\\\\temp\\\\x'");
    // the backslash is escaped first, so an escaped quote is not escaped twice
    expect(stixString("\\'")).toBe("'\\\\\\''");
  });

  it.each([
    ['ipv4', '192.0.2.1', "[ipv4-addr:value = '192.0.2.1']"],
    ['ipv6', '2001:db8::1', "[ipv6-addr:value = '2001:db8::1']"],
    ['domain', 'example.com', "[domain-name:value = 'example.com']"],
    ['url', "http://example.com/it's\\here", "[url:value = 'http://example.com/it\\'s\\\\here']"],
    ['email', 'phish@example.com', "[email-addr:value = 'phish@example.com']"],
    ['md5', 'd41d8cd98f00b204e9800998ecf8427e', "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']"],
    ['sha1', 'da39a3ee5e6b4b0d3255bfef95601890afd80709', "[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']"],
    [
      'sha256',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']",
    ],
  ] as const)('%s → %s', (type, value, pattern) => {
    expect(observableSco(type, value)?.pattern).toBe(pattern);
  });

  it('has no pattern for a CVE or free text', () => {
    expect(observableSco('cve', 'CVE-2021-44228')).toBeNull();
    expect(observableSco('other', 'algo')).toBeNull();
  });
});

describe('deterministic SCO ids (STIX 2.1 §2.9)', () => {
  it('matches the published examples', () => {
    // the specification's own domain-name example, and the stix2 library's ipv4-addr
    expect(scoId('domain-name', { value: 'example.com' })).toBe('domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7');
    expect(scoId('ipv4-addr', { value: '177.60.40.7' })).toBe('ipv4-addr--dc63603e-e634-5357-b239-d4b562bc5445');
  });

  it('gives a file its id from the one hash it has', () => {
    const sco = observableSco('sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')?.sco;
    expect(sco).toMatchObject({ type: 'file', hashes: { 'SHA-256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' } });
    expect(sco?.id).toBe(scoId('file', { hashes: { 'SHA-256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' } }));
    expect(sco?.id).not.toBe(scoId('file', { hashes: { MD5: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' } }));
  });
});

describe('TLP 2.0 marking definitions', () => {
  it('are the objects OASIS published, under their official ids', () => {
    expect(tlpMarkingDefinition('AMBER+STRICT')).toEqual({
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
      created: '2022-10-01T00:00:00.000Z',
      name: 'TLP:AMBER+STRICT',
      extensions: { 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': { extension_type: 'property-extension', tlp_2_0: 'amber+strict' } },
    });
    for (const tlp of TLP_LEVELS) {
      const m = tlpMarkingDefinition(tlp);
      expect(m.id).toBe(TLP2_STIX_MARKING_IDS[tlp]);
      expect(m.name).toBe(`TLP:${tlp}`);
      expect(m.extensions).toEqual({ [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: tlp.toLowerCase() } });
    }
  });
});

describe('identity sectors', () => {
  it('maps the level of government and the sector to industry-sector-ov', () => {
    expect(identitySectors('federal_ministry', 'defense')).toEqual(['government-national', 'defense']);
    expect(identitySectors('state_government', 'government')).toEqual(['government-regional']);
    expect(identitySectors('critical_operator', 'energy')).toEqual(['energy']);
    expect(identitySectors('autonomous_body', null)).toEqual(['government-national']);
  });
});

describe('buildStixBundle', () => {
  const observables = [
    obs('1', 'ipv4', '192.0.2.1'),
    obs('2', 'domain', 'malo.example'),
    obs('3', 'sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'),
    obs('4', 'cve', 'CVE-2021-44228'),
    obs('5', 'other', 'Usuario "admin" creado a las 03:00'),
  ];
  const bundle = buildStixBundle(incident({ observables }), agency);
  const ofType = (type: string) => bundle.objects.filter((o) => o.type === type);
  const one = (type: string) => {
    const found = ofType(type);
    expect(found).toHaveLength(1);
    return found[0] as Record<string, unknown>;
  };

  it('holds the incident, its reporting agency and its marking', () => {
    const identity = one('identity');
    expect(identity).toMatchObject({
      identity_class: 'organization',
      name: agency.name,
      sectors: ['government-national', 'defense'],
      x_anc_agency_code: 'SEDENA',
    });
    const sdo = one('incident');
    expect(sdo).toMatchObject({
      spec_version: '2.1',
      name: 'INC-2026-000042 Compromiso de servidor de correo',
      description: 'Acceso no autorizado al servidor de correo institucional.',
      created: '2026-03-01T13:00:00.000Z',
      modified: '2026-03-02T09:30:00.000Z',
      created_by_ref: identity.id,
      labels: ['rsit:intrusions="system-compromise"'],
      external_references: [{ source_name: 'anc', external_id: 'INC-2026-000042' }],
      x_anc_status: 'investigating',
      x_anc_severity: 3,
      x_anc_severity_name: 'high',
      x_anc_rsit_class: 'intrusions',
      x_anc_rsit_type: 'system-compromise',
      x_anc_tlp: 'AMBER',
    });
    // only STIX-defined or x_anc_ properties on the stub SDO
    const defined = new Set([
      'type',
      'spec_version',
      'id',
      'created',
      'modified',
      'created_by_ref',
      'name',
      'description',
      'labels',
      'external_references',
      'object_marking_refs',
    ]);
    expect(Object.keys(sdo).filter((k) => !defined.has(k) && !k.startsWith('x_anc_'))).toEqual([]);
    expect(one('marking-definition')).toEqual(tlpMarkingDefinition('AMBER'));
  });

  it('marks every object with the TLP marking', () => {
    for (const o of bundle.objects.filter((x) => x.type !== 'marking-definition')) {
      expect(o.object_marking_refs, o.type).toEqual([TLP2_STIX_MARKING_IDS.AMBER]);
    }
  });

  it('turns observables into indicators, SCOs, a vulnerability and a note', () => {
    const indicators = ofType('indicator');
    expect(indicators.map((i) => i.pattern)).toEqual([
      "[ipv4-addr:value = '192.0.2.1']",
      "[domain-name:value = 'malo.example']",
      "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']",
    ]);
    for (const i of indicators) expect(i).toMatchObject({ pattern_type: 'stix', pattern_version: '2.1', valid_from: '2026-03-01T10:00:00.000Z' });
    const observed = one('observed-data');
    expect(observed).toMatchObject({ first_observed: '2026-03-01T10:00:00.000Z', last_observed: '2026-03-01T12:00:00.000Z', number_observed: 1 });
    expect(observed.object_refs).toEqual([
      scoId('ipv4-addr', { value: '192.0.2.1' }),
      scoId('domain-name', { value: 'malo.example' }),
      expect.stringMatching(/^file--/),
    ]);
    expect(one('vulnerability')).toMatchObject({ name: 'CVE-2021-44228', external_references: [{ source_name: 'cve', external_id: 'CVE-2021-44228' }] });
    expect(one('note')).toMatchObject({ content: 'Usuario "admin" creado a las 03:00', object_refs: [one('incident').id] });
  });

  it('relates each indicator to the incident, and only to objects in the bundle', () => {
    const ids = new Set(bundle.objects.map((o) => o.id));
    expect(ids.size).toBe(bundle.objects.length);
    const rels = ofType('relationship');
    const incidentId = one('incident').id;
    expect(rels.filter((r) => r.relationship_type === 'indicates').map((r) => [r.source_ref, r.target_ref])).toEqual(
      ofType('indicator').map((i) => [i.id, incidentId]),
    );
    for (const o of bundle.objects) {
      for (const ref of [o.source_ref, o.target_ref, o.created_by_ref, ...((o.object_refs as string[] | undefined) ?? [])].filter(Boolean)) {
        expect(ids.has(ref as string), `${o.id} → ${String(ref)}`).toBe(true);
      }
    }
  });

  it('is deterministic: the same incident gives the same ids', () => {
    const again = buildStixBundle(incident({ observables, updatedAt: '2026-04-01T00:00:00.000Z' }), agency);
    expect(again.id).toBe(bundle.id);
    expect(again.objects.map((o) => o.id)).toEqual(bundle.objects.map((o) => o.id));
    const other = buildStixBundle(incident({ id: '11111111-2222-4333-8444-555555555555', observables: [] }), agency);
    expect(other.objects.find((o) => o.type === 'incident')?.id).not.toBe(one('incident').id);
  });

  it('leaves out observed-data when no observable has an SCO, and handles a class without type', () => {
    const b = buildStixBundle(incident({ rsitType: null, observables: [obs('9', 'cve', 'CVE-2024-3094')] }), agency);
    expect(b.objects.filter((o) => o.type === 'observed-data')).toEqual([]);
    expect(b.objects.find((o) => o.type === 'incident')?.labels).toEqual(['rsit:intrusions']);
  });
});

describe('evidence files in the bundle', () => {
  const files = [
    { name: 'nota-de-rescate.txt', size: 1832, sha256: 'a'.repeat(64), contentType: 'application/octet-stream' },
    { name: 'captura de tráfico.pcap', size: 52_428, sha256: 'b'.repeat(64), contentType: 'application/vnd.tcpdump.pcap' },
  ];
  const bundle = buildStixBundle(incident({ attachments: files }), agency);

  it('each file is a `file` SCO with its hash, size, name and detected type, never its content, in the observed-data', () => {
    const scos = bundle.objects.filter((o) => o.type === 'file');
    expect(scos.map(({ id: _id, ...rest }) => rest)).toEqual([
      {
        type: 'file',
        spec_version: '2.1',
        hashes: { 'SHA-256': 'a'.repeat(64) },
        size: 1832,
        name: 'nota-de-rescate.txt',
        object_marking_refs: [TLP2_STIX_MARKING_IDS.AMBER],
      },
      {
        type: 'file',
        spec_version: '2.1',
        hashes: { 'SHA-256': 'b'.repeat(64) },
        size: 52_428,
        name: 'captura de tráfico.pcap',
        mime_type: 'application/vnd.tcpdump.pcap',
        object_marking_refs: [TLP2_STIX_MARKING_IDS.AMBER],
      },
    ]);
    expect(scos.map((o) => o.id)).toEqual(files.map((f) => evidenceFileSco(f).id));
    expect(bundle.objects.find((o) => o.type === 'observed-data')?.object_refs).toEqual(scos.map((o) => o.id));
    expect(JSON.stringify(bundle)).not.toContain('payload_bin');
  });

  it('a file’s id follows §2.9 over its hashes and name', () => {
    const id = evidenceFileSco(present(files[0], 'a file')).id;
    expect(id).toBe(`file--${uuidv5(JSON.stringify({ hashes: { 'SHA-256': 'a'.repeat(64) }, name: 'nota-de-rescate.txt' }), STIX_SCO_NAMESPACE)}`);
  });
});
