import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The heading of one panel of a record page, with room for an action on the right. */
export function SectionTitle({ children, id, extra }: { children: ReactNode; id?: string; extra?: ReactNode }) {
  return (
    <Group justify="space-between" align="center" gap="sm" mb="sm" wrap="wrap">
      <Title order={2} fz="lg" id={id}>
        {children}
      </Title>
      {extra}
    </Group>
  );
}
