/**
 * The words and marks of a task, shared by the board, the list, the task page and the incident
 * page: status, priority and due badges, and the countdown to the due time. Overdue and due soon
 * are never told by colour alone: each badge has an icon and a word, the countdown says it again.
 */
import { type Locale, type TaskDueState, type TaskPriority, type TaskStatus, formatMxDateTime, taskDueState } from '@anc/domain';
import { Badge, type BadgeProps, Group, Text, type TextProps } from '@mantine/core';
import { IconAlarm, IconChevronDown, IconChevronUp, IconChevronsUp, IconClockHour4, IconEqual, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { i18n, useLocale } from '../../i18n/index.ts';
import { useNow } from '../../components/Countdown.tsx';
import { countdownParts, formatDuration } from '../../lib/countdown.ts';

type BadgeSize = BadgeProps['size'];

export const taskStatusLabel = (status: TaskStatus, locale: Locale): string => i18n.t(`tasks.status.${status}`, { lng: locale });
export const taskPriorityLabel = (priority: TaskPriority, locale: Locale): string => i18n.t(`tasks.priority.${priority}`, { lng: locale });

export const TASK_STATUS_COLORS: Record<TaskStatus, string> = {
  open: 'blue',
  in_progress: 'indigo',
  blocked: 'yellow',
  in_review: 'grape',
  done: 'green',
  cancelled: 'gray',
};

// Red and orange belong to "overdue" and "due soon"; priorities use other colours and an arrow.
const PRIORITY_STYLE: Record<TaskPriority, { color: string; variant: 'light' | 'filled' | 'outline'; icon: Icon }> = {
  low: { color: 'gray', variant: 'outline', icon: IconChevronDown },
  normal: { color: 'gray', variant: 'light', icon: IconEqual },
  high: { color: 'dorado', variant: 'light', icon: IconChevronUp },
  urgent: { color: 'guinda', variant: 'filled', icon: IconChevronsUp },
};

export function TaskStatusBadge({ status, size }: { status: TaskStatus; size?: BadgeSize }) {
  const locale = useLocale();
  return (
    <Badge variant="light" color={TASK_STATUS_COLORS[status]} size={size} data-testid="task-status-badge" data-status={status}>
      {taskStatusLabel(status, locale)}
    </Badge>
  );
}

export function TaskPriorityBadge({ priority, size }: { priority: TaskPriority; size?: BadgeSize }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const style = PRIORITY_STYLE[priority];
  const Arrow = style.icon;
  return (
    <Badge
      variant={style.variant}
      color={style.color}
      size={size}
      leftSection={<Arrow size={12} aria-hidden />}
      title={t('tasks.priority.title', { priority: taskPriorityLabel(priority, locale) })}
      data-testid="task-priority-badge"
      data-priority={priority}
    >
      {taskPriorityLabel(priority, locale)}
    </Badge>
  );
}

/** The due state now, by this browser's clock (a task turns due soon or overdue while it is on screen). */
export function useTaskDueState(task: { status: TaskStatus; dueAt: string }): TaskDueState {
  const now = useNow();
  return taskDueState({ status: task.status, dueAt: new Date(task.dueAt) }, now);
}

/** "Vencida" (red) or "Vence pronto" (orange), each with its icon; nothing while on track or closed. */
export function TaskDueBadge({ state, size }: { state: TaskDueState; size?: BadgeSize }) {
  const { t } = useTranslation();
  if (state !== 'overdue' && state !== 'due_soon') return null;
  const overdue = state === 'overdue';
  const Mark = overdue ? IconAlarm : IconClockHour4;
  return (
    <Badge
      variant={overdue ? 'filled' : 'light'}
      color={overdue ? 'red.8' : 'orange'}
      size={size}
      leftSection={<Mark size={12} aria-hidden />}
      data-testid="task-due-badge"
      data-state={state}
    >
      {overdue ? t('tasks.due.overdue') : t('tasks.due.dueSoon')}
    </Badge>
  );
}

/** "vence en 1 d 4 h" / "vencida hace 3 h", coloured by the due state; the full date on hover. */
export function TaskCountdown({ task, ...props }: { task: { status: TaskStatus; dueAt: string } } & TextProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow();
  const state = taskDueState({ status: task.status, dueAt: new Date(task.dueAt) }, now);
  const parts = countdownParts(task.dueAt, now);
  const time = formatDuration(parts, (key, options) => t(key, options));
  const closed = state === 'none';
  const text = closed
    ? t('tasks.due.was', { date: formatMxDateTime(task.dueAt, locale) })
    : parts.overdue
      ? t('tasks.due.overdueBy', { time })
      : t('tasks.due.dueIn', { time });
  const color = state === 'overdue' ? 'red.8' : state === 'due_soon' ? 'orange.9' : 'dimmed';
  return (
    <Text
      size="sm"
      fw={state === 'overdue' || state === 'due_soon' ? 700 : 400}
      c={color}
      title={formatMxDateTime(task.dueAt, locale)}
      data-testid="task-countdown"
      data-state={state}
      {...props}
    >
      {text}
    </Text>
  );
}

/** Badge and countdown together, as lists and cards show the due time. */
export function TaskDue({ task, size = 'sm' }: { task: { status: TaskStatus; dueAt: string }; size?: BadgeSize }) {
  const state = useTaskDueState(task);
  return (
    <Group gap={6} wrap="wrap" data-testid="task-due" data-state={state}>
      <TaskDueBadge state={state} size={size} />
      <TaskCountdown task={task} size="xs" style={{ whiteSpace: 'nowrap' }} />
    </Group>
  );
}
