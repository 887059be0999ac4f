import { Skeleton, Table, Text } from '@mantine/core';

/** The loading and empty states of a data table: skeleton rows while loading, one line when empty. */
export function TableStatusRows({ loading, empty, columns, emptyText }: { loading: boolean; empty: boolean; columns: number; emptyText: string }) {
  if (loading) {
    return Array.from({ length: 6 }, (_, i) => (
      <Table.Tr key={i}>
        <Table.Td colSpan={columns}>
          <Skeleton height={18} />
        </Table.Td>
      </Table.Tr>
    ));
  }
  if (!empty) return null;
  return (
    <Table.Tr>
      <Table.Td colSpan={columns}>
        <Text ta="center" c="dimmed" py="lg" size="sm">
          {emptyText}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
