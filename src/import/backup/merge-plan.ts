/*
 * Bringing a colleague's backup into this workspace, record by record, matched by id: new records are
 * added, identical ones skipped, and where the two copies differ the newer one is taken, unless two
 * different people edited it: that is a conflict the user settles, seeing both side by side.
 * Settings stay this workspace's own.
 */
import { BACKUP_TABLES, type BackupRecords } from '../../export/backup/backup-format';

export type MergeTable = Exclude<(typeof BACKUP_TABLES)[number], 'settings'>;
type AnyRecord = { id?: string; key?: string; updatedAt?: string; updatedBy?: string } & Record<
  string,
  unknown
>;

export interface MergeConflict {
  table: MergeTable;
  id: string;
  mine: AnyRecord;
  theirs: AnyRecord;
  /** Fields whose values differ, other than who and when. */
  fields: string[];
}

export interface MergePlan {
  add: Partial<Record<MergeTable, AnyRecord[]>>;
  take: Partial<Record<MergeTable, AnyRecord[]>>;
  unchanged: number;
  keptMine: number;
  conflicts: MergeConflict[];
}

const MERGE_TABLES = BACKUP_TABLES.filter((t): t is MergeTable => t !== 'settings');
const idOf = (r: AnyRecord) => String(r.id ?? r.key);
const BOOKKEEPING = new Set(['updatedAt', 'updatedBy', 'createdAt']);

export function planMerge(mine: BackupRecords, theirs: BackupRecords): MergePlan {
  const plan: MergePlan = { add: {}, take: {}, unchanged: 0, keptMine: 0, conflicts: [] };
  for (const table of MERGE_TABLES) {
    const current = new Map((mine[table] as AnyRecord[]).map((r) => [idOf(r), r]));
    for (const incoming of theirs[table] as AnyRecord[]) {
      const existing = current.get(idOf(incoming));
      if (!existing) (plan.add[table] ??= []).push(incoming);
      else decide(plan, table, existing, incoming);
    }
  }
  return plan;
}

function decide(plan: MergePlan, table: MergeTable, mine: AnyRecord, theirs: AnyRecord) {
  const fields = differingFields(mine, theirs);
  if (fields.length === 0) {
    plan.unchanged += 1;
    return;
  }
  const theirsNewer = (theirs.updatedAt ?? '') > (mine.updatedAt ?? '');
  if (table !== 'frameworks' && mine.updatedBy && theirs.updatedBy && mine.updatedBy !== theirs.updatedBy) {
    plan.conflicts.push({ table, id: idOf(mine), mine, theirs, fields });
  } else if (theirsNewer && table !== 'frameworks') {
    (plan.take[table] ??= []).push(theirs);
  } else {
    plan.keptMine += 1;
  }
}

export function differingFields(a: AnyRecord, b: AnyRecord): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !BOOKKEEPING.has(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

/** The records to write: added, taken, and each conflict as the user chose. */
export function recordsToWrite(
  plan: MergePlan,
  choices: Readonly<Record<string, 'mine' | 'theirs'>>,
): Partial<Record<MergeTable, AnyRecord[]>> {
  const out: Partial<Record<MergeTable, AnyRecord[]>> = {};
  for (const table of MERGE_TABLES) {
    const list = [...(plan.add[table] ?? []), ...(plan.take[table] ?? [])];
    for (const c of plan.conflicts.filter((x) => x.table === table)) {
      if (choices[`${table}:${c.id}`] === 'theirs') list.push(c.theirs);
    }
    if (list.length) out[table] = list;
  }
  return out;
}

export function describePlan(plan: MergePlan): string {
  const added = Object.values(plan.add).reduce((n, l) => n + (l?.length ?? 0), 0);
  const taken = Object.values(plan.take).reduce((n, l) => n + (l?.length ?? 0), 0);
  return `${added} new records, ${taken} newer versions of records you have, ${plan.unchanged} already the same, ${plan.keptMine} where yours is newer, and ${plan.conflicts.length} edited by two people`;
}
