/**
 * One agency's entry of the institutional directory: the clock, the three designated people (with
 * a form each for who may change them: the agency's own staff and admins), the 24/7 emergency
 * contact and the history of past holders.
 */
import { DESIGNATION_PERIOD_DAYS, DESIGNATION_ROLES, type DesignationRole, addDays, formatMxDateTime } from '@anc/domain';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlarm, IconPencil, IconPhoneCall, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { formatDay } from '../initiatives/format.ts';
import { DesignationFormModal } from './DesignationFormModal.tsx';
import { EmergencyContactModal } from './EmergencyContactModal.tsx';
import { DesignationStateBadge, MailLink, PhoneLink, useRoleList } from './labels.tsx';
import type { DirectoryEntry } from './types.ts';

export function DirectoryEntryView({ entry }: { entry: DirectoryEntry }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useCurrentUser();
  const roleList = useRoleList();
  const canEdit = me.role === 'admin' || (me.role === 'staff' && me.agency.id === entry.agency.id);
  const [designating, setDesignating] = useState<DesignationRole | null>(null);
  const [editingContact, setEditingContact] = useState(false);
  const late = entry.designationState === 'overdue' || entry.designationState === 'due_soon';

  return (
    <Stack gap="lg" data-testid="directory-entry" data-agency={entry.agency.code}>
      <Paper p="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4}>
            <Title order={2} fz="lg">
              <Text span ff="monospace" fw={700} inherit>
                {entry.agency.code}
              </Text>{' '}
              — {agencyName(entry.agency, locale)}
            </Title>
            <Text size="sm">{t('directory.dueAt', { date: formatDay(entry.designationDueAt, locale) })}</Text>
            <Text size="xs" c="dimmed">
              {t('directory.dueHint', { date: formatDay(addDays(entry.designationDueAt, -DESIGNATION_PERIOD_DAYS), locale) })}
            </Text>
          </Stack>
          <DesignationStateBadge state={entry.designationState} testId="directory-entry-state" />
        </Group>
        {entry.missingRoles.length > 0 ? (
          <Alert
            mt="sm"
            color={late ? (entry.designationState === 'overdue' ? 'red' : 'orange') : 'blue'}
            variant="light"
            icon={<IconAlarm aria-hidden />}
            data-testid="directory-missing"
          >
            {t('directory.missing', { roles: roleList(entry.missingRoles) })}
          </Alert>
        ) : (
          <Text mt="sm" size="sm" c="teal.8">
            {t('directory.nothingMissing')}
          </Text>
        )}
      </Paper>

      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        {DESIGNATION_ROLES.map((role) => {
          const d = entry.designations.find((x) => x.role === role);
          return (
            <Paper key={role} p="md" component="section" aria-labelledby={`role-${role}`} data-testid={`designation-${role}`}>
              <Stack gap={6} h="100%">
                <Title order={3} fz="sm" id={`role-${role}`}>
                  {t(`directory.roles.${role}`)}
                </Title>
                {d ? (
                  <>
                    <Text fw={600} data-testid={`designation-${role}-name`}>
                      {d.name}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {d.position}
                    </Text>
                    <MailLink email={d.email} />
                    <PhoneLink phone={d.phone} />
                    <Text size="xs" c="dimmed">
                      {t('directory.designatedOn', { date: formatDay(d.designatedAt, locale) })}
                    </Text>
                  </>
                ) : (
                  <Text size="sm" c="red.8" data-testid={`designation-${role}-missing`}>
                    {t('directory.notDesignated')}
                  </Text>
                )}
                {canEdit ? (
                  <Group mt="auto" pt="xs">
                    <Button
                      size="xs"
                      variant={d ? 'default' : 'filled'}
                      leftSection={d ? <IconPencil size={14} aria-hidden /> : <IconUserPlus size={14} aria-hidden />}
                      onClick={() => setDesignating(role)}
                      data-testid={`designate-${role}`}
                    >
                      {d ? t('directory.replace') : t('directory.designate')}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>

      <Paper p="md" component="section" aria-labelledby="emergency-heading" data-testid="directory-emergency">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="xs">
            <IconPhoneCall size={18} aria-hidden />
            <Title order={3} fz="sm" id="emergency-heading">
              {t('directory.emergency.title')}
            </Title>
          </Group>
          {canEdit ? (
            <Button size="xs" variant="default" onClick={() => setEditingContact(true)} data-testid="emergency-edit">
              {entry.emergencyContact ? t('directory.emergency.edit') : t('directory.emergency.set')}
            </Button>
          ) : null}
        </Group>
        {entry.emergencyContact ? (
          <Group gap="lg" mt="xs" wrap="wrap">
            <Text fw={600} size="sm" data-testid="emergency-name-shown">
              {entry.emergencyContact.name}
            </Text>
            <PhoneLink phone={entry.emergencyContact.phone} />
            <MailLink email={entry.emergencyContact.email} />
          </Group>
        ) : (
          <Text size="sm" c="dimmed" mt="xs">
            {t('directory.emergency.none')}
          </Text>
        )}
      </Paper>

      <Paper p="md" component="section" aria-labelledby="history-heading" data-testid="directory-history">
        <Title order={3} fz="sm" id="history-heading" mb="xs">
          {t('directory.history.title')}
        </Title>
        {entry.history.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('directory.history.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('directory.history.role')}</Table.Th>
                  <Table.Th>{t('directory.history.person')}</Table.Th>
                  <Table.Th>{t('directory.history.period')}</Table.Th>
                  <Table.Th>{t('directory.history.replaced')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entry.history.map((h) => (
                  <Table.Tr key={`${h.role}-${h.recordedAt}`}>
                    <Table.Td>{t(`directory.rolesShort.${h.role}`)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {h.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {h.position} · {h.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatDay(h.designatedAt, locale)}</Table.Td>
                    <Table.Td>{formatMxDateTime(h.replacedAt, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      {designating ? <DesignationFormModal entry={entry} role={designating} opened onClose={() => setDesignating(null)} /> : null}
      <EmergencyContactModal entry={entry} opened={editingContact} onClose={() => setEditingContact(false)} />
    </Stack>
  );
}
