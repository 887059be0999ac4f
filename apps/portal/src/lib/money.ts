// Exact MXN amounts for display: one formatter for the portal and the official PDF (packages/domain/src/incidents/money.ts).
export { formatMxn } from '@anc/domain';
