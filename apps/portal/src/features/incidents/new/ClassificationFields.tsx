import { RSIT_CLASSES, type RsitClass, SEVERITY_LEVELS, TLP_LEVELS, type Tlp, rsitTypesOf } from '@anc/domain';
import { Box, Flex, Group, Radio, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../i18n/index.ts';
import { SEVERITY_STYLES, TlpBadge, rsitClassLabel, rsitTypeLabel } from '../labels.tsx';
import { type IncidentFormValues, fieldId } from './form-model.ts';

type Form = UseFormReturnType<IncidentFormValues>;

const isRsitClass = (value: string | null): value is RsitClass => (RSIT_CLASSES as readonly (string | null)[]).includes(value);

/** Catalogue key of a TLP level's explanation ('AMBER+STRICT' is not a good key). */
const TLP_HINT_KEYS = { CLEAR: 'clear', GREEN: 'green', AMBER: 'amber', 'AMBER+STRICT': 'amberStrict', RED: 'red' } as const satisfies Record<Tlp, string>;

/**
 * One tab stop per radio group (WAI-ARIA APG radio group): the checked card, or the first while none
 * is; Mantine's Radio.Card moves the choice with the arrow keys.
 */
const rovingTabIndex = (current: string | null, value: string, first: string) => ((current ? current === value : value === first) ? 0 : -1);

/** RSIT class and type (the type list follows the class), NCISS severity, TLP 2.0. */
export function ClassificationFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rsitClass = form.values.rsitClass;
  const classOptions = RSIT_CLASSES.map((c) => ({ value: c, label: rsitClassLabel(c, locale) }));
  const typeOptions = isRsitClass(rsitClass)
    ? rsitTypesOf(rsitClass).map((type) => ({ value: type, label: rsitTypeLabel(rsitClass, type, locale) ?? type }))
    : [];

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          id={fieldId('rsitClass')}
          label={t('incidents.form.rsitClass')}
          placeholder={t('incidents.form.rsitClassPlaceholder')}
          nothingFoundMessage={t('incidents.form.noMatches')}
          data={classOptions}
          searchable
          openOnFocus={false}
          withAsterisk
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid="report-rsit-class"
          {...form.getInputProps('rsitClass')}
          onChange={(value) => {
            if (value === form.getValues().rsitClass) return;
            form.setFieldValue('rsitClass', value);
            // A type belongs to one class: a new class starts without one.
            form.setFieldValue('rsitType', null);
          }}
        />
        <Select
          id={fieldId('rsitType')}
          label={t('incidents.form.rsitType')}
          placeholder={t('incidents.form.rsitTypePlaceholder')}
          description={isRsitClass(rsitClass) ? t('incidents.form.rsitTypeHint') : t('incidents.form.rsitTypeNeedsClass')}
          nothingFoundMessage={t('incidents.form.noMatches')}
          data={typeOptions}
          disabled={!isRsitClass(rsitClass)}
          searchable
          openOnFocus={false}
          clearable
          clearButtonProps={{ 'aria-label': t('incidents.form.clearType') }}
          comboboxProps={{ withinPortal: true }}
          data-testid="report-rsit-type"
          {...form.getInputProps('rsitType')}
        />
      </SimpleGrid>

      <Radio.Group
        id={fieldId('severity')}
        label={t('incidents.form.severity')}
        description={t('incidents.form.severityPrompt')}
        withAsterisk
        data-field="severity"
        {...form.getInputProps('severity')}
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" mt="xs">
          {SEVERITY_LEVELS.map(({ level, key }) => {
            const style = SEVERITY_STYLES[level];
            return (
              <Radio.Card
                key={level}
                value={String(level)}
                tabIndex={rovingTabIndex(form.values.severity, String(level), String(SEVERITY_LEVELS[0].level))}
                radius="md"
                p="sm"
                data-testid={`report-severity-${level}`}
              >
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <Radio.Indicator mt={2} />
                  <Stack gap={4} miw={0}>
                    <Group gap={8} wrap="nowrap">
                      <Box
                        aria-hidden
                        w={24}
                        h={24}
                        fz="sm"
                        fw={700}
                        style={{
                          display: 'grid',
                          placeItems: 'center',
                          borderRadius: 4,
                          flex: 'none',
                          backgroundColor: style?.background,
                          color: style?.color,
                          border: `1px solid ${style?.border ?? 'transparent'}`,
                        }}
                      >
                        {level}
                      </Box>
                      <Text fw={600} size="sm">
                        {t(`incidents.form.severityLevels.${key}`)}
                      </Text>
                    </Group>
                    <Text size="xs" c="dimmed" lh={1.4}>
                      {t(`incidents.form.severityHints.${key}`)}
                    </Text>
                  </Stack>
                </Group>
              </Radio.Card>
            );
          })}
        </SimpleGrid>
      </Radio.Group>

      <Radio.Group
        id={fieldId('tlp')}
        label={t('incidents.form.tlp')}
        description={t('incidents.form.tlpHint')}
        withAsterisk
        data-field="tlp"
        {...form.getInputProps('tlp')}
      >
        <Stack gap="xs" mt="xs">
          {TLP_LEVELS.map((tlp) => (
            <Radio.Card
              key={tlp}
              value={tlp}
              tabIndex={rovingTabIndex(form.values.tlp, tlp, TLP_LEVELS[0])}
              radius="md"
              p="sm"
              data-testid={`report-tlp-${tlp}`}
            >
              <Group gap="sm" wrap="nowrap" align="center">
                <Radio.Indicator />
                {/* Badge beside the explanation; above it on a phone, where the text needs the width. */}
                <Flex direction={{ base: 'column', xs: 'row' }} gap={{ base: 6, xs: 'sm' }} align={{ base: 'flex-start', xs: 'center' }} miw={0}>
                  <Box w={{ base: 'auto', xs: 150 }} style={{ flex: 'none' }}>
                    <TlpBadge tlp={tlp} withTooltip={false} />
                  </Box>
                  <Text size="sm" lh={1.4}>
                    {t(`incidents.form.tlpHints.${TLP_HINT_KEYS[tlp]}`)}
                  </Text>
                </Flex>
              </Group>
            </Radio.Card>
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
