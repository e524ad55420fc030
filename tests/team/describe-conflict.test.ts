import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Framework } from '../../src/domain/framework/types';
import type { SyncedRecord } from '../../src/storage/repositories/team-repository';
import type { UnitConflict } from '../../src/state/team.svelte';
import { conflictTitle, conflictValue, type FindFramework } from '../../src/ui/team/describe-conflict';

const ilacs = JSON.parse(readFileSync('public/frameworks/ilacs-2023.json', 'utf8')) as Framework;
const find: FindFramework = (id, version) =>
  id === ilacs.id && version === ilacs.version ? ilacs : undefined;
const record = (fields: Record<string, unknown>) => ({ id: 'r1', ...fields }) as unknown as SyncedRecord;
const cycle = record({ id: 'c1', frameworkId: ilacs.id, frameworkVersion: ilacs.version, startYear: 2026 });
const hp3 = ilacs.criteria.filter((c) => c.judgementId === 'help-and-protection')[2]!;

function conflict(fields: Partial<UnitConflict>): UnitConflict {
  return {
    unit: 'cycle:x',
    table: 'criterionAssessments',
    id: 'r1',
    field: 'grade',
    merged: false,
    current: undefined,
    versions: [],
    record: record({}),
    ...fields,
  };
}

describe('a team conflict in the person’s words', () => {
  it('names a criterion by its reference and its cycle by year and framework', () => {
    const c = conflict({
      field: 'strengths',
      record: record({ cycleId: 'c1', criterionId: hp3.id }),
      cycle,
    });
    expect(conflictTitle(c, find)).toBe(`Criterion ${hp3.ref} strengths, 2026–27 ILACS 2023 self-assessment`);
  });

  it('names a criterion’s review and sign-off in words, not by its field name', () => {
    const c = conflict({ field: 'review', record: record({ cycleId: 'c1', criterionId: hp3.id }), cycle });
    expect(conflictTitle(c, find)).toBe(
      `Criterion ${hp3.ref} review and sign-off, 2026–27 ILACS 2023 self-assessment`,
    );
  });

  it('names a judgement by its short title and shows a grade by its label', () => {
    const c = conflict({
      table: 'judgementAssessments',
      field: 'agreedGrade',
      record: record({ cycleId: 'c1', judgementId: 'help-and-protection' }),
      cycle,
    });
    expect(conflictTitle(c, find)).toBe(
      'Judgement “Help and protection” agreed grade, 2026–27 ILACS 2023 self-assessment',
    );
    expect(conflictValue(c, 'requires-improvement', find)).toBe('Requires improvement to be good');
  });

  it('names a case audit by its reference and shows its overall grade on its tool’s scale', () => {
    const audit = record({
      caseReference: 'CA-0012',
      frameworkId: ilacs.id,
      frameworkVersion: ilacs.version,
      toolId: 'cin-cp-audit',
    });
    const c = conflict({ table: 'caseAudits', field: 'overallGrade', record: audit });
    expect(conflictTitle(c, find)).toBe('Case audit CA-0012, overall grade');
    expect(conflictValue(c, 'good', find)).toBe('Good');
    const moderation = conflict({
      table: 'moderations',
      field: 'moderatedOverallGrade',
      record: record({ auditId: 'a1' }),
      audit,
    });
    expect(conflictTitle(moderation, find)).toBe('Moderation of case audit CA-0012, moderated overall grade');
    expect(conflictValue(moderation, 'inadequate', find)).toBe('Inadequate');
  });

  it('shows an empty side as empty and leaves a value it cannot label as it is', () => {
    const c = conflict({ table: 'evidence', field: 'owner', record: record({ title: 'Scorecard' }) });
    expect(conflictTitle(c, find)).toBe('Evidence “Scorecard”, owner');
    expect(conflictValue(c, '', find)).toBe('(empty)');
    expect(conflictValue(c, 'Head of service', find)).toBe('Head of service');
  });
});
