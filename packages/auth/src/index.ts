export * from './tokens.ts';
export * from './passwords.ts';
export * from './cookies.ts';
export * from './sessions.ts';
export * from './throttle.ts';
export * from './api-tokens.ts';
export * from './password-reset.ts';
