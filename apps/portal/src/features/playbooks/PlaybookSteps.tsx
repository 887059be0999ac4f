import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlaybookStep } from './types.ts';

/** The steps of a playbook as a numbered list: title, who gets the task, and within how many hours. */
export function PlaybookSteps({ steps, testId }: { steps: readonly PlaybookStep[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack component="ol" gap={6} p={0} m={0} style={{ listStyle: 'none' }} data-testid={testId}>
      {steps.map((step, i) => (
        <li key={`${i}-${step.title}`} data-testid={`${testId}-step`} data-assign-to={step.assignTo}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" fw={600} c="dimmed" w={20} ta="right" style={{ flexShrink: 0 }}>
              {i + 1}.
            </Text>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {step.title}
              </Text>
              <Group gap={6} wrap="wrap">
                <Badge size="sm" variant="light" color={step.assignTo === 'anc' ? 'grape' : 'blue'}>
                  {t(`playbooks.assignTo.${step.assignTo}`)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t('playbooks.dueAfter', { count: step.dueAfterHours })}
                </Text>
              </Group>
            </Stack>
          </Group>
        </li>
      ))}
    </Stack>
  );
}
