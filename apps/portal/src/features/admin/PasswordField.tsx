import { Anchor, Stack, Text } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { IconDice5 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordInput } from '../../components/PasswordInput.tsx';
import { generatePassword } from '../../lib/password.ts';

/** A new-password input with a "generate" helper that shows what it generated. */
export function PasswordField({
  label,
  description,
  inputProps,
  onGenerate,
  testId,
}: {
  label: string;
  description: string;
  inputProps: GetInputPropsReturnType;
  onGenerate: (password: string) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const [generated, setGenerated] = useState(false);
  return (
    <Stack gap={6}>
      <PasswordInput
        label={label}
        description={description}
        withAsterisk
        autoComplete="new-password"
        visible={visible}
        onVisibilityChange={setVisible}
        data-testid={testId}
        {...inputProps}
      />
      <Anchor
        component="button"
        type="button"
        size="sm"
        w="fit-content"
        onClick={() => {
          onGenerate(generatePassword());
          setVisible(true);
          setGenerated(true);
        }}
      >
        <IconDice5 size={14} aria-hidden style={{ verticalAlign: '-2px', marginInlineEnd: 4 }} />
        {t('password.generate')}
      </Anchor>
      {generated ? (
        <Text size="xs" c="dimmed" aria-live="polite">
          {t('password.generated')}
        </Text>
      ) : null}
    </Stack>
  );
}
