/*
 * Who a round, a case audit or a moderation is allocated to, as the team server keeps it
 * (/auth/allocations: the server decides who may open each unit from its own table, never from what a
 * document says). An administrator's browser sends it whenever it writes one of these records, so
 * allocating an auditor or a moderator in the workbook is what gives them the unit. People are named as
 * the workbook names them; the server matches ids, email addresses and names (server/assignment.js).
 */
import { unitName } from '../server/unit-names.js';
import type { SyncedRecord, SyncedTable } from '../storage/repositories/team-repository';

export interface Allocation {
  unit: string;
  patch: Record<string, string | string[] | boolean | null>;
}

const MAX_PEOPLE = 500;
const MAX_NAME = 200;

export function allocationOf(table: SyncedTable, record: SyncedRecord): Allocation | undefined {
  try {
    switch (table) {
      case 'auditRounds': {
        const sampled = (record['sample'] as { cases?: { auditor?: unknown }[] } | undefined)?.cases ?? [];
        const named = [...listOf(record['auditors']), ...sampled.map((c) => c.auditor)];
        return { unit: unitName('round', record.id), patch: { auditors: people(named) } };
      }
      case 'caseAudits': {
        const roundId = record['roundId'];
        return {
          unit: unitName('audit', record.id),
          patch: {
            round: typeof roundId === 'string' && roundId ? unitName('round', roundId) : null,
            auditor: person(record['auditor']),
          },
        };
      }
      case 'moderations':
        return {
          unit: unitName('moderation', record.id),
          patch: {
            audit: unitName('audit', String(record['auditId'])),
            moderator: person(record['moderator']),
            blind: record['blind'] === true,
          },
        };
      default:
        return undefined;
    }
  } catch {
    return undefined; // an id the server would refuse: the record does not sync either
  }
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function person(value: unknown): string | null {
  const name = typeof value === 'string' ? value.trim() : '';
  return name && name.length <= MAX_NAME ? name : null;
}

function people(values: unknown[]): string[] {
  const names = values.map(person).filter((name): name is string => name !== null);
  return [...new Set(names)].slice(0, MAX_PEOPLE);
}
