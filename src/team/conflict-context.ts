/*
 * A conflict with what names it for a person: the record as its unit holds it, its cycle, or the audit a
 * moderation is of (read from the audit's own unit, when this browser has it open).
 */
import type * as Y from 'yjs';
import type { SyncedRecord } from '../storage/repositories/team-repository';
import { readRecord, type Conflict } from './projector';
import { unitOfRecord } from './units';

export interface UnitConflict extends Conflict {
  unit: string;
  /** The record as the unit holds it, and what names it for a person: its cycle, or the audit moderated. */
  record: SyncedRecord;
  cycle?: SyncedRecord;
  audit?: SyncedRecord;
}

export function conflictInContext(
  unit: string,
  doc: Y.Doc,
  conflict: Conflict,
  docOf: (unit: string) => Y.Doc | undefined,
): UnitConflict {
  const record = readRecord(doc, conflict.table, conflict.id) ?? ({ id: conflict.id } as SyncedRecord);
  const cycleId = conflict.table === 'cycles' ? undefined : record['cycleId'];
  const cycle = typeof cycleId === 'string' ? readRecord(doc, 'cycles', cycleId) : undefined;
  let audit: SyncedRecord | undefined;
  if (conflict.table === 'moderations' && typeof record['auditId'] === 'string') {
    const auditUnit = unitOfRecord('caseAudits', { id: record['auditId'] } as SyncedRecord);
    const auditDoc = auditUnit ? docOf(auditUnit) : undefined;
    audit = auditDoc && readRecord(auditDoc, 'caseAudits', record['auditId']);
  }
  return { ...conflict, unit, record, ...(cycle && { cycle }), ...(audit && { audit }) };
}
