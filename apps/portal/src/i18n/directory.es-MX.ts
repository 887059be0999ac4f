/**
 * `directory.*` in Spanish (Mexico): the institutional directory of the Política General de
 * Ciberseguridad para la APF (its page, forms, the Panel's card and the contacts panel of incidents
 * and tasks). Kept in its own file; es-MX.ts includes it under `directory`, directory.en.ts is typed against it.
 */
export const directoryEsMX = {
  pageTitle: 'Directorio institucional',
  description:
    'Titular Institucional en Materia de Ciberseguridad, Responsable Institucional de Ciberseguridad (RIC) y su auxiliar de cada dependencia, y su contacto de emergencia 24/7, conforme a la Política General de Ciberseguridad para la APF.',
  ownDescription:
    'Las personas que tu dependencia designó conforme a la Política General de Ciberseguridad para la APF y su contacto de emergencia 24/7. Mantenlos al día: la ANC los usa para coordinar la respuesta a incidentes.',
  roles: {
    titular: 'Titular Institucional en Materia de Ciberseguridad',
    ric: 'Responsable Institucional de Ciberseguridad (RIC)',
    ric_auxiliar: 'Auxiliar del RIC',
  },
  rolesShort: {
    titular: 'Titular',
    ric: 'RIC',
    ric_auxiliar: 'Auxiliar',
  },
  states: {
    pending: 'En plazo',
    due_soon: 'Por vencer',
    overdue: 'Vencido',
    complete: 'Completo',
  },
  dueAt: 'Fecha límite para designar: {{date}}',
  dueHint: '60 días naturales desde la entrada en vigor de la política ({{date}}).',
  missing: 'Falta designar: {{roles}}',
  nothingMissing: 'Las tres figuras están designadas.',
  notDesignated: 'Sin designar',
  designate: 'Designar',
  replace: 'Cambiar',
  fields: {
    name: 'Nombre completo',
    position: 'Cargo',
    email: 'Correo institucional',
    phone: 'Teléfono',
    phoneHint: 'Número de México a 10 dígitos; se guarda como +52.',
    designatedAt: 'Fecha de designación',
    designatedAtHint: 'La fecha del oficio de designación.',
    contactName: 'Persona o mesa de guardia',
  },
  form: {
    title: 'Designar: {{role}}',
    replaceNote: 'La persona designada hoy pasa al historial.',
    saved: 'Designación guardada.',
    contactTitle: 'Contacto de emergencia 24/7',
    contactSaved: 'Contacto de emergencia guardado.',
  },
  designatedOn: 'Designación del {{date}}',
  emergency: {
    title: 'Contacto de emergencia 24/7',
    none: 'Sin contacto de emergencia registrado.',
    set: 'Registrar',
    edit: 'Cambiar',
  },
  history: {
    title: 'Historial de designaciones',
    none: 'Todavía no hay designaciones anteriores.',
    role: 'Figura',
    person: 'Persona',
    period: 'Designación',
    replaced: 'Sustituida el',
  },
  list: {
    filter: 'Estado',
    all: 'Todos',
    agency: 'Dependencia',
    state: 'Estado',
    roles: 'Figuras designadas',
    ric: 'RIC',
    emergency: 'Contacto 24/7',
    yes: 'Registrado',
    no: 'Falta',
    empty: 'Ninguna dependencia está en ese estado.',
    open: 'Abrir el directorio de {{agency}}',
    counts: 'Dependencias por estado',
  },
  panel: {
    title: 'Designaciones de la política',
    dueAt: 'Plazo: {{date}}',
    open: 'Ver el directorio',
    ownState: 'Tu dependencia',
  },
  contacts: {
    title: 'Contactos de {{agency}}',
    ric: 'RIC',
    noRic: 'Sin RIC designado.',
    emergency: 'Emergencias 24/7',
    noEmergency: 'Sin contacto de emergencia.',
  },
  audit: {
    designate: 'Designación en el directorio institucional',
    setEmergencyContact: 'Contacto de emergencia 24/7 del directorio',
  },
  notFound: 'No existe esa dependencia en el directorio, o no tienes acceso a ella.',
  back: 'Volver al directorio',
} as const;
