// Plausible incident text and indicator values, shared by the SQL seed and the HTTP creates so
// that full-text search and observable correlation see realistic data. Spanish, as the portal's
// users write it.
import { createHash } from 'node:crypto';
import type { RsitClass, RsitType, Tlp } from '@anc/domain';

export const TITLE_OPENINGS = [
  'Campaña de phishing dirigida a',
  'Acceso no autorizado a',
  'Denegación de servicio contra',
  'Ransomware detectado en',
  'Escaneo masivo de puertos contra',
  'Fuga de información de',
  'Código malicioso en',
  'Credenciales expuestas de',
  'Intento de intrusión en',
  'Suplantación de identidad de',
  'Explotación de vulnerabilidad en',
  'Defacement del sitio de',
  'Tráfico anómalo hacia',
  'Compromiso de cuenta privilegiada en',
  'Interrupción del servicio de',
  'Correo fraudulento que suplanta a',
];

export const TITLE_TARGETS = [
  'el portal de trámites ciudadanos',
  'los servidores de correo institucional',
  'la red administrativa',
  'el sistema de nómina',
  'la plataforma de pagos',
  'el directorio activo',
  'la VPN de acceso remoto',
  'el centro de datos principal',
  'las estaciones de trabajo del área jurídica',
  'el sistema de expedientes clínicos',
  'la página institucional',
  'el servicio de atención telefónica',
  'los equipos de control industrial',
  'la base de datos de padrones',
  'el sistema de facturación electrónica',
  'la red inalámbrica de oficinas',
];

export const TITLE_PLACES = [
  'en oficinas centrales',
  'en la delegación Jalisco',
  'en la delegación Nuevo León',
  'en la sede de Puebla',
  'en la región Sureste',
  'en la oficina de enlace en Tijuana',
  'en el sitio alterno de Querétaro',
  'en la delegación Veracruz',
  'durante el cierre mensual',
  'fuera de horario laboral',
  'tras una actualización de software',
  'en el centro de operaciones',
];

export const SENTENCES = [
  'El equipo de respuesta detectó conexiones salientes hacia direcciones asociadas a infraestructura maliciosa.',
  'Varios usuarios reportaron correos con enlaces que solicitaban restablecer su contraseña institucional.',
  'Se aislaron los equipos afectados y se preservaron las bitácoras para el análisis forense.',
  'El proveedor de servicios confirmó un incremento inusual de tráfico durante la madrugada.',
  'No se ha confirmado la exfiltración de datos personales, pero el análisis continúa.',
  'Se identificó una cuenta de servicio con privilegios excesivos que fue utilizada desde el extranjero.',
  'La herramienta de detección en los equipos bloqueó la ejecución de un archivo adjunto malicioso.',
  'El servicio estuvo degradado durante aproximadamente tres horas y se restableció con el sitio alterno.',
  'Se solicitó al área de infraestructura aplicar los parches pendientes en los servidores expuestos.',
  'Los indicadores de compromiso se compartieron con el equipo de monitoreo para su bloqueo perimetral.',
  'Un tercero publicó en un foro extractos de documentos internos con información clasificada.',
  'Se detectó un escaneo sistemático de puertos desde múltiples direcciones en distintos países.',
  'El cifrado de archivos afectó carpetas compartidas del área administrativa y financiera.',
  'Se restablecieron las contraseñas de las cuentas comprometidas y se habilitó el doble factor.',
  'La campaña suplantaba la identidad de la dependencia para solicitar pagos a proveedores.',
  'El firewall registró intentos repetidos de autenticación fallida contra la VPN institucional.',
  'Se notificó a los titulares de los datos conforme a la normativa de protección de datos personales.',
  'El análisis preliminar apunta a la explotación de una vulnerabilidad conocida sin parche.',
  'Se levantó un acta administrativa y se dio vista al órgano interno de control.',
  'Se coordinó con el proveedor de nube la revisión de los registros de acceso a la consola.',
  'Los respaldos más recientes se verificaron íntegros y se inició la restauración de los servicios.',
  'Se observaron consultas DNS hacia dominios generados algorítmicamente desde la red interna.',
  'Una unidad USB con malware se conectó a un equipo de la red de control industrial.',
  'El sitio web institucional mostró contenido alterado durante cuarenta minutos.',
];

export const AFFECTED_SYSTEMS = [
  'Correo institucional',
  'Portal de trámites',
  'Directorio activo',
  'VPN de acceso remoto',
  'Sistema de nómina',
  'Plataforma de pagos',
  'Red administrativa',
  'Centro de datos',
  'Estaciones de trabajo',
  'Base de datos de padrones',
  'Telefonía IP',
  'Sistema SCADA',
];

export const REJECTION_REASONS = [
  'No constituye un incidente de seguridad: falso positivo del sistema de detección.',
  'Duplicado de un reporte previo de la misma dependencia.',
  'Actividad autorizada de pruebas de penetración.',
];

export const REPORT_BODIES = {
  notification:
    'Notificación del incidente: se confirma el alcance inicial, los sistemas afectados y las medidas de contención aplicadas. Se anexan los indicadores de compromiso identificados.',
  final_report:
    'Informe final: causa raíz identificada, medidas correctivas implementadas y lecciones aprendidas. El servicio opera con normalidad y se mantiene el monitoreo reforzado.',
} as const;

