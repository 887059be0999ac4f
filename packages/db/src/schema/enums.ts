import { pgEnum } from 'drizzle-orm/pg-core';
import { AGENCY_KINDS, LOCALES, ROLES, SECTORS } from '@anc/domain';

export const agencyKind = pgEnum('agency_kind', AGENCY_KINDS);
export const sector = pgEnum('sector', SECTORS);
export const role = pgEnum('role', ROLES);
export const locale = pgEnum('locale', LOCALES);
