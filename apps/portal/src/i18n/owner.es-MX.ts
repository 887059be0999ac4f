/**
 * `owner.*` in Spanish (Mexico): the header's search box, and the incident's owner (the ANC
 * coordinator in charge: list column, "Mis incidentes", the detail's "Responsable", the timeline).
 * Its own file, like tasks.es-MX.ts, so features built at the same time do not edit the same lines.
 */
export const ownerEsMX = {
  search: {
    label: 'Buscar incidentes',
    placeholder: 'Texto, IP, dominio, hash o CVE',
    hint: 'Escribe y pulsa Intro para buscar en los incidentes.',
    open: 'Abrir la búsqueda de incidentes',
    submit: 'Buscar',
  },
  column: 'Responsable',
  none: 'Sin responsable',
  mine: 'Mis incidentes',
  mineGroup: 'Responsable',
  detail: {
    label: 'Responsable',
    hint: 'Coordinador de la ANC a cargo del incidente; recibe sus novedades.',
    you: '{{name}} (tú)',
    take: 'Tomar',
    assign: 'Asignar a…',
    assignLabel: 'Asignar el incidente a',
    nobody: 'Sin responsable',
    nothingFound: 'Ningún coordinador coincide',
    taken: 'Tomaste el incidente.',
    assigned: 'Se asignó el incidente a {{name}}.',
    cleared: 'El incidente quedó sin responsable.',
  },
  timeline: {
    took: 'tomó el incidente como responsable',
    assigned: 'asignó el incidente a {{name}}',
    cleared: 'dejó el incidente sin responsable',
    unknown: 'cambió el responsable',
  },
  auditAction: 'Responsable del incidente asignado',
};