/** RSIT class/type pairs with rough relative frequencies of a national CSIRT's queue. */
export const CLASSIFICATIONS: readonly { rsitClass: RsitClass; rsitType: RsitType; weight: number }[] = [
  { rsitClass: 'fraud', rsitType: 'phishing', weight: 18 },
  { rsitClass: 'fraud', rsitType: 'masquerade', weight: 4 },
  { rsitClass: 'malicious-code', rsitType: 'infected-system', weight: 12 },
  { rsitClass: 'malicious-code', rsitType: 'malware-distribution', weight: 4 },
  { rsitClass: 'malicious-code', rsitType: 'c2-server', weight: 2 },
  { rsitClass: 'information-gathering', rsitType: 'scanner', weight: 12 },
  { rsitClass: 'information-gathering', rsitType: 'social-engineering', weight: 3 },
  { rsitClass: 'intrusion-attempts', rsitType: 'brute-force', weight: 9 },
  { rsitClass: 'intrusion-attempts', rsitType: 'ids-alert', weight: 5 },
  { rsitClass: 'intrusions', rsitType: 'unprivileged-account-compromise', weight: 5 },
  { rsitClass: 'intrusions', rsitType: 'privileged-account-compromise', weight: 2 },
  { rsitClass: 'intrusions', rsitType: 'system-compromise', weight: 3 },
  { rsitClass: 'availability', rsitType: 'ddos', weight: 5 },
  { rsitClass: 'availability', rsitType: 'outage', weight: 3 },
  { rsitClass: 'information-content-security', rsitType: 'data-leak', weight: 4 },
  { rsitClass: 'information-content-security', rsitType: 'unauthorised-information-access', weight: 3 },
  { rsitClass: 'vulnerable', rsitType: 'vulnerable-system', weight: 4 },
  { rsitClass: 'abusive-content', rsitType: 'spam', weight: 2 },
];

/** NCISS levels 0–5: most reports are low or medium. */
export const SEVERITY_WEIGHTS = [10, 30, 30, 18, 10, 2] as const;

export const TLP_WEIGHTS: readonly { tlp: Tlp; weight: number }[] = [
  { tlp: 'CLEAR', weight: 10 },
  { tlp: 'GREEN', weight: 25 },
  { tlp: 'AMBER', weight: 45 },
  { tlp: 'AMBER+STRICT', weight: 12 },
  { tlp: 'RED', weight: 8 },
];

/** Expands weights into a lookup list: picking an element uniformly honours the weights. */
export function weighted<I extends { weight: number }, T>(items: readonly I[], pick: (item: I, index: number) => T): T[] {
  return items.flatMap((item, i) => Array.from({ length: item.weight }, () => pick(item, i)));
}

// Indicator pools: a value is a function of a pool index, computed the same way in SQL (seed) and
// here (creates), so both draw from one population and sightings repeat as in real feeds.
export const OBSERVABLE_POOL = 20_000;
const DOMAIN_WORDS = ['actualiza', 'verifica', 'soporte', 'pagos', 'tramite', 'seguridad', 'cuenta', 'factura', 'aviso', 'portal'];

export const poolIpv4 = (p: number) => `${(p % 200) + 20}.${(p * 37) % 256}.${(p * 101) % 256}.${(p % 250) + 1}`;
export const poolDomain = (p: number) => `${DOMAIN_WORDS[p % DOMAIN_WORDS.length] ?? 'portal'}-${p}.com.mx`;
export const poolSha256 = (p: number) => createHash('sha256').update(`muestra-${p}`).digest('hex');
export const poolUrl = (p: number) => `https://${poolDomain(p)}/acceso`;

/** The same four pools as SQL expressions of an integer expression `p`. */
export const poolSql = {
  ipv4: (p: string) =>
    `(((${p}) % 200) + 20)::text || '.' || (((${p}) * 37) % 256)::text || '.' || (((${p}) * 101) % 256)::text || '.' || (((${p}) % 250) + 1)::text`,
  domain: (p: string) => `(${sqlTextArray(DOMAIN_WORDS)})[((${p}) % ${DOMAIN_WORDS.length}) + 1] || '-' || (${p})::text || '.com.mx'`,
  sha256: (p: string) => `encode(sha256(convert_to('muestra-' || (${p})::text, 'UTF8')), 'hex')`,
  url: (p: string) => `'https://' || ${poolSql.domain(p)} || '/acceso'`,
};

/** A SQL text-array literal of constant strings (quotes doubled). */
export function sqlTextArray(values: readonly string[]): string {
  return `array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')}]::text[]`;
}

const pick = <T>(list: readonly T[], n: number): T => {
  const v = list[Math.abs(n) % list.length];
  if (v === undefined) throw new Error('empty list');
  return v;
};

/** A title and description for an incident created over HTTP, varied by `n`. */
export function incidentText(n: number) {
  const title = `${pick(TITLE_OPENINGS, n)} ${pick(TITLE_TARGETS, n * 7 + 3)} ${pick(TITLE_PLACES, n * 13 + 5)}`;
  const description = [0, 1, 2, 3].map((k) => pick(SENTENCES, n * 31 + k * 11)).join(' ');
  return { title, description, affectedSystems: `${pick(AFFECTED_SYSTEMS, n)}, ${pick(AFFECTED_SYSTEMS, n * 5 + 1)}` };
}
