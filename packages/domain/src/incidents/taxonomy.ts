/**
 * The vocabularies an incident is classified with, each with Spanish and English labels so the
 * portal, the exports and the API speak the same words:
 * - ENISA Reference Security Incident Taxonomy (RSIT), version 1003 (11 classes and their types);
 * - CISA National Cyber Incident Scoring System (NCISS) levels 0–5;
 * - FIRST Traffic Light Protocol 2.0.
 */
type Labelled = { 'es-MX': string; en: string };

export const RSIT_TAXONOMY = {
  'abusive-content': {
    label: { 'es-MX': 'Contenido abusivo', en: 'Abusive content' },
    types: {
      spam: { 'es-MX': 'Spam', en: 'Spam' },
      'harmful-speech': { 'es-MX': 'Discurso dañino', en: 'Harmful speech' },
      violence: { 'es-MX': 'Explotación infantil, contenido sexual o violento', en: 'Child sexual exploitation, sexual or violent content' },
    },
  },
  'malicious-code': {
    label: { 'es-MX': 'Código malicioso', en: 'Malicious code' },
    types: {
      'infected-system': { 'es-MX': 'Sistema infectado', en: 'Infected system' },
      'c2-server': { 'es-MX': 'Servidor de mando y control (C2)', en: 'Command-and-control server' },
      'malware-distribution': { 'es-MX': 'Distribución de malware', en: 'Malware distribution' },
      'malware-configuration': { 'es-MX': 'Configuración de malware', en: 'Malware configuration' },
    },
  },
  'information-gathering': {
    label: { 'es-MX': 'Obtención de información', en: 'Information gathering' },
    types: {
      scanner: { 'es-MX': 'Escaneo', en: 'Scanning' },
      sniffing: { 'es-MX': 'Intercepción de tráfico (sniffing)', en: 'Sniffing' },
      'social-engineering': { 'es-MX': 'Ingeniería social', en: 'Social engineering' },
    },
  },
  'intrusion-attempts': {
    label: { 'es-MX': 'Intento de intrusión', en: 'Intrusion attempts' },
    types: {
      'ids-alert': { 'es-MX': 'Explotación de vulnerabilidad conocida (alerta IDS)', en: 'Exploitation of known vulnerability (IDS alert)' },
      'brute-force': { 'es-MX': 'Intento de acceso (fuerza bruta)', en: 'Login attempts (brute force)' },
      exploit: { 'es-MX': 'Nueva firma de ataque (exploit)', en: 'New attack signature (exploit)' },
    },
  },
  intrusions: {
    label: { 'es-MX': 'Intrusión', en: 'Intrusions' },
    types: {
      'privileged-account-compromise': { 'es-MX': 'Compromiso de cuenta privilegiada', en: 'Privileged account compromise' },
      'unprivileged-account-compromise': { 'es-MX': 'Compromiso de cuenta sin privilegios', en: 'Unprivileged account compromise' },
      'application-compromise': { 'es-MX': 'Compromiso de aplicación', en: 'Application compromise' },
      'system-compromise': { 'es-MX': 'Compromiso de sistema', en: 'System compromise' },
      burglary: { 'es-MX': 'Intrusión física (robo)', en: 'Burglary' },
    },
  },
  availability: {
    label: { 'es-MX': 'Disponibilidad', en: 'Availability' },
    types: {
      dos: { 'es-MX': 'Denegación de servicio (DoS)', en: 'Denial of service (DoS)' },
      ddos: { 'es-MX': 'Denegación de servicio distribuida (DDoS)', en: 'Distributed denial of service (DDoS)' },
      misconfiguration: { 'es-MX': 'Configuración errónea', en: 'Misconfiguration' },
      sabotage: { 'es-MX': 'Sabotaje', en: 'Sabotage' },
      outage: { 'es-MX': 'Interrupción', en: 'Outage' },
    },
  },
  'information-content-security': {
    label: { 'es-MX': 'Seguridad del contenido de la información', en: 'Information content security' },
    types: {
      'unauthorised-information-access': { 'es-MX': 'Acceso no autorizado a información', en: 'Unauthorised access to information' },
      'unauthorised-information-modification': { 'es-MX': 'Modificación no autorizada de información', en: 'Unauthorised modification of information' },
      'data-loss': { 'es-MX': 'Pérdida de datos', en: 'Data loss' },
      'data-leak': { 'es-MX': 'Fuga de información', en: 'Leak of confidential information' },
    },
  },
  fraud: {
    label: { 'es-MX': 'Fraude', en: 'Fraud' },
    types: {
      'unauthorised-use-of-resources': { 'es-MX': 'Uso no autorizado de recursos', en: 'Unauthorised use of resources' },
      copyright: { 'es-MX': 'Derechos de autor', en: 'Copyright' },
      masquerade: { 'es-MX': 'Suplantación', en: 'Masquerade' },
      phishing: { 'es-MX': 'Phishing', en: 'Phishing' },
    },
  },
  vulnerable: {
    label: { 'es-MX': 'Vulnerabilidad', en: 'Vulnerable' },
    types: {
      'weak-crypto': { 'es-MX': 'Criptografía débil', en: 'Weak cryptography' },
      'ddos-amplifier': { 'es-MX': 'Amplificador de DDoS', en: 'DDoS amplifier' },
      'potentially-unwanted-accessible': { 'es-MX': 'Servicio accesible no deseado', en: 'Potentially unwanted accessible service' },
      'information-disclosure': { 'es-MX': 'Divulgación de información', en: 'Information disclosure' },
      'vulnerable-system': { 'es-MX': 'Sistema vulnerable', en: 'Vulnerable system' },
    },
  },
  other: {
    label: { 'es-MX': 'Otro', en: 'Other' },
    types: {
      other: { 'es-MX': 'Otro', en: 'Other' },
      undetermined: { 'es-MX': 'Sin determinar', en: 'Undetermined' },
    },
  },
  test: {
    label: { 'es-MX': 'Prueba', en: 'Test' },
    types: {
      test: { 'es-MX': 'Prueba', en: 'Test' },
    },
  },
} as const satisfies Record<string, { label: Labelled; types: Record<string, Labelled> }>;

