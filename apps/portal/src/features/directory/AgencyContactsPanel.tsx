/**
 * Who to call about an incident or a task: the reporting (or assignee) agency's RIC and its 24/7
 * emergency contact, read through directory.incidentContacts / taskContacts, which answer only to
 * who may read the incident or task.
 */
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPhoneCall } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc.ts';
import { MailLink, PhoneLink } from './labels.tsx';
import type { AgencyContacts } from './types.ts';

export function IncidentContactsPanel({ incidentId }: { incidentId: string }) {
  const contacts = useQuery(trpc.directory.incidentContacts.queryOptions({ id: incidentId }));
  return contacts.data ? <ContactsPanel c={contacts.data} /> : null;
}

export function TaskContactsPanel({ taskId }: { taskId: string }) {
  const contacts = useQuery(trpc.directory.taskContacts.queryOptions({ id: taskId }));
  return contacts.data ? <ContactsPanel c={contacts.data} /> : null;
}

function ContactsPanel({ c }: { c: AgencyContacts }) {
  const { t } = useTranslation();
  return (
    <Paper p="md" component="section" aria-labelledby="agency-contacts-heading" data-testid="agency-contacts">
      <Group gap="xs" mb="xs">
        <IconPhoneCall size={18} aria-hidden />
        <Title order={2} fz="md" id="agency-contacts-heading">
          {t('directory.contacts.title', { agency: c.agency.code })}
        </Title>
      </Group>
      <Stack gap="sm">
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('directory.contacts.ric')}
          </Text>
          {c.ric ? (
            <>
              <Text size="sm" fw={600} data-testid="agency-contacts-ric">
                {c.ric.name}
              </Text>
              <Text size="xs" c="dimmed">
                {c.ric.position}
              </Text>
              <Group gap="md">
                <PhoneLink phone={c.ric.phone} />
                <MailLink email={c.ric.email} />
              </Group>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('directory.contacts.noRic')}
            </Text>
          )}
        </Stack>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('directory.contacts.emergency')}
          </Text>
          {c.emergencyContact ? (
            <>
              <Text size="sm" fw={600} data-testid="agency-contacts-emergency">
                {c.emergencyContact.name}
              </Text>
              <Group gap="md">
                <PhoneLink phone={c.emergencyContact.phone} />
                <MailLink email={c.emergencyContact.email} />
              </Group>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('directory.contacts.noEmergency')}
            </Text>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
