/*
 * Which sync unit each workbook record belongs to (design.md §8: units follow permission boundaries):
 * a cycle with its criteria, judgements and narratives; each audit round, case audit and moderation;
 * comments with what they are on (a criterion's or narrative's cycle, or the case audit);
 * the shared registers; rehearsals with the notification-week plan; the workspace's settings; its
 * imported frameworks.
 */
import { unitName } from '../server/unit-names.js';
import {
  SHARED_SETTINGS_KEY,
  type SyncedRecord,
  type SyncedTable,
} from '../storage/repositories/team-repository';

export const REGISTERS = 'registers';
export const REHEARSALS = 'rehearsals';
export const SETTINGS = 'settings';
export const FRAMEWORKS = 'frameworks';
/** Units every member opens at the start; the others are listed in the registers unit's directory. */
export const SHARED_UNITS = [REGISTERS, REHEARSALS, SETTINGS, FRAMEWORKS] as const;
/** Units whose one record many people create alike (the settings row): only created once the team's copy is in. */
export const SETUP_UNITS: ReadonlySet<string> = new Set([SETTINGS, FRAMEWORKS]);

/** The unit a record syncs in, or undefined for a record whose id the server would refuse. */
export function unitOfRecord(table: SyncedTable, record: SyncedRecord): string | undefined {
  try {
    switch (table) {
      case 'cycles':
        return unitName('cycle', record.id);
      case 'criterionAssessments':
      case 'judgementAssessments':
      case 'narratives':
        return unitName('cycle', String(record['cycleId']));
      case 'auditRounds':
        return unitName('round', record.id);
      case 'caseAudits':
        return unitName('audit', record.id);
      case 'moderations':
        return unitName('moderation', record.id);
      case 'evidence':
      case 'actions':
      case 'recommendations':
      case 'indicators':
        return REGISTERS;
      case 'rehearsals':
      case 'notificationItems':
        return REHEARSALS;
      case 'comments': {
        // A comment travels with what it is on, so it is seen by exactly those who may see that.
        const target = record['target'] as { kind?: unknown; id?: unknown; cycleId?: unknown } | undefined;
        if (target?.kind === 'audit') return unitName('audit', String(target.id));
        return unitName('cycle', String(target?.cycleId));
      }
      case 'settings':
        return record.id === SHARED_SETTINGS_KEY ? SETTINGS : undefined;
      case 'frameworks':
        return FRAMEWORKS;
    }
  } catch {
    return undefined;
  }
}