export type RsitClass = keyof typeof RSIT_TAXONOMY;
export const RSIT_CLASSES = Object.keys(RSIT_TAXONOMY) as [RsitClass, ...RsitClass[]];
export type RsitType = { [C in RsitClass]: keyof (typeof RSIT_TAXONOMY)[C]['types'] }[RsitClass];
export const RSIT_TYPES = [...new Set(RSIT_CLASSES.flatMap((c) => Object.keys(RSIT_TAXONOMY[c].types)))] as [RsitType, ...RsitType[]];

export const rsitTypesOf = (rsitClass: RsitClass): RsitType[] => Object.keys(RSIT_TAXONOMY[rsitClass].types) as RsitType[];
export const isRsitTypeOf = (rsitClass: RsitClass, type: string): boolean => Object.hasOwn(RSIT_TAXONOMY[rsitClass].types, type);
export function rsitTypeLabel(rsitClass: RsitClass, type: string): Labelled | null {
  const types: Record<string, Labelled> = RSIT_TAXONOMY[rsitClass].types;
  return types[type] ?? null;
}

/** NCISS: the level is stored as its number; the name is how people say it. */
export const SEVERITY_LEVELS = [
  { level: 0, key: 'baseline', label: { 'es-MX': 'Nivel 0 · Base', en: 'Level 0 · Baseline' } },
  { level: 1, key: 'low', label: { 'es-MX': 'Nivel 1 · Bajo', en: 'Level 1 · Low' } },
  { level: 2, key: 'medium', label: { 'es-MX': 'Nivel 2 · Medio', en: 'Level 2 · Medium' } },
  { level: 3, key: 'high', label: { 'es-MX': 'Nivel 3 · Alto', en: 'Level 3 · High' } },
  { level: 4, key: 'severe', label: { 'es-MX': 'Nivel 4 · Severo', en: 'Level 4 · Severe' } },
  { level: 5, key: 'emergency', label: { 'es-MX': 'Nivel 5 · Emergencia', en: 'Level 5 · Emergency' } },
] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number]['level'];
export const SEVERITIES = SEVERITY_LEVELS.map((s) => s.level) as unknown as readonly [SeverityLevel, ...SeverityLevel[]];
export type SeverityKey = (typeof SEVERITY_LEVELS)[number]['key'];
export const severityKey = (level: SeverityLevel): SeverityKey => SEVERITY_LEVELS[level].key;

/** TLP 2.0, from the least to the most restricted. */
export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];
export const TLP_LABELS = {
  CLEAR: { 'es-MX': 'Sin restricción de difusión', en: 'Disclosure is not limited' },
  GREEN: { 'es-MX': 'Comunidad: puede compartirse dentro de la comunidad', en: 'Limited disclosure, community-wide' },
  AMBER: { 'es-MX': 'Organización y sus clientes, con necesidad de conocer', en: 'Organisation and its clients, need to know' },
  'AMBER+STRICT': { 'es-MX': 'Solo la organización, con necesidad de conocer', en: 'Organisation only, need to know' },
  RED: { 'es-MX': 'Solo para los destinatarios nombrados; no se comparte', en: 'For the eyes and ears of individual recipients only' },
} as const satisfies Record<Tlp, Labelled>;

/**
 * The colours FIRST prescribes for the TLP 2.0 labels (first.org/tlp, "Colour-coding"): the label's
 * text in its colour on a black background. The portal's badges and the official PDF use them.
 */
export const TLP_COLOURS = {
  CLEAR: { text: '#FFFFFF', background: '#000000' },
  GREEN: { text: '#33FF00', background: '#000000' },
  AMBER: { text: '#FFC000', background: '#000000' },
  'AMBER+STRICT': { text: '#FFC000', background: '#000000' },
  RED: { text: '#FF2B2B', background: '#000000' },
} as const satisfies Record<Tlp, { text: string; background: string }>;

/**
 * The official STIX 2.1 marking-definition ids of TLP 2.0 (OASIS CTI, "TLP 2.0 marking
 * definitions", stix2 extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d).
 */
export const TLP2_STIX_MARKING_IDS = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
} as const satisfies Record<Tlp, string>;
