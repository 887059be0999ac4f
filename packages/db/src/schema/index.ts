export * from './enums.ts';
export * from './agencies.ts';
export * from './users.ts';
export * from './sessions.ts';
export * from './audit.ts';
export * from './relations.ts';
export * from './incidents.ts';
