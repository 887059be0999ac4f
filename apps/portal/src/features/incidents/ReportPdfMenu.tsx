import { filedReportDocuments, reportPdfHref } from '@anc/domain';
import { Button, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.ts';
import type { IncidentDetail } from './types.ts';

/**
 * "Descargar PDF": the official PDF of the report as filed and of each follow-up filed so far
 * (apps/api/src/modules/incidents/report-pdf/), in the portal's language. Plain links the browser
 * downloads with the session cookie; the API audits each download.
 */
export function ReportPdfMenu({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Menu position="bottom-end" width={260} shadow="md" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconFileTypePdf size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          data-testid="report-pdf"
        >
          {t('reportPdf.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('reportPdf.menuLabel')}</Menu.Label>
        {filedReportDocuments(incident).map((document) => (
          <Menu.Item
            key={document}
            component="a"
            href={reportPdfHref(incident.id, document, locale)}
            download
            data-testid="report-pdf-document"
            data-document={document}
          >
            {t(`reportPdf.documents.${document}`)}
          </Menu.Item>
        ))}
        <Text size="xs" c="dimmed" px="sm" pb={6} pt={4}>
          {t('reportPdf.hint', { tlp: `TLP:${incident.tlp}` })}
        </Text>
      </Menu.Dropdown>
    </Menu>
  );
}
