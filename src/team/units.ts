/*
 * Which sync unit each workbook record belongs to (design.md §8: units follow permission boundaries):
 * a cycle with its criteria, judgements and narratives; each audit round, case audit and moderation;
 * the shared registers; rehearsals with the notification-week plan.
 */
import { unitName } from '../server/unit-names.js';
import type { SyncedRecord, SyncedTable } from '../storage/repositories/team-repository';

export const REGISTERS = 'registers';
export const REHEARSALS = 'rehearsals';

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
    }
  } catch {
    return undefined;
  }
}
