export * from './client.ts';
export * from './schema/index.ts';
export * from './seed.ts';
export * from './queries/agencies.ts';
export * from './queries/users.ts';
export * from './queries/sessions.ts';
export * from './queries/audit.ts';
export * from './queries/incidents.ts';
