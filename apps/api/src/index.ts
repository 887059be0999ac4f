export type { AppRouter } from './router.ts';
export { appRouter } from './router.ts';
export { createServer, type Server } from './server.ts';
export { loadEnv, testEnv, type Env } from './env.ts';
export { prepareDatabase } from './bootstrap.ts';
export { createInnerContext } from './trpc/context.ts';
export { createCallerFactory } from './trpc/init.ts';
