/*
 * The example council as tests see it: public/examples/example-council.json read from disk through the
 * backup door (size limit, parse, version, schema, references), then moved to a fixed "today" as
 * "Load example" moves it to the real one. Fails loudly if the file does not pass the door.
 */
import { readFileSync } from 'node:fs';
import type { Framework } from '../../src/domain/framework/types';
import type { BackupRecords, WorkspaceBackup } from '../../src/export/backup/backup-format';
import { MAX_BACKUP_BYTES, readBackupValue } from '../../src/import/backup/read-backup';
import type { CycleBundle, WorkspaceContent } from '../../src/domain/workspace/records';
import { shiftWorkspaceDates } from '../../src/domain/workspace/shift-dates';
import { parseJsonText } from '../../src/validation/json-text';
import { shippedFramework } from './frameworks';

export const EXAMPLE_FILE = 'public/examples/example-council.json';
/** The day the example is moved to, unless a test asks for another. */
export const EXAMPLE_TODAY = '2026-11-24';

/**
 * The example file exactly as shipped, after passing the backup door with the shipped frameworks its
 * cycles and audit rounds use, so every criterion, judgement, grade and audit tool is checked too.
 */
export function exampleBackup(): WorkspaceBackup {
  const parsed = parseJsonText(new Uint8Array(readFileSync(EXAMPLE_FILE)), MAX_BACKUP_BYTES);
  if (!parsed.ok) throw new Error(`${EXAMPLE_FILE} is not JSON: ${JSON.stringify(parsed.issues)}`);
  const records = (parsed.value as Partial<WorkspaceBackup>).records;
  const pinned = [...(records?.cycles ?? []), ...(records?.auditRounds ?? [])];
  const used = new Set(pinned.map((r) => r.frameworkId));
  const read = readBackupValue(parsed.value, { shipped: [...used].map(doorFramework) });
  if (!read.ok) throw new Error(`${EXAMPLE_FILE} is refused: ${JSON.stringify(read.messages, null, 1)}`);
  return read.backup;
}

const forTheDoor = new Map<string, Framework>();
/** Read once: the door only reads them, and each read goes through the framework door. */
function doorFramework(id: string): Framework {
  if (!forTheDoor.has(id)) forTheDoor.set(id, shippedFramework(id));
  return forTheDoor.get(id)!;
}

/** The day the example file was written for: its dates are moved from this one. */
export function exampleAnchor(backup: WorkspaceBackup = exampleBackup()): string {
  return backup.exportedAt.slice(0, 10);
}

/** The example's records, table by table, moved to `today`. */
export function exampleRecords(today = EXAMPLE_TODAY): BackupRecords {
  const backup = exampleBackup();
  return shiftWorkspaceDates(backup.records, { from: exampleAnchor(backup), to: today });
}

/** The example as "Load example" hands it to the workspace repository. */
export function exampleWorkspace(today = EXAMPLE_TODAY): WorkspaceContent {
  const r = exampleRecords(today);
  return {
    settings: r.settings.find((s) => s.key === 'workspace')!.value as WorkspaceContent['settings'],
    cycles: r.cycles,
    criterionAssessments: r.criterionAssessments,
    judgementAssessments: r.judgementAssessments,
    narratives: r.narratives,
    evidence: r.evidence,
    actions: r.actions,
    recommendations: r.recommendations,
    auditRounds: r.auditRounds,
    caseAudits: r.caseAudits,
  };
}

/** The shipped framework a cycle of the example uses. */
export function exampleFramework(cycle: { frameworkId: string }): Framework {
  return shippedFramework(cycle.frameworkId);
}

/** One cycle of the example and its records. */
export function exampleBundle(
  workspace: Pick<
    WorkspaceContent,
    'cycles' | 'criterionAssessments' | 'judgementAssessments' | 'narratives'
  >,
  cycleId: string,
): CycleBundle {
  return {
    cycle: workspace.cycles.find((c) => c.id === cycleId)!,
    criterionAssessments: workspace.criterionAssessments.filter((a) => a.cycleId === cycleId),
    judgementAssessments: workspace.judgementAssessments.filter((a) => a.cycleId === cycleId),
    narratives: workspace.narratives.filter((a) => a.cycleId === cycleId),
  };
}
