import { Alert, Button, CopyButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Ten recovery codes, shown once (after enrolment or regeneration), with copy and download. */
export function RecoveryCodesList({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const text = `${t('security.recovery.fileHeader')}\n\n${codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'anc-codigos-de-recuperacion.txt';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Alert color="dorado" variant="light" icon={<IconShieldCheck aria-hidden />} title={t('security.recovery.shownOnceTitle')} data-testid="recovery-codes">
      <Stack gap="sm">
        <Text size="sm">{t('security.recovery.shownOnce')}</Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {codes.map((code) => (
            <Text component="li" key={code} ff="monospace" fz="md" data-testid="recovery-code">
              {code}
            </Text>
          ))}
        </SimpleGrid>
        <Group gap="sm">
          <CopyButton value={codes.join('\n')} timeout={3000}>
            {({ copied, copy }) => (
              <Button variant="default" leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />} onClick={copy}>
                {copied ? t('security.recovery.copied') : t('security.recovery.copy')}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={download} data-testid="recovery-download">
            {t('security.recovery.download')}
          </Button>
          <Button onClick={onDone} data-testid="recovery-done">
            {t('security.recovery.done')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
