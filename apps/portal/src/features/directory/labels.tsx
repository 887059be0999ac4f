import { type DesignationRole, type DesignationState, formatMxPhone } from '@anc/domain';
import { Anchor, Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const STATE_COLORS: Record<DesignationState, string> = { pending: 'blue', due_soon: 'orange', overdue: 'red', complete: 'teal' };

export function DesignationStateBadge({ state, testId }: { state: DesignationState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="light" data-testid={testId} data-state={state}>
      {t(`directory.states.${state}`)}
    </Badge>
  );
}

/** "Titular, Auxiliar": the short names of roles, in the policy's order. */
export function useRoleList() {
  const { t } = useTranslation();
  return (roles: readonly DesignationRole[]) => roles.map((r) => t(`directory.rolesShort.${r}`)).join(', ');
}

/** A stored E.164 number as people read it, dialable. */
export function PhoneLink({ phone }: { phone: string }) {
  return (
    <Anchor href={`tel:${phone}`} size="sm" style={{ whiteSpace: 'nowrap' }}>
      {formatMxPhone(phone)}
    </Anchor>
  );
}

export function MailLink({ email }: { email: string }) {
  return (
    <Anchor href={`mailto:${email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
      {email}
    </Anchor>
  );
}
