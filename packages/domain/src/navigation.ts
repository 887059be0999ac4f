import type { Role } from './roles.ts';

/** The portal's main sections and who sees each one. */
export const NAV_SECTIONS = [
  { key: 'dashboard', path: '/', roles: ['staff', 'coordinator', 'admin'] },
  { key: 'incidents', path: '/incidentes', roles: ['staff', 'coordinator', 'admin'] },
  { key: 'tasks', path: '/tareas', roles: ['staff', 'coordinator', 'admin'] },
  { key: 'advisories', path: '/alertas', roles: ['staff', 'coordinator', 'admin'] },
  { key: 'initiatives', path: '/iniciativas', roles: ['staff', 'coordinator', 'admin'] },
  // the institutional directory: staff their own agency's entry, the ANC every agency's
  { key: 'directory', path: '/directorio', roles: ['staff', 'coordinator', 'admin'] },
  { key: 'admin', path: '/admin', roles: ['admin'] },
] as const satisfies readonly { key: string; path: string; roles: readonly Role[] }[];

export type NavSectionKey = (typeof NAV_SECTIONS)[number]['key'];

export const navigationFor = (role: Role) => NAV_SECTIONS.filter((s) => (s.roles as readonly Role[]).includes(role));
