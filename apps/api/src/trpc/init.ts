// The single initTRPC of the API. Exports only the builders procedures are made of.
import { initTRPC } from '@trpc/server';
import { DomainError, assertActorMay, mayCallWhileEnrolling, type Action } from '@anc/domain';
import type { InnerContext } from './context.ts';
import { describeError, isInvalidTextError, toTRPCError } from './errors.ts';

const t = initTRPC.context<InnerContext>().create({
  errorFormatter({ shape, error, ctx }) {
    const { message, reason, fieldErrors } = describeError(error, ctx?.locale ?? 'es-MX');
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, message, data: { ...data, reason, fieldErrors } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Domain errors become tRPC errors here, once, for every procedure; so does text the database
 * refused to store (a BAD_REQUEST, never a 500: see `isInvalidTextError`).
 */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  if (!result.ok && isInvalidTextError(result.error.cause)) throw toTRPCError(new DomainError('BAD_REQUEST', 'invalid_text'));
  return result;
});

/**
 * Mutations must come from the portal's own origin (or a configured one): a cookie sent by a
 * page of another site is refused. After a mutation the audit sealer is nudged.
 */
const originCheck = t.middleware(async ({ ctx, type, next }) => {
  if (type === 'mutation') {
    const allowed = ctx.env.publicOrigins.length ? ctx.env.publicOrigins : [ctx.request.selfOrigin];
    if (!ctx.request.origin || !allowed.includes(ctx.request.origin)) throw new DomainError('FORBIDDEN', 'foreign_origin');
  }
  const result = await next();
  if (type === 'mutation') ctx.sealer?.nudge();
  return result;
});

/**
 * MFA_REQUIRED_ROLES (docs/API.md "MFA"): an account of such a role without a second factor may
 * only enrol. The one place every procedure passes (the plain-HTTP routes refuse such a session
 * in trpc/session.ts `actorFromRequest`); the allowed procedures are the domain's list.
 */
const enforceMfaEnrollment = t.middleware(({ ctx, path, next }) => {
  if (ctx.mfaEnrollmentRequired && !mayCallWhileEnrolling(path)) throw new DomainError('FORBIDDEN', 'mfa_enrollment_required');
  return next();
});

export const publicProcedure = t.procedure.use(mapDomainErrors).use(enforceMfaEnrollment).use(originCheck);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor || !ctx.sessionId) throw new DomainError('UNAUTHORIZED', 'not_signed_in');
  return next({ ctx: { ...ctx, actor: ctx.actor, sessionId: ctx.sessionId } });
});

/** A signed-in procedure allowed to the roles of one row of the domain's permission table. */
export const procedureFor = (action: Action) =>
  authedProcedure.use(({ ctx, next }) => {
    assertActorMay(ctx.actor, action);
    return next();
  });

export type AuthedContext = InnerContext & { actor: NonNullable<InnerContext['actor']>; sessionId: string };
