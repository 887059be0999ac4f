// EXPLAIN (ANALYZE, BUFFERS) of the list statements, summarised: timings, the scans used and
// whether any touched a table without an index.
import type { FloorDriver, Statement } from './floor.ts';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Alias?: string;
  'Scan Direction'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

export interface ExplainSummary {
  planningMs: number;
  executionMs: number;
  sharedHit: number;
  sharedRead: number;
  /** Every scan of a table or index, e.g. "Index Scan Backward incidents_severity_created_at_id_index (i): 26 rows". */
  scans: string[];
  usesIndex: boolean;
  seqScans: string[];
  /** The whole plan as text, for the JSON results. */
  plan: string;
}

function walk(node: PlanNode, visit: (n: PlanNode) => void) {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

export async function explain(driver: FloorDriver, statement: Statement): Promise<ExplainSummary> {
  const [json] = await driver.query(`explain (analyze, buffers, format json) ${statement.text}`, statement.params);
  const raw = json?.['QUERY PLAN'];
  const doc = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode; 'Planning Time': number; 'Execution Time': number }[];
  const top = doc[0];
  if (!top) throw new Error('EXPLAIN returned no plan');
  const scans: string[] = [];
  const seqScans: string[] = [];
  walk(top.Plan, (n) => {
    if (!/Scan/.test(n['Node Type']) || n['Node Type'] === 'Subquery Scan' || n['Node Type'] === 'CTE Scan') return;
    const direction = n['Scan Direction'] === 'Backward' ? ' Backward' : '';
    const target = n['Index Name'] ?? n['Relation Name'] ?? '?';
    const rows = (n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1);
    const removed = n['Rows Removed by Filter'] ? `, ${n['Rows Removed by Filter'] * (n['Actual Loops'] ?? 1)} filtered out` : '';
    const line = `${n['Node Type']}${direction} ${target}${n.Alias ? ` (${n.Alias})` : ''}: ${rows} rows${removed}`;
    scans.push(line);
    if (n['Node Type'] === 'Seq Scan') seqScans.push(line);
  });
  const planLines: string[] = [];
  const print = (n: PlanNode, depth: number) => {
    planLines.push(
      `${'  '.repeat(depth)}${n['Node Type']}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}${n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}${n.Alias ? ` ${n.Alias}` : ''} (rows=${n['Actual Rows'] ?? 0} loops=${n['Actual Loops'] ?? 1})`,
    );
    for (const c of n.Plans ?? []) print(c, depth + 1);
  };
  print(top.Plan, 0);
  return {
    planningMs: top['Planning Time'],
    executionMs: top['Execution Time'],
    sharedHit: top.Plan['Shared Hit Blocks'] ?? 0,
    sharedRead: top.Plan['Shared Read Blocks'] ?? 0,
    scans,
    usesIndex: scans.some((s) => /Index/.test(s)),
    seqScans,
    plan: planLines.join('\n'),
  };
}
