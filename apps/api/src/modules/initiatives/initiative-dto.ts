import {
  getInitiativeHeader,
  listInitiativeTasks,
  listKpisWithValues,
  listMilestones,
  listParticipants,
  type Db,
  type InitiativeRow,
  type InitiativeSummaryRow,
} from '@anc/db';
import {
  allowedInitiativeTransitions,
  countMilestones,
  initiativeCapabilities,
  initiativeProgress,
  kpiAttainment,
  kpiDirection,
  mexicoCityDate,
  milestoneState,
  taskDueState,
  type AllowedInitiativeTransition,
  type EncsObjective,
  type InitiativeCapabilities,
  type InitiativeStatus,
  type KpiDirection,
  type MilestoneCounts,
  type MilestoneState,
  type Actor,
  type TaskDueState,
  type TaskStatus,
  type TransversalAxis,
} from '@anc/domain';

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}

/** One row of the registry. Money and dates are strings: `budgetMxn` "1500000.00", dates "YYYY-MM-DD". */
export interface InitiativeSummary {
  id: string;
  code: string;
  title: string;
  objective: EncsObjective;
  axes: TransversalAxis[];
  status: InitiativeStatus;
  leadAgency: AgencyRef;
  startDate: string;
  endDate: string;
  budgetMxn: string;
  /** 0–100, from milestones (none → 0). */
  progress: number;
  milestoneCounts: MilestoneCounts;
  /** = milestoneCounts.late: open milestones past their due day (Mexico City). */
  lateMilestones: number;
  version: number;
  updatedAt: string;
}

export function toInitiativeSummary(r: InitiativeSummaryRow): InitiativeSummary {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    objective: r.objective,
    axes: r.axes,
    status: r.status,
    leadAgency: r.leadAgency,
    startDate: r.startDate,
    endDate: r.endDate,
    budgetMxn: r.budgetMxn,
    progress: initiativeProgress(r.milestones),
    milestoneCounts: r.milestones,
    lateMilestones: r.milestones.late,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export interface MilestoneDto {
  id: string;
  title: string;
  dueDate: string;
  doneDate: string | null;
  doneBy: { id: string; name: string } | null;
  /** Open and past its due day (Mexico City). */
  late: boolean;
  state: MilestoneState;
}

export interface KpiValueDto {
  id: number;
  /** Exact decimal text with four places, as stored ("87.5000"). */
  value: string;
  at: string;
  recordedBy: { id: string; name: string };
}

export interface KpiDto {
  id: string;
  name: string;
  unit: string;
  baseline: string;
  target: string;
  direction: KpiDirection;
  /** The latest value by `at`, or null while none was recorded. */
  currentValue: string | null;
  currentAt: string | null;
  /** 0…1 from baseline to target (see domain kpiAttainment), null while no value was recorded. */
  attainment: number | null;
  /** Oldest first. */
  values: KpiValueDto[];
}

export interface InitiativeTaskDto {
  id: string;
  reference: string;
  title: string;
  status: TaskStatus;
  dueAt: string;
  dueState: TaskDueState;
  assigneeAgency: AgencyRef;
}

export interface InitiativeDetail extends InitiativeSummary {
  description: string;
  statusReason: string | null;
  participants: AgencyRef[];
  createdBy: { id: string; name: string };
  createdAt: string;
  /** In the order they fall due. */
  milestones: MilestoneDto[];
  kpis: KpiDto[];
  /** The linked tasks the caller may read (staff: their agency's). */
  tasks: InitiativeTaskDto[];
  /** How many linked tasks of other agencies there are besides (none for the ANC), named nowhere. */
  hiddenTaskCount: number;
  allowedTransitions: AllowedInitiativeTransition[];
  capabilities: InitiativeCapabilities;
}

/**
 * Everything the initiative page shows; every signed-in role reads all of it (the registry is
 * public inside the government) except other agencies' linked tasks: those only as a count.
 */
export async function buildInitiativeDetail(db: Db, actor: Actor, row: InitiativeRow, now: Date = new Date()): Promise<InitiativeDetail> {
  const today = mexicoCityDate(now);
  const [header, participants, milestones, kpis, tasks] = await Promise.all([
    getInitiativeHeader(db, row),
    listParticipants(db, row.id),
    listMilestones(db, row.id),
    listKpisWithValues(db, row.id),
    listInitiativeTasks(db, actor, row.id),
  ]);
  const counts = countMilestones(milestones, today, row.status);
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    description: row.description,
    objective: row.objective,
    axes: row.axes,
    status: row.status,
    statusReason: row.statusReason,
    leadAgency: header.leadAgency,
    participants,
    startDate: row.startDate,
    endDate: row.endDate,
    budgetMxn: row.budgetMxn,
    progress: initiativeProgress(counts),
    milestoneCounts: counts,
    lateMilestones: counts.late,
    version: row.version,
    createdBy: header.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    milestones: milestones.map((m) => {
      const state = milestoneState(m, today, row.status);
      return {
        id: m.id,
        title: m.title,
        dueDate: m.dueDate,
        doneDate: m.doneDate,
        doneBy: m.doneById && m.doneByName ? { id: m.doneById, name: m.doneByName } : null,
        late: state === 'late',
        state,
      };
    }),
    kpis: kpis.map((k) => {
      const last = k.values[k.values.length - 1];
      const currentValue = last?.value ?? null;
      return {
        id: k.id,
        name: k.name,
        unit: k.unit,
        baseline: k.baseline,
        target: k.target,
        direction: kpiDirection(k),
        currentValue,
        currentAt: last ? last.at.toISOString() : null,
        attainment: kpiAttainment(k, currentValue),
        values: k.values.map((v) => ({ id: v.id, value: v.value, at: v.at.toISOString(), recordedBy: { id: v.recordedById, name: v.recordedByName } })),
      };
    }),
    tasks: tasks.rows.map((t) => ({
      id: t.id,
      reference: t.reference,
      title: t.title,
      status: t.status,
      dueAt: t.dueAt.toISOString(),
      dueState: taskDueState(t, now),
      assigneeAgency: t.assigneeAgency,
    })),
    hiddenTaskCount: tasks.hiddenCount,
    allowedTransitions: allowedInitiativeTransitions(actor, row.status),
    capabilities: initiativeCapabilities(actor, row),
  };
}
