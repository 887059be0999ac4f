import { Button, Tooltip } from '@mantine/core';
import { IconFileCode } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from './types.ts';

/** Where the STIX 2.1 bundle of one incident downloads from (apps/api/src/modules/incidents/export/export.routes.ts). */
export const stixHref = (incidentId: string) => `/export/incidents/${encodeURIComponent(incidentId)}/stix.json`;

/**
 * "Descargar STIX 2.1": the incident as a STIX 2.1 bundle, beside the official PDF. A plain link
 * the browser downloads with the session cookie, within the same scope as the page.
 */
export function StixDownloadButton({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('exports.stix.hint', { tlp: `TLP:${incident.tlp}` })} multiline w={280} withinPortal>
      <Button
        component="a"
        href={stixHref(incident.id)}
        download={`${incident.reference}.stix.json`}
        variant="default"
        leftSection={<IconFileCode size={16} aria-hidden />}
        data-testid="incident-stix"
      >
        {t('exports.stix.button')}
      </Button>
    </Tooltip>
  );
}
