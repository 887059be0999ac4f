import type { IncidentEventKind } from '../schemas/incident-dto.ts';
import type { IncidentStatus } from '../incidents/status.ts';
import type { ObservableType } from '../incidents/observables.ts';
import type { ReportDocument } from '../incidents/report-documents.ts';
import type { Bilingual, Labels } from './types.ts';

/** What the PDF's phrases are composed from (one shape for every phrase: see catalogue.test.ts). */
export interface ReportPdfPhrase {
  page: number;
  pages: number;
  /** A status label, or a report's name, or agency codes, as the phrase needs. */
  from: string;
  to: string;
  count: number;
}

/**
 * The words of the official PDF of an incident's report (apps/api/src/modules/incidents/report-pdf/):
 * the letterhead, the document titles, the section and field labels, the status and indicator
 * labels and one line per kind of timeline entry, in the reader's language. The RSIT, NCISS and
 * TLP labels are the taxonomy's own (incidents/taxonomy.ts).
 */
export const REPORT_PDF_WORDS = {
  agency: { 'es-MX': 'Agencia Nacional de Ciberseguridad', en: 'Agencia Nacional de Ciberseguridad' },
  agencySubtitle: { 'es-MX': 'Portal de Coordinación', en: 'Coordination portal' },
  documentTitle: {
    initial: { 'es-MX': 'Reporte de incidente de ciberseguridad', en: 'Cybersecurity incident report' },
    notification: { 'es-MX': 'Notificación del incidente', en: 'Incident notification' },
    final: { 'es-MX': 'Informe final del incidente', en: 'Final incident report' },
  } satisfies Labels<ReportDocument>,
  page: { 'es-MX': (p: ReportPdfPhrase) => `Página ${p.page} de ${p.pages}`, en: (p: ReportPdfPhrase) => `Page ${p.page} of ${p.pages}` },
  tlpNote: {
    'es-MX': 'Distribución conforme a FIRST TLP 2.0. No se comparte más allá de lo que permite su clasificación.',
    en: 'Distribution under FIRST TLP 2.0. Not to be shared beyond what its marking allows.',
  },
  generatedAt: { 'es-MX': 'Generado', en: 'Generated' },
  timeZone: { 'es-MX': 'Horas en tiempo de la Ciudad de México (America/Mexico_City).', en: 'Times in Mexico City time (America/Mexico_City).' },
  sections: {
    summary: { 'es-MX': 'Datos del incidente', en: 'Incident details' },
    report: { 'es-MX': 'Contenido del reporte', en: 'Report content' },
    description: { 'es-MX': 'Descripción', en: 'Description' },
    classification: { 'es-MX': 'Clasificación', en: 'Classification' },
    affectedSystems: { 'es-MX': 'Sistemas o servicios afectados', en: 'Affected systems or services' },
    impact: { 'es-MX': 'Impacto', en: 'Impact' },
    obligations: { 'es-MX': 'Obligaciones de reporte', en: 'Reporting obligations' },
    observables: { 'es-MX': 'Indicadores', en: 'Indicators' },
    timeline: { 'es-MX': 'Línea de tiempo', en: 'Timeline' },
  },
  fields: {
    reference: { 'es-MX': 'Referencia', en: 'Reference' },
    title: { 'es-MX': 'Título', en: 'Title' },
    agency: { 'es-MX': 'Dependencia que reporta', en: 'Reporting agency' },
    reporter: { 'es-MX': 'Reportado por', en: 'Reported by' },
    status: { 'es-MX': 'Estado', en: 'Status' },
    statusReason: { 'es-MX': 'Motivo del estado', en: 'Reason for the status' },
    detectedAt: { 'es-MX': 'Detectado', en: 'Detected' },
    awareAt: { 'es-MX': 'Conocimiento', en: 'Became aware' },
    filedAt: { 'es-MX': 'Presentado', en: 'Filed' },
    submittedAt: { 'es-MX': 'Fecha de presentación', en: 'Submitted' },
    submittedBy: { 'es-MX': 'Presentado por', en: 'Submitted by' },
    rsitClass: { 'es-MX': 'Clase RSIT', en: 'RSIT class' },
    rsitType: { 'es-MX': 'Tipo RSIT', en: 'RSIT type' },
    severity: { 'es-MX': 'Severidad (NCISS)', en: 'Severity (NCISS)' },
    tlp: { 'es-MX': 'Clasificación TLP', en: 'TLP marking' },
    personalData: { 'es-MX': 'Datos personales afectados', en: 'Personal data affected' },
    records: { 'es-MX': 'Registros estimados', en: 'Estimated records' },
    criticalService: { 'es-MX': 'Servicio crítico interrumpido', en: 'Critical service disrupted' },
    crossBorder: { 'es-MX': 'Impacto transfronterizo', en: 'Cross-border impact' },
    estimatedLoss: { 'es-MX': 'Pérdida estimada', en: 'Estimated loss' },
    obligation: { 'es-MX': 'Obligación', en: 'Obligation' },
    dueAt: { 'es-MX': 'Vence', en: 'Due' },
    observableType: { 'es-MX': 'Tipo', en: 'Type' },
    observableValue: { 'es-MX': 'Valor', en: 'Value' },
    when: { 'es-MX': 'Fecha', en: 'When' },
    who: { 'es-MX': 'Quién', en: 'Who' },
    what: { 'es-MX': 'Qué', en: 'What' },
  },
  yes: { 'es-MX': 'Sí', en: 'Yes' },
  no: { 'es-MX': 'No', en: 'No' },
  notSet: { 'es-MX': 'Sin especificar', en: 'Not given' },
  notEstimated: { 'es-MX': 'Sin estimar', en: 'Not estimated' },
  notSubmitted: { 'es-MX': 'Sin presentar', en: 'Not submitted' },
  none: { 'es-MX': 'Ninguno', en: 'None' },
  reportNotYetFiled: { 'es-MX': 'Aún no se presenta.', en: 'Not filed yet.' },
  obligationKinds: {
    early_warning: { 'es-MX': 'Aviso temprano', en: 'Early warning' },
    notification: { 'es-MX': 'Notificación del incidente', en: 'Incident notification' },
    final_report: { 'es-MX': 'Informe final', en: 'Final report' },
  },
  obligationStates: {
    pending: { 'es-MX': 'Pendiente', en: 'Pending' },
    due_soon: { 'es-MX': 'Por vencer', en: 'Due soon' },
    overdue: { 'es-MX': 'Vencido', en: 'Overdue' },
    met: { 'es-MX': 'Cumplido', en: 'Met' },
    late: { 'es-MX': 'Cumplido con retraso', en: 'Met late' },
  },
  status: {
    submitted: { 'es-MX': 'Recibido', en: 'Submitted' },
    triaged: { 'es-MX': 'Clasificado', en: 'Triaged' },
    investigating: { 'es-MX': 'En investigación', en: 'Investigating' },
    contained: { 'es-MX': 'Controlado', en: 'Contained' },
    resolved: { 'es-MX': 'Resuelto', en: 'Resolved' },
    closed: { 'es-MX': 'Cerrado', en: 'Closed' },
    rejected: { 'es-MX': 'Rechazado', en: 'Rejected' },
    merged: { 'es-MX': 'Fusionado', en: 'Merged' },
  } satisfies Labels<IncidentStatus>,
  observableTypes: {
    ipv4: { 'es-MX': 'IPv4', en: 'IPv4' },
    ipv6: { 'es-MX': 'IPv6', en: 'IPv6' },
    domain: { 'es-MX': 'Dominio', en: 'Domain' },
    url: { 'es-MX': 'URL', en: 'URL' },
    email: { 'es-MX': 'Correo', en: 'E-mail' },
    md5: { 'es-MX': 'MD5', en: 'MD5' },
    sha1: { 'es-MX': 'SHA-1', en: 'SHA-1' },
    sha256: { 'es-MX': 'SHA-256', en: 'SHA-256' },
    cve: { 'es-MX': 'CVE', en: 'CVE' },
    other: { 'es-MX': 'Otro', en: 'Other' },
  } satisfies Labels<ObservableType>,
  /** One line per kind of timeline entry; `from`/`to` are statuses, agency codes or a report's name. */
  timeline: {
    created: { 'es-MX': (p) => `registró el reporte con ${p.count} indicador(es)`, en: (p) => `filed the report with ${p.count} indicator(s)` },
    updated: { 'es-MX': (p) => `editó: ${p.from}`, en: (p) => `edited: ${p.from}` },
    comment: { 'es-MX': () => 'comentó', en: () => 'commented' },
    status: { 'es-MX': (p) => `cambió el estado de ${p.from} a ${p.to}`, en: (p) => `changed the status from ${p.from} to ${p.to}` },
    shared: { 'es-MX': (p) => `lo compartió con ${p.from}`, en: (p) => `shared it with ${p.from}` },
    unshared: { 'es-MX': (p) => `dejó de compartirlo con ${p.from}`, en: (p) => `stopped sharing it with ${p.from}` },
    report: { 'es-MX': (p) => `presentó: ${p.from}`, en: (p) => `submitted: ${p.from}` },
    observables_added: { 'es-MX': (p) => `agregó ${p.count} indicador(es): ${p.from}`, en: (p) => `added ${p.count} indicator(s): ${p.from}` },
    observable_removed: { 'es-MX': (p) => `quitó el indicador ${p.from}`, en: (p) => `removed the indicator ${p.from}` },
    merged_from: { 'es-MX': (p) => `fusionó aquí el incidente duplicado ${p.from}`, en: (p) => `merged the duplicate incident ${p.from} into this one` },
    task_created: { 'es-MX': (p) => `creó la tarea ${p.from} para ${p.to}`, en: (p) => `created the task ${p.from} for ${p.to}` },
    playbook_applied: { 'es-MX': (p) => `aplicó el playbook «${p.from}»`, en: (p) => `applied the playbook “${p.from}”` },
    owner_changed: {
      'es-MX': (p) => (p.to ? `dejó como responsable a ${p.to}` : 'dejó el incidente sin responsable'),
      en: (p) => (p.to ? `made ${p.to} the owner` : 'left the incident without an owner'),
    },
  } satisfies { readonly [K in IncidentEventKind]: Bilingual<(p: ReportPdfPhrase) => string> },
  allAgencies: { 'es-MX': 'todas las dependencias', en: 'every agency' },
  anotherIncident: { 'es-MX': 'otro incidente', en: 'another incident' },
  reason: { 'es-MX': 'Motivo:', en: 'Reason:' },
} as const;
