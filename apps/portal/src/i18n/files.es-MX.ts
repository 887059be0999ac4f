/**
 * `files.*` in Spanish (Mexico): the «Evidencias» panel of the incident and task pages
 * (features/files/EvidencePanel.tsx). Its own file, like tasks.es-MX.ts; files.en.ts is typed against it.
 */
export const filesEsMX = {
  title: 'Evidencias ({{count}})',
  limits: 'Hasta {{maxSize}} por archivo y {{maxFiles}} archivos. Se descargan siempre como archivo, nunca se abren en el portal.',
  empty: 'Aún no hay evidencias.',
  emptyCanUpload: 'Aún no hay evidencias. Sube registros, capturas, correos o capturas de tráfico.',
  drop: 'Arrastra archivos aquí o',
  pick: 'elige archivos',
  pickLabel: 'Elegir archivos de evidencia',
  uploading: 'Subiendo {{name}}',
  cancel: 'Cancelar',
  cancelLabel: 'Cancelar la subida de {{name}}',
  dismiss: 'Quitar aviso',
  done: 'Evidencia guardada: {{name}}',
  duplicate: '{{name}} ya estaba en la lista (mismo SHA-256); no se guardó dos veces.',
  cancelled: 'Subida cancelada: {{name}}',
  tableLabel: 'Evidencias',
  name: 'Archivo',
  size: 'Tamaño',
  type: 'Tipo',
  declaredType: '{{type}} (declarado; no reconocido en el contenido)',
  uploadedBy: 'Subido por {{name}} ({{agency}}) el {{at}}',
  sha256: 'SHA-256',
  copy: 'Copiar SHA-256',
  copied: 'Copiado',
  download: 'Descargar',
  remove: 'Quitar',
  removeTitle: '¿Quitar esta evidencia?',
  removeBody: 'Se borrará «{{name}}» y su contenido. El cambio queda en la bitácora.',
  removeConfirm: 'Quitar evidencia',
  removed: 'Evidencia quitada.',
  errors: {
    tooLarge: '{{name}} pesa {{size}}; el máximo por archivo es {{maxSize}}.',
    full: 'Ya hay {{maxFiles}} evidencias; quita alguna antes de subir otra.',
    network: 'No se pudo subir {{name}}: se perdió la conexión. Revisa tu red y vuelve a intentarlo.',
    failed: 'No se pudo subir {{name}}: {{message}}',
  },
  units: { B: 'B', KiB: 'KiB', MiB: 'MiB' },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type FilesCatalogue = Widen<typeof filesEsMX>;
