/**
 * The words and marks of an incident, shared by the list, the detail page and the report form:
 * status, NCISS severity and TLP 2.0 badges, and label helpers. Vocabularies with labels in
 * @anc/domain (RSIT, NCISS, TLP) use those, so the portal, the API and the exports say the same;
 * the rest come from the catalogue (`incidents.common.*`).
 */
import {
  type IncidentStatus,
  type Locale,
  type ObligationKind,
  type ObligationState,
  type ObservableType,
  RSIT_TAXONOMY,
  type RsitClass,
  SEVERITY_LEVELS,
  TLP_COLOURS,
  TLP_LABELS,
  TLP_LEVELS,
  type Tlp,
  rsitTypeLabel as domainRsitTypeLabel,
} from '@anc/domain';
import { Badge, type BadgeProps, Tooltip } from '@mantine/core';
import type { CSSProperties } from 'react';
import { i18n, useLocale } from '../../i18n/index.ts';

// ---------------------------------------------------------------------------------------------
// Labels

export const rsitClassLabel = (rsitClass: RsitClass, locale: Locale): string => RSIT_TAXONOMY[rsitClass].label[locale];

/** The RSIT type's label, or the raw type when it does not belong to the class (never thrown away). */
export function rsitTypeLabel(rsitClass: RsitClass, type: string | null | undefined, locale: Locale): string | null {
  if (!type) return null;
  return domainRsitTypeLabel(rsitClass, type)?.[locale] ?? type;
}

/** "Nivel 3 · Alto" (CISA NCISS). */
export function severityLabel(level: number, locale: Locale): string {
  return SEVERITY_LEVELS.find((s) => s.level === level)?.label[locale] ?? String(level);
}

/** What the TLP 2.0 marking allows, e.g. "Solo para los destinatarios nombrados; no se comparte". */
export const tlpLabel = (tlp: Tlp, locale: Locale): string => TLP_LABELS[tlp][locale];

export const statusLabel = (status: IncidentStatus, locale: Locale): string => i18n.t(`incidents.common.status.${status}`, { lng: locale });

/** "Aviso temprano", "Notificación del incidente", "Informe final". */
export const obligationLabel = (kind: ObligationKind, locale: Locale): string => i18n.t(`incidents.common.obligationKinds.${kind}`, { lng: locale });

export const obligationStateLabel = (state: ObligationState, locale: Locale): string => i18n.t(`incidents.common.obligationStates.${state}`, { lng: locale });

export const observableTypeLabel = (type: ObservableType, locale: Locale): string => i18n.t(`incidents.common.observableTypes.${type}`, { lng: locale });

// ---------------------------------------------------------------------------------------------
// Colours

export const STATUS_COLORS: Record<IncidentStatus, string> = {
  submitted: 'blue',
  triaged: 'indigo',
  investigating: 'grape',
  contained: 'teal',
  resolved: 'green',
  closed: 'gray',
  rejected: 'red',
  merged: 'dark',
};

/**
 * The NCISS colour scale (CISA: baseline white, low green, medium yellow, high orange, severe
 * red, emergency black), with text colours chosen for a contrast of at least 4.5:1.
 */
export const SEVERITY_STYLES: Record<number, { background: string; color: string; border: string }> = {
  0: { background: '#ffffff', color: '#212529', border: '#868e96' },
  1: { background: '#2a843b', color: '#ffffff', border: '#2a843b' }, // 4.7:1 (Mantine's green-9, #2b8a3e, is 4.4:1)
  2: { background: '#fcc419', color: '#212529', border: '#f59f00' },
  3: { background: '#fd7e14', color: '#212529', border: '#e8590c' },
  4: { background: '#c92a2a', color: '#ffffff', border: '#c92a2a' },
  5: { background: '#000000', color: '#ffffff', border: '#c92a2a' },
};

/** FIRST TLP 2.0 colours: the label's colour on a black background (the domain's, as the official PDF's). */
export const TLP_COLORS = Object.fromEntries(TLP_LEVELS.map((tlp) => [tlp, TLP_COLOURS[tlp].text])) as Record<Tlp, string>;

export const OBLIGATION_STATE_COLORS: Record<ObligationState, string> = {
  pending: 'gray',
  due_soon: 'orange',
  overdue: 'red',
  met: 'green',
  late: 'yellow',
};

// ---------------------------------------------------------------------------------------------
// Badges

type BadgeSize = BadgeProps['size'];

export function StatusBadge({ status, size }: { status: IncidentStatus; size?: BadgeSize }) {
  const locale = useLocale();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} size={size} data-testid="status-badge" data-status={status}>
      {statusLabel(status, locale)}
    </Badge>
  );
}

/** NCISS level 0–5 on its colour scale; `compact` shows only "3 · Alto" for tight tables. */
export function SeverityBadge({ level, size, compact }: { level: number; size?: BadgeSize; compact?: boolean }) {
  const locale = useLocale();
  const style = SEVERITY_STYLES[level] ?? SEVERITY_STYLES[0];
  const label = severityLabel(level, locale);
  const text = compact ? label.replace(/^\D+(?=\d)/, '') : label;
  const css: CSSProperties | undefined = style ? { backgroundColor: style.background, color: style.color, border: `1px solid ${style.border}` } : undefined;
  return (
    <Badge
      variant="filled"
      size={size}
      style={css}
      title={i18n.t('incidents.common.severityTitle', { lng: locale, label })}
      data-testid="severity-badge"
      data-severity={level}
    >
      {text}
    </Badge>
  );
}

/** "TLP:AMBER" in the official colour on black; the tooltip says what the marking allows. */
export function TlpBadge({ tlp, size, withTooltip = true }: { tlp: Tlp; size?: BadgeSize; withTooltip?: boolean }) {
  const locale = useLocale();
  const badge = (
    <Badge
      variant="filled"
      size={size}
      style={{ backgroundColor: '#000000', color: TLP_COLORS[tlp], fontFamily: 'var(--mantine-font-family-monospace)' }}
      data-testid="tlp-badge"
      data-tlp={tlp}
    >
      TLP:{tlp}
    </Badge>
  );
  if (!withTooltip) return badge;
  return (
    <Tooltip label={i18n.t('incidents.common.tlpTitle', { lng: locale, label: tlpLabel(tlp, locale) })} withinPortal multiline maw={280}>
      {badge}
    </Tooltip>
  );
}

export function ObligationStateBadge({ state, size }: { state: ObligationState; size?: BadgeSize }) {
  const locale = useLocale();
  return (
    <Badge variant="light" color={OBLIGATION_STATE_COLORS[state]} size={size} data-testid="obligation-state" data-state={state}>
      {obligationStateLabel(state, locale)}
    </Badge>
  );
}
