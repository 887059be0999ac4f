import type { AgencyDto, Locale } from '@anc/domain';
import { useQuery } from '@tanstack/react-query';
import { agencyName, useLocale } from '../i18n/index.ts';
import { trpc } from './trpc.ts';

interface AgencyLike {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}

/** Agencies as Select options, by code: "SEDENA — Secretaría de la Defensa Nacional". */
export function agencyOptions(agencies: readonly AgencyLike[], locale: Locale): { value: string; label: string }[] {
  return agencies.toSorted((a, b) => a.code.localeCompare(b.code)).map((a) => ({ value: a.id, label: `${a.code} — ${agencyName(a, locale)}` }));
}

/**
 * The agency list (`agencies.list`, with inactive ones when `includeInactive`), those that pass
 * `where` as Select options, and the query itself (for its state).
 */
export function useAgencyOptions({
  includeInactive,
  enabled = true,
  where,
}: {
  includeInactive?: boolean;
  enabled?: boolean;
  where?: (agency: AgencyDto) => boolean;
} = {}) {
  const locale = useLocale();
  const query = useQuery({ ...trpc.agencies.list.queryOptions(includeInactive === undefined ? {} : { includeInactive }), enabled });
  const items: readonly AgencyDto[] = query.data?.items ?? [];
  return { options: agencyOptions(where ? items.filter(where) : items, locale), items, query };
}
