/**
 * `exports.*` in Spanish (Mexico): the incident page's STIX 2.1 download
 * (apps/api/src/modules/incidents/export/export.routes.ts). Kept in its own file so that the
 * features built at the same time do not edit the same lines; es-MX.ts includes it.
 */
export const exportsEsMX = {
  stix: {
    button: 'Descargar STIX 2.1',
    hint: 'El incidente, sus indicadores y su clasificación {{tlp}} como paquete STIX 2.1 (JSON), para otras plataformas de inteligencia de amenazas.',
  },
};
