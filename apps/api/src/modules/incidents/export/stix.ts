/**
 * One incident as a STIX 2.1 bundle (OASIS STIX Version 2.1, OS, 10 June 2021), for the threat
 * intelligence platforms agencies run (MISP, OpenCTI, TheHive). Pure: the incident detail DTO and
 * the reporting agency in, a plain JSON object out.
 *
 * - `incident` is a stub SDO in STIX 2.1: only `name`, `description` and `kill_chain_phases` are
 *   defined, so the ANC's fields travel as custom properties `x_anc_*` (§11.1), and the RSIT class
 *   and type also as a MISP-style machine tag in `labels`.
 * - Observables become `indicator`s with a STIX pattern, the matching SCOs grouped in one
 *   `observed-data`; CVEs become `vulnerability` SDOs; free text ("other") becomes a `note`.
 * - Evidence files (modules/files/) become `file` SCOs with their SHA-256, size, name and detected
 *   media type, in the same `observed-data`; their content never travels.
 * - Every object carries the incident's TLP 2.0 marking, whose definition is included exactly as
 *   OASIS published it (cti-stix-common-objects), under its official id.
 * - Ids are deterministic so a re-export of the same incident yields the same ids (consumers
 *   update objects instead of duplicating them): SDOs and SROs take a UUIDv5 of our own row ids
 *   in the ANC namespace; SCOs follow the spec's deterministic-id rule (§2.9): UUIDv5 in the STIX
 *   namespace over the canonical JSON (RFC 8785) of their id-contributing properties.
 */
import { v5 as uuidv5 } from 'uuid';
import { TLP2_STIX_MARKING_IDS, severityKey, type AgencyKind, type ObservableType, type Sector, type SeverityLevel, type Tlp } from '@anc/domain';
import type { IncidentDetail } from '../incident-dto.ts';

/** Namespace of the UUIDv5 ids this portal gives its STIX objects. Never change it: ids would change. */
export const ANC_STIX_NAMESPACE = '774cf16a-3414-4463-bd92-3aeec3826178';
/** The namespace STIX 2.1 §2.9 fixes for deterministic SCO ids. */
export const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';
/** The extension definition the OASIS TLP 2.0 marking definitions use. */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

export type StixObject = { type: string; id: string } & Record<string, unknown>;
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

export type StixIncidentInput = Pick<
  IncidentDetail,
  'id' | 'reference' | 'title' | 'description' | 'rsitClass' | 'rsitType' | 'severity' | 'tlp' | 'status' | 'detectedAt' | 'awareAt' | 'createdAt' | 'updatedAt'
> & {
  observables: readonly { id: string; type: ObservableType; value: string }[];
  /** Evidence files: described by their hashes, never their bytes. */
  attachments?: readonly { name: string; size: number; sha256: string; contentType: string }[];
};

/**
 * An evidence file as a STIX `file` SCO. Its id follows §2.9 over its id-contributing properties
 * present here, `hashes` and `name` (RFC 8785 orders them so; no numbers among them).
 */
export function evidenceFileSco(file: { name: string; size: number; sha256: string; contentType: string }): StixObject {
  const hashes = { 'SHA-256': file.sha256 };
  return {
    type: 'file',
    spec_version: '2.1',
    id: `file--${uuidv5(JSON.stringify({ hashes, name: file.name }), STIX_SCO_NAMESPACE)}`,
    hashes,
    size: file.size,
    name: file.name,
    ...(file.contentType !== 'application/octet-stream' ? { mime_type: file.contentType } : {}),
  };
}

export interface StixAgencyInput {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  kind: AgencyKind;
  sector: Sector | null;
  createdAt: Date;
  updatedAt: Date;
}

const ancId = (type: string, ...parts: string[]) => `${type}--${uuidv5([type, ...parts].join(':'), ANC_STIX_NAMESPACE)}`;

/**
 * STIX 2.1 §2.9: `<type>--` + UUIDv5(STIX namespace, JCS(id-contributing properties)). The
 * properties used here are one string or one single-entry `hashes` map, for which
 * `JSON.stringify` already is the RFC 8785 canonical form (no numbers, one key per object).
 */
