/**
 * The words and marks of an initiative, shared by the registry, the initiative page and the
 * Panel: objective, axis and status labels come from @anc/domain (so the portal and the API say
 * the same), with the status badge, the milestone-state badge and the progress bar.
 */
import {
  type EncsObjective,
  INITIATIVE_STATUS_LABELS,
  type InitiativeStatus,
  type Locale,
  MILESTONE_STATE_LABELS,
  type MilestoneState,
  objectiveLabel,
  axisLabel,
  initiativeStatusLabel,
} from '@anc/domain';
import { Badge, type BadgeProps, Group, Progress, Text } from '@mantine/core';
import { IconAlarm, IconCircleCheck, IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.ts';

export { axisLabel, initiativeStatusLabel, objectiveLabel };

type BadgeSize = BadgeProps['size'];

export const INITIATIVE_STATUS_COLORS: Record<InitiativeStatus, string> = {
  proposed: 'blue',
  approved: 'indigo',
  active: 'teal',
  on_hold: 'yellow',
  completed: 'green',
  cancelled: 'gray',
};

/** One colour per strategic objective, the same in the registry and on the Panel. */
export const OBJECTIVE_COLORS: Record<EncsObjective, string> = {
  society_rights: 'grape',
  economy_innovation: 'teal',
  public_institutions: 'guinda',
  public_security: 'indigo',
  national_security: 'dorado',
};

export function InitiativeStatusBadge({ status, size }: { status: InitiativeStatus; size?: BadgeSize }) {
  const locale = useLocale();
  return (
    <Badge variant="light" color={INITIATIVE_STATUS_COLORS[status]} size={size} data-testid="initiative-status-badge" data-status={status}>
      {INITIATIVE_STATUS_LABELS[status][locale]}
    </Badge>
  );
}

const MILESTONE_STYLE: Record<MilestoneState, { color: string; variant: 'light' | 'filled' | 'outline'; icon: typeof IconAlarm }> = {
  pending: { color: 'gray', variant: 'outline', icon: IconClockHour4 },
  late: { color: 'red.8', variant: 'filled', icon: IconAlarm },
  done: { color: 'green', variant: 'light', icon: IconCircleCheck },
  done_late: { color: 'orange', variant: 'light', icon: IconCircleCheck },
};

/** Pending, late, done or done late: a word and an icon, never colour alone. */
export function MilestoneStateBadge({ state, size = 'sm' }: { state: MilestoneState; size?: BadgeSize }) {
  const locale = useLocale();
  const style = MILESTONE_STYLE[state];
  const Mark = style.icon;
  return (
    <Badge
      variant={style.variant}
      color={style.color}
      c={state === 'done_late' ? 'orange.9' : undefined}
      size={size}
      leftSection={<Mark size={12} aria-hidden />}
      data-testid="milestone-state"
      data-state={state}
    >
      {MILESTONE_STATE_LABELS[state][locale]}
    </Badge>
  );
}

/** A progress bar that says its value: "45 %" beside it, and the value for assistive technology. */
export function InitiativeProgress({
  progress,
  label,
  size = 'md',
  testId = 'initiative-progress',
}: {
  progress: number;
  /** What the bar measures, read aloud ("Avance de PN-2027-004"). */
  label: string;
  size?: 'sm' | 'md' | 'lg';
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" miw={0}>
      <Progress
        value={progress}
        size={size}
        radius="xl"
        color={progress >= 100 ? 'green' : 'guinda'}
        aria-label={label}
        style={{ flex: 1, minWidth: 60 }}
        data-testid={testId}
        data-progress={progress}
      />
      <Text size="sm" fw={600} w={44} ta="right" style={{ whiteSpace: 'nowrap' }} aria-hidden>
        {t('initiatives.common.percent', { value: progress })}
      </Text>
    </Group>
  );
}

export const objectiveOptions = (locale: Locale) =>
  (Object.keys(OBJECTIVE_COLORS) as EncsObjective[]).map((o) => ({ value: o, label: objectiveLabel(o, locale) }));
