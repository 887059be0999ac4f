import { getAdvisoryCreator, listAdvisoryMatrix, listAdvisoryResponses, type AdvisoryRow, type AdvisorySummaryRow, type Db } from '@anc/db';
import {
  allowedAdvisorySteps,
  answerState,
  isResponseOverdue,
  seesEveryIncident,
  type Actor,
  type AdvisoryAnswerState,
  type AdvisoryResponseStatus,
  type AdvisoryStatus,
  type AdvisoryStep,
  type Tlp,
} from '@anc/domain';

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}

export interface AdvisorySummary {
  id: string;
  reference: string;
  title: string;
  summary: string;
  severity: number;
  tlp: Tlp;
  status: AdvisoryStatus;
  respondBy: string;
  allAgencies: boolean;
  publishedAt: string | null;
  createdAt: string;
  version: number;
  /** Coordinators and admins: how the addressed agencies stand (null for staff). */
  counts: Record<AdvisoryAnswerState, number> | null;
  /** Staff: their agency's latest answer (null for the ANC). */
  ownAnswer: { status: AdvisoryResponseStatus; respondedAt: string } | null;
  /** Staff: their agency owes an answer and respondBy has passed. */
  overdue: boolean;
}

export function toAdvisorySummary(r: AdvisorySummaryRow, actor: Pick<Actor, 'role'>, now: Date = new Date()): AdvisorySummary {
  const anc = seesEveryIncident(actor);
  const unanswered = r.addressed - r.answered;
  const late = r.status !== 'draft' && now.getTime() > r.respondBy.getTime();
  return {
    id: r.id,
    reference: r.reference,
    title: r.title,
    summary: r.summary,
    severity: r.severity,
    tlp: r.tlp,
    status: r.status,
    respondBy: r.respondBy.toISOString(),
    allAgencies: r.allAgencies,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
    counts: anc ? { answered: r.answered, overdue: late ? unanswered : 0, pending: late ? 0 : unanswered } : null,
    ownAnswer: !anc && r.ownStatus && r.ownAt ? { status: r.ownStatus, respondedAt: r.ownAt.toISOString() } : null,
    overdue: !anc && r.status !== 'draft' && isResponseOverdue(r.respondBy, r.ownAt, now),
  };
}

export interface AdvisoryResponseDto {
  id: number;
  agency: AgencyRef;
  status: AdvisoryResponseStatus;
  comment: string | null;
  respondedAt: string;
  by: { id: string; name: string };
}

export interface AdvisoryMatrixEntry {
  agency: AgencyRef;
  status: AdvisoryResponseStatus | null;
  respondedAt: string | null;
  overdue: boolean;
  state: AdvisoryAnswerState;
}

export interface AdvisoryDetail extends Omit<AdvisorySummary, 'counts' | 'ownAnswer' | 'overdue'> {
  body: string;
  cves: string[];
  actionRequired: string;
  closedAt: string | null;
  updatedAt: string;
  /** The addressed agencies (named; for an advisory to every agency, those written at publication). */
  agencies: AgencyRef[];
  /** Coordinators and admins: the incident it was drafted from. */
  incidentId: string | null;
  createdBy: { id: string; name: string } | null;
  /** Coordinators and admins: the answer matrix (agency × latest answer × when × overdue); staff: null. */
  responses: AdvisoryMatrixEntry[] | null;
  counts: Record<AdvisoryAnswerState, number> | null;
  /** Every answer the caller may read, newest first: staff their own agency's, the ANC every one. */
  history: AdvisoryResponseDto[];
  /** Staff: their agency's current (latest) answer and whether it is overdue. */
  ownAnswer: { status: AdvisoryResponseStatus; respondedAt: string } | null;
  overdue: boolean;
  allowedSteps: AdvisoryStep[];
  capabilities: { edit: boolean; respond: boolean; export: boolean };
}

/** The advisory as the caller may see it (the caller may read it: see readableAdvisoryOr404). */
export async function buildAdvisoryDetail(db: Db, actor: Actor, row: AdvisoryRow, now: Date = new Date()): Promise<AdvisoryDetail> {
  const anc = seesEveryIncident(actor);
  const [matrix, history, creator] = await Promise.all([
    listAdvisoryMatrix(db, row.id),
    listAdvisoryResponses(db, row.id, anc ? undefined : actor.agencyId),
    anc ? getAdvisoryCreator(db, row.createdBy) : Promise.resolve(null),
  ]);
  const published = row.status !== 'draft';
  const entries: AdvisoryMatrixEntry[] = matrix.map((m) => {
    const state: AdvisoryAnswerState = published ? answerState(row.respondBy, m.latestAt, now) : 'pending';
    return { agency: m.agency, status: m.latestStatus, respondedAt: m.latestAt?.toISOString() ?? null, overdue: state === 'overdue', state };
  });
  const own = matrix.find((m) => m.agency.id === actor.agencyId);
  const counts = { answered: 0, overdue: 0, pending: 0 };
  for (const e of entries) counts[e.state] += 1;
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    summary: row.summary,
    body: row.body,
    severity: row.severity,
    tlp: row.tlp,
    cves: row.cves,
    actionRequired: row.actionRequired,
    status: row.status,
    respondBy: row.respondBy.toISOString(),
    allAgencies: row.allAgencies,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    // Staff read only that their own agency is addressed: the rest of the audience is the ANC's.
    agencies: anc ? matrix.map((m) => m.agency) : own ? [own.agency] : [],
    incidentId: anc ? row.incidentId : null,
    createdBy: creator,
    responses: anc ? entries : null,
    counts: anc ? counts : null,
    history: history.map((h) => ({ id: h.id, agency: h.agency, status: h.status, comment: h.comment, respondedAt: h.respondedAt.toISOString(), by: h.by })),
    ownAnswer: !anc && own?.latestStatus && own.latestAt ? { status: own.latestStatus, respondedAt: own.latestAt.toISOString() } : null,
    overdue: !anc && published && !!own && isResponseOverdue(row.respondBy, own.latestAt, now),
    allowedSteps: allowedAdvisorySteps(actor, row.status),
    capabilities: {
      edit: actor.role === 'coordinator' && row.status === 'draft',
      respond: actor.role === 'staff' && row.status === 'published' && !!own,
      export: anc,
    },
  };
}