export const scoId = (type: string, contributing: { value: string } | { hashes: Record<string, string> }) =>
  `${type}--${uuidv5(JSON.stringify(contributing), STIX_SCO_NAMESPACE)}`;

/** A STIX patterning string literal: single-quoted, with `\` and `'` escaped (STIX 2.1 patterning). */
export const stixString = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The marking definition of a TLP 2.0 level, exactly as OASIS published it. */
export function tlpMarkingDefinition(tlp: Tlp): StixObject {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_STIX_MARKING_IDS[tlp],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${tlp}`,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: tlp.toLowerCase() } },
  };
}

/** The SCO an observable stands for and the STIX pattern that matches it (none for CVEs and free text). */
export function observableSco(type: ObservableType, value: string): { sco: StixObject; pattern: string } | null {
  const byValue = (stixType: string) => ({
    sco: { type: stixType, spec_version: '2.1', id: scoId(stixType, { value }), value },
    pattern: `[${stixType}:value = ${stixString(value)}]`,
  });
  const byHash = (algorithm: 'MD5' | 'SHA-1' | 'SHA-256') => ({
    sco: { type: 'file', spec_version: '2.1', id: scoId('file', { hashes: { [algorithm]: value } }), hashes: { [algorithm]: value } },
    // Hash names with a hyphen must be quoted in an object path.
    pattern: `[file:hashes.${algorithm.includes('-') ? `'${algorithm}'` : algorithm} = ${stixString(value)}]`,
  });
  switch (type) {
    case 'ipv4':
      return byValue('ipv4-addr');
    case 'ipv6':
      return byValue('ipv6-addr');
    case 'domain':
      return byValue('domain-name');
    case 'url':
      return byValue('url');
    case 'email':
      return byValue('email-addr');
    case 'md5':
      return byHash('MD5');
    case 'sha1':
      return byHash('SHA-1');
    case 'sha256':
      return byHash('SHA-256');
    case 'cve':
    case 'other':
      return null;
  }
}

/** What an indicator takes from its incident (the DTO's ISO 8601 strings). */
export type StixIndicatorIncident = Pick<StixIncidentInput, 'tlp' | 'detectedAt' | 'createdAt' | 'updatedAt'>;

/**
 * The `indicator` of one observable and its STIX pattern (`observableSco`), as the bundle and the
 * TAXII collection (apps/api/src/taxii/) both give it: the same id, pattern and TLP marking
 * wherever a consumer gets it from.
 */
export function stixIndicator(o: { id: string; value: string }, incident: StixIndicatorIncident, agencyId: string, pattern: string): StixObject {
  return {
    type: 'indicator',
    id: ancId('indicator', o.id),
    spec_version: '2.1',
    created: incident.createdAt,
    modified: incident.updatedAt,
    created_by_ref: ancId('identity', agencyId),
    name: o.value,
    pattern,
    pattern_type: 'stix',
    pattern_version: '2.1',
    valid_from: incident.detectedAt,
    object_marking_refs: [TLP2_STIX_MARKING_IDS[incident.tlp]],
  };
}

/** STIX `industry-sector-ov` values of an agency: its level of government, then its sector. */
export function identitySectors(kind: AgencyKind, sector: Sector | null): string[] {
  const out = new Set<string>();
  if (kind === 'state_government') out.add('government-regional');
  else if (kind !== 'critical_operator') out.add('government-national');
  const bySector: Partial<Record<Sector, string>> = {
    government: kind === 'state_government' ? 'government-regional' : 'government-national',
    defense: 'defense',
    public_security: 'government-emergency-services',
    finance: 'financial-services',
    energy: 'energy',
    health: 'healthcare',
    education: 'education',
    telecommunications: 'telecommunications',
    transport: 'transportation',
    water: 'infrastructure-water',
  };
  const mapped = sector ? bySector[sector] : undefined;
  if (mapped) out.add(mapped);
  return [...out];
}

/** `rsit:intrusions="system-compromise"`: the machine tag MISP's RSIT taxonomy uses. */
const rsitLabel = (rsitClass: string, rsitType: string | null) => (rsitType ? `rsit:${rsitClass}="${rsitType}"` : `rsit:${rsitClass}`);

export function buildStixBundle(incident: StixIncidentInput, agency: StixAgencyInput): StixBundle {
  const marking = tlpMarkingDefinition(incident.tlp);
  const marked = { object_marking_refs: [marking.id] };
  const identityId = ancId('identity', agency.id);
  const incidentId = ancId('incident', incident.id);
  // Objects derived from the incident change when it does.
  const sdo = { spec_version: '2.1', created: incident.createdAt, modified: incident.updatedAt, created_by_ref: identityId };
  const relationship = (kind: string, source: string, target: string, ...key: string[]): StixObject => ({
    type: 'relationship',
    id: ancId('relationship', kind, ...key),
    ...sdo,
    relationship_type: kind,
    source_ref: source,
    target_ref: target,
    ...marked,
  });

  const identity: StixObject = {
    type: 'identity',
    spec_version: '2.1',
    id: identityId,
    created: agency.createdAt.toISOString(),
    modified: agency.updatedAt.toISOString(),
    name: agency.name,
    identity_class: 'organization',
    sectors: identitySectors(agency.kind, agency.sector),
    ...marked,
    x_anc_agency_code: agency.code,
    x_anc_name_en: agency.nameEn,
  };

  const incidentSdo: StixObject = {
    type: 'incident',
    id: incidentId,
    ...sdo,
    name: `${incident.reference} ${incident.title}`,
    description: incident.description,
    labels: [rsitLabel(incident.rsitClass, incident.rsitType)],
    external_references: [{ source_name: 'anc', external_id: incident.reference }],
    ...marked,
    x_anc_reference: incident.reference,
    x_anc_status: incident.status,
    x_anc_severity: incident.severity,
    x_anc_severity_name: severityKey(incident.severity as SeverityLevel),
    x_anc_rsit_class: incident.rsitClass,
    x_anc_rsit_type: incident.rsitType,
    x_anc_tlp: incident.tlp,
    x_anc_detected_at: incident.detectedAt,
    x_anc_aware_at: incident.awareAt,
  };

  const scos = new Map<string, StixObject>();
  const indicators: StixObject[] = [];
  const vulnerabilities: StixObject[] = [];
  const notes: StixObject[] = [];
  const relationships: StixObject[] = [];
  for (const o of incident.observables) {
    const observed = observableSco(o.type, o.value);
    if (observed) {
      scos.set(observed.sco.id, { ...observed.sco, ...marked });
      const indicator = stixIndicator(o, incident, agency.id, observed.pattern);
      indicators.push(indicator);
      relationships.push(relationship('indicates', indicator.id, incidentId, o.id));
    } else if (o.type === 'cve') {
      const vulnerabilityId = ancId('vulnerability', o.id);
      vulnerabilities.push({
        type: 'vulnerability',
        id: vulnerabilityId,
        ...sdo,
        name: o.value,
        external_references: [{ source_name: 'cve', external_id: o.value }],
        ...marked,
      });
      relationships.push(relationship('related-to', incidentId, vulnerabilityId, o.id));
    } else {
      notes.push({ type: 'note', id: ancId('note', o.id), ...sdo, content: o.value, object_refs: [incidentId], ...marked });
    }
  }

  for (const file of incident.attachments ?? []) {
    const sco = evidenceFileSco(file);
    scos.set(sco.id, { ...sco, ...marked });
  }

  // Awareness never precedes detection (a domain rule); the max only guards old rows.
  const lastObserved = Date.parse(incident.awareAt) > Date.parse(incident.detectedAt) ? incident.awareAt : incident.detectedAt;
  const observedData: StixObject[] = scos.size
    ? [
        {
          type: 'observed-data',
          id: ancId('observed-data', incident.id),
          ...sdo,
          first_observed: incident.detectedAt,
          last_observed: lastObserved,
          number_observed: 1,
          object_refs: [...scos.keys()],
          ...marked,
        },
      ]
    : [];

  return {
    type: 'bundle',
    id: ancId('bundle', incident.id),
    objects: [marking, identity, incidentSdo, ...observedData, ...scos.values(), ...indicators, ...vulnerabilities, ...notes, ...relationships],
  };
}
