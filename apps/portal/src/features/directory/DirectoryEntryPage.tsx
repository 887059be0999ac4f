/** /directorio/$agencyId: one agency's entry (coordinators and admins; staff only their own, others read "not found"). */
import { Alert, Skeleton, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { errorCode } from '../../lib/errors.ts';
import { trpc } from '../../lib/trpc.ts';
import { DirectoryEntryView } from './DirectoryEntryView.tsx';

const route = getRouteApi('/app/directorio/$agencyId');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function DirectoryEntryPage() {
  const { t } = useTranslation();
  const { agencyId } = route.useParams();
  useDocumentTitle(`${t('directory.pageTitle')} · ${t('app.short')}`);
  const valid = UUID.test(agencyId);
  const entry = useQuery({ ...trpc.directory.get.queryOptions({ agencyId }), enabled: valid, retry: false });
  const notFound = !valid || errorCode(entry.error) === 'NOT_FOUND';
  return (
    <Stack gap={0}>
      <AnchorLink to="/directorio" size="sm" mb="xs" data-testid="directory-back">
        ← {t('directory.back')}
      </AnchorLink>
      <PageHeader title={t('directory.pageTitle')} />
      {notFound ? (
        <Alert color="gray" data-testid="directory-not-found">
          {t('directory.notFound')}
        </Alert>
      ) : entry.error ? (
        <QueryError error={entry.error} onRetry={() => void entry.refetch()} />
      ) : entry.data ? (
        <DirectoryEntryView entry={entry.data} />
      ) : (
        <Skeleton height={420} radius="md" />
      )}
    </Stack>
  );
}
