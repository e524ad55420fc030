// @vitest-environment node
/*
 * The example council (public/examples/example-council.json): it passes the backup door as shipped,
 * every reference resolves, it tells a realistic story, and moved to any day it stays valid and current:
 * this year's cycle on the framework in force, last year's final cycle complete.
 */
import { describe, expect, it } from 'vitest';
import { completionProblems } from '../../../src/domain/case-audit/audit-record';
import { seededRandom } from '../../../src/domain/case-audit/sampling';
import { cycleStartYear } from '../../../src/domain/format/dates';
import { criteriaOfJudgement, findLevel, scaleOfJudgement } from '../../../src/domain/framework/lookup';
import { evaluateJudgements } from '../../../src/domain/judgements/evaluate';
import type { Framework } from '../../../src/domain/framework/types';
import { carryForward } from '../../../src/domain/self-assessment/carry-forward';
import { compareCycles } from '../../../src/domain/self-assessment/changes-since-last-year';
import { isOverdue, isStale } from '../../../src/domain/self-assessment/dates';
import { computeMissingForFinal } from '../../../src/domain/self-assessment/finalise-check';
import { frameworkForYear, isInForceOn } from '../../../src/domain/self-assessment/framework-for-year';
import type { CycleBundle } from '../../../src/domain/workspace/records';
import { shiftWorkspaceDates } from '../../../src/domain/workspace/shift-dates';
import { EVIDENCE_TYPES } from '../../../src/domain/workspace/vocabulary';
import { buildBackup } from '../../../src/export/backup/backup-format';
import { readBackupValue } from '../../../src/import/backup/read-backup';
import {
  exampleAnchor,
  exampleBackup,
  exampleBundle,
  exampleWorkspace,
} from '../../helpers/example-workspace';
import { shippedFramework } from '../../helpers/frameworks';
import { shippedLibrary } from '../../helpers/shipped-library';

/** Last year's cycle was assessed against ILACS 2023; this year's against ILACS 2026, in force from April. */
const ilacs2023 = shippedFramework('ilacs-2023');
const ilacs2026 = shippedFramework('ilacs-2026');
const TODAY = '2026-11-24';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The documented proposal rule (types.ts): the lower median of the graded criteria. */
function lowerMedian(ilacs: Framework, bundle: CycleBundle, judgementId: string): string | undefined {
  const scale = scaleOfJudgement(ilacs, judgementId);
  const ranks = criteriaOfJudgement(ilacs, judgementId)
    .map((c) => findLevel(scale, bundle.criterionAssessments.find((a) => a.criterionId === c.id)?.grade))
    .filter((level) => level !== undefined)
    .sort((a, b) => a.rank - b.rank);
  return ranks[Math.floor((ranks.length - 1) / 2)]?.id;
}

describe('the example council file', () => {
  const demo = exampleWorkspace(TODAY);
  const [lastYear, current] = demo.cycles;
  const previous = exampleBundle(demo, lastYear!.id);
  const now = exampleBundle(demo, current!.id);

  it('passes the backup door as shipped, last year on ILACS 2023 and this year on ILACS 2026, with UUIDs and roles for authors', () => {
    const backup = exampleBackup();
    expect(backup).toMatchObject({ formatName: 'readiness-workspace', formatVersion: 1 });
    expect(exampleAnchor(backup)).toBe('2026-12-01');
    const records = backup.records;
    const pin = (f: Framework) => ({ frameworkId: f.id, frameworkVersion: f.version });
    expect(records.cycles[0]).toMatchObject(pin(ilacs2023));
    for (const pinned of [records.cycles[1]!, ...records.auditRounds, ...records.caseAudits])
      expect(pinned).toMatchObject(pin(ilacs2026));
    expect(records.frameworks).toEqual([]);
    const tables = Object.entries(records).filter(([name]) => name !== 'settings' && name !== 'frameworks');
    const ids = tables.flatMap(([, rows]) => (rows as { id: string }[]).map((r) => r.id));
    expect(ids.filter((id) => !UUID.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const authors = [...JSON.stringify(records).matchAll(/"(?:updatedBy|finalisedBy)":"([^"]*)"/g)];
    const historyAuthors = [...records.criterionAssessments, ...records.judgementAssessments].flatMap((a) =>
      a.history.map((h) => h.by),
    );
    expect(new Set([...authors.map((m) => m[1]), ...historyAuthors])).toEqual(
      new Set(['Principal Social Worker']),
    );
  });

  it('is a fictional council, leaving the user’s own name alone', () => {
    expect(demo.settings).toEqual({
      councilName: 'Exampleshire County Council',
      userName: '',
      protectiveMarking: 'OFFICIAL-SENSITIVE',
    });
  });

  it('has last year’s final cycle and this year’s draft carried from it, in the April-to-March year of today', () => {
    expect(lastYear).toMatchObject({ startYear: 2025, status: 'final' });
    expect(cycleStartYear(lastYear!.finalisedAt!)).toBe(2025);
    expect(current).toMatchObject({ startYear: 2026, status: 'draft', previousCycleId: lastYear!.id });
    expect(exampleWorkspace('2027-03-31').cycles[1]!.startYear).toBe(2026);
    expect(exampleWorkspace('2027-04-01').cycles[1]!.startYear).toBe(2027);
  });

  it('has exactly one assessment per criterion, and one assessment and narrative per judgement, in each cycle', () => {
    expect(ilacs2026.criteria).toHaveLength(42);
    expect(ilacs2026.judgements.map((j) => j.id)).not.toContain('overall-effectiveness');
    for (const [bundle, ilacs] of [
      [previous, ilacs2023],
      [now, ilacs2026],
    ] as const) {
      expect(bundle.criterionAssessments.map((a) => a.criterionId)).toEqual(ilacs.criteria.map((c) => c.id));
      expect(bundle.judgementAssessments.map((a) => a.judgementId)).toEqual(
        ilacs.judgements.map((j) => j.id),
      );
      expect(bundle.narratives.map((a) => a.judgementId)).toEqual(ilacs.judgements.map((j) => j.id));
    }
  });

  it('only refers to records that exist, with grades on the scale', () => {
    const evidenceIds = new Set(demo.evidence.map((e) => e.id));
    const recommendationIds = new Set(demo.recommendations.map((r) => r.id));
    // The registers serve this year's cycle, so they use this year's framework's ids.
    const criterionIds = new Set(ilacs2026.criteria.map((c) => c.id));
    const judgementIds = new Set(ilacs2026.judgements.map((j) => j.id));
    const levels = new Set(['outstanding', 'good', 'requires-improvement', 'inadequate']);
    for (const a of demo.criterionAssessments) {
      expect(a.evidenceIds.every((id) => evidenceIds.has(id))).toBe(true);
      expect(levels.has(a.grade) || ['not-yet-graded', 'not-applicable'].includes(a.grade)).toBe(true);
    }
    for (const a of demo.judgementAssessments) expect(levels.has(a.agreedGrade!)).toBe(true);
    for (const action of demo.actions) {
      expect(action.criterionIds.every((id) => criterionIds.has(id))).toBe(true);
      expect(action.judgementIds.every((id) => judgementIds.has(id))).toBe(true);
      expect(action.recommendationIds.every((id) => recommendationIds.has(id))).toBe(true);
    }
    for (const r of demo.recommendations)
      expect(r.judgementIds.every((id) => judgementIds.has(id))).toBe(true);
  });

  it('cites evidence in narratives by titles that exist, and last year only evidence it could have had', () => {
    const titles = new Set(demo.evidence.map((e) => e.title));
    const cited = demo.narratives.flatMap((n) =>
      Object.values(n.answers).flatMap((text) =>
        [...text.matchAll(/\[Evidence: ([^\]]+)\]/g)].map((m) => m[1]!),
      ),
    );
    expect(cited.length).toBeGreaterThan(5);
    expect(cited.filter((title) => !titles.has(title))).toEqual([]);
    const finalisedOn = lastYear!.finalisedAt!.slice(0, 10);
    const dateOf = (id: string) => demo.evidence.find((e) => e.id === id)!.date;
    expect(
      previous.criterionAssessments.flatMap((a) => a.evidenceIds).every((id) => dateOf(id) <= finalisedOn),
    ).toBe(true);
  });

  it('grades this year realistically: mostly good and requires improvement, a little outstanding, nothing inadequate', () => {
    const count = (grade: string) => now.criterionAssessments.filter((a) => a.grade === grade).length;
    expect(count('good') + count('requires-improvement')).toBeGreaterThan(30);
    expect(count('outstanding')).toBe(2);
    expect(count('inadequate')).toBe(0);
    expect(count('not-applicable')).toBe(1);
    expect(count('not-yet-graded')).toBe(1);
    expect(now.criterionAssessments.find((a) => a.criterionId === 'hp-front-door')!.grade).toBe(
      'requires-improvement',
    );
    expect(new Set(now.criterionAssessments.map((a) => a.status))).toEqual(
      new Set(['to-do', 'in-progress', 'ready-for-review', 'agreed']),
    );
  });

  it('has most criteria looked at again this year, and a few still to re-evaluate as carried', () => {
    const carried = now.criterionAssessments.filter((a) => a.toReEvaluate);
    expect(carried.map((a) => a.criterionId)).toEqual([
      'cic-distance-and-unregistered',
      'cic-family-time-and-identity',
      'cl-formerly-unaccompanied',
    ]);
    expect(
      carried.every((a) => a.history[0]!.field === 'carried-forward' && a.status === 'in-progress'),
    ).toBe(true);
    expect(carried[0]!.history[0]).toMatchObject({ from: '2025–26', to: '2026–27, to re-evaluate' });
    expect(now.judgementAssessments.every((a) => !a.toReEvaluate && a.agreedGrade)).toBe(true);
  });

  it('grades the three criteria new in ILACS 2026 with findings and evidence, as the rest', () => {
    const added = [
      'lead-families-first-reform',
      'hp-multi-agency-child-protection',
      'hp-family-group-decision-making',
    ];
    expect(
      ilacs2026.criteria.filter((c) => !ilacs2023.criteria.some((o) => o.id === c.id)).map((c) => c.id),
    ).toEqual(added);
    for (const id of added) {
      const a = now.criterionAssessments.find((x) => x.criterionId === id)!;
      expect(['good', 'requires-improvement'], id).toContain(a.grade);
      expect(a.strengths.length, id).toBeGreaterThan(100);
      expect(a.areasForDevelopment, id).toContain('\n- ');
      expect(a.evidenceIds.length, id).toBeGreaterThan(0);
      expect(a.toReEvaluate, id).toBe(false);
      expect(a.history[0], id).toMatchObject({ field: 'grade', from: 'not-yet-graded', to: a.grade });
    }
  });

  it('keeps, as carrying forward does, last year’s overall effectiveness that ILACS 2026 no longer makes', () => {
    expect(now.judgementAssessments.some((a) => a.judgementId === 'overall-effectiveness')).toBe(false);
    const carried = carryForward({
      previous,
      fromFramework: ilacs2023,
      toFramework: ilacs2026,
      startYear: current!.startYear,
      author: { by: 'Principal Social Worker', now: current!.createdAt },
      makeId: () => 'id',
    });
    expect(carried.cycle.archive.map((item) => [item.kind, item.oldId])).toEqual([
      ['judgement-assessment', 'overall-effectiveness'],
      ['narrative', 'overall-effectiveness'],
    ]);
    expect(current!.archive).toEqual(carried.cycle.archive);
  });

  it('writes evaluative text with paragraphs and lists, and all three answers for every judgement', () => {
    const sections = ilacs2026.selfEvaluation.map((s) => s.id);
    for (const narrative of now.narratives) {
      expect(sections.every((id) => (narrative.answers[id] ?? '').trim().length > 20)).toBe(true);
    }
    const texts = now.criterionAssessments.map((a) => `${a.strengths}\n${a.areasForDevelopment}`).join('\n');
    expect(texts).toContain('\n- ');
    expect(now.narratives.some((n) => Object.values(n.answers).some((t) => t.includes('\n\n')))).toBe(true);
  });

  it('agrees a grade different from the proposal only with a rationale', () => {
    const agreed = (id: string) => now.judgementAssessments.find((a) => a.judgementId === id)!;
    const differing = ['leaders', 'help-and-protection', 'children-in-care', 'care-leavers'].filter(
      (id) => lowerMedian(ilacs2026, now, id) !== agreed(id).agreedGrade,
    );
    expect(differing).toEqual(['care-leavers']);
    expect(agreed('care-leavers').rationale.length).toBeGreaterThan(50);
    // Last year's overall grade follows its rules: the proposal they derive is the one agreed.
    const lastYears = (id: string) => previous.judgementAssessments.find((a) => a.judgementId === id)!;
    const grades = Object.fromEntries(
      previous.judgementAssessments.map((a) => [a.judgementId, a.agreedGrade]),
    );
    const overall = evaluateJudgements(ilacs2023, grades).proposals['overall-effectiveness']!;
    expect(overall.levelId).toBe(lastYears('overall-effectiveness').agreedGrade);
  });

  it('gives the readiness checks something to find', () => {
    expect(new Set(demo.evidence.map((e) => e.type))).toEqual(new Set(Object.keys(EVIDENCE_TYPES)));
    expect(demo.evidence.some((e) => isStale(e.date, TODAY))).toBe(true);
    expect(demo.evidence.every((e) => e.date >= '2024-11-24' && e.date <= TODAY)).toBe(true);
    expect(demo.actions.some((a) => isOverdue(a, TODAY))).toBe(true);
    const answered = new Set(demo.actions.flatMap((a) => a.recommendationIds));
    expect(demo.recommendations.filter((r) => !answered.has(r.id)).map((r) => r.reference)).toEqual(['R4']);
    expect(demo.recommendations.filter((r) => r.priorityAction)).toHaveLength(1);
    const goodWithout = now.criterionAssessments.filter(
      (a) => ['good', 'outstanding'].includes(a.grade) && a.evidenceIds.length === 0,
    );
    expect(goodWithout.length).toBeGreaterThan(0);
  });

  it('keeps each action’s RAG consistent with its status', () => {
    for (const action of demo.actions) {
      const completed = action.status === 'completed';
      expect(action.rag === 'blue').toBe(completed);
      expect(action.completedAt !== undefined).toBe(completed);
      if (isOverdue(action, TODAY)) expect(action.rag).toBe('red');
    }
  });

  it('shows a year of change: grades up and down, new evidence, closed actions', () => {
    const changes = compareCycles({
      previousFramework: ilacs2023,
      framework: ilacs2026,
      previous,
      current: now,
      evidence: demo.evidence,
      actions: demo.actions,
    });
    const directions = new Set(changes.grades.map((g) => g.direction));
    for (const direction of ['up', 'down', 'same', 'no-longer-graded', 'newly-graded'])
      expect(directions).toContain(direction);
    expect(changes.newEvidenceIds.length).toBeGreaterThan(0);
    expect(changes.closedActionIds).toHaveLength(3);
  });

  it('is obviously fictional: roles not people, no dates of birth or NHS numbers', () => {
    const text = JSON.stringify(exampleBackup());
    expect(text).not.toMatch(/date of birth|\bDOB\b/i);
    expect(text).not.toMatch(/\b\d{3}\s?\d{3}\s?\d{4}\b/);
    expect(text).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/);
    expect(text).not.toMatch(/\b(Mr|Mrs|Ms|Miss|Dr)\.? [A-Z]/);
  });

  it('has a round of completed case audits of cases on its pseudonymised case list, some not recent', () => {
    const [round] = demo.auditRounds!;
    const audits = demo.caseAudits!;
    const listed = new Set(round!.caseList.map((c) => c.caseReference));
    expect(round!.caseList.length).toBeGreaterThan(60);
    expect(new Set(round!.caseList.map((c) => c.caseType))).toEqual(
      new Set(['child-in-need-child-protection', 'early-help', 'children-in-care', 'care-leavers']),
    );
    expect(audits.length).toBeGreaterThan(20);
    for (const audit of audits) {
      expect(listed.has(audit.caseReference)).toBe(true);
      expect(audit.roundId).toBe(round!.id);
      const tool = ilacs2026.auditTools.find((t) => t.id === audit.toolId)!;
      expect(completionProblems(audit, tool), audit.caseReference).toEqual([]);
      expect(audit.auditDate < TODAY).toBe(true);
    }
    expect(audits.some((a) => a.auditDate < '2026-05-24')).toBe(true);
    expect(round!.caseList.every((c) => /^EX-\d{4}$/.test(c.caseReference))).toBe(true);
  });
});

describe('the example council moved to any day', () => {
  const backup = exampleBackup();
  const from = exampleAnchor(backup);
  const random = seededRandom(41);
  const days = Array.from({ length: 10 }, () => Math.round((random() - 0.5) * 7300));
  const shifted = days.map((n) =>
    new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10),
  );

  it.each(shifted.concat(['2027-03-31', '2027-04-01', '2028-02-29']))(
    'on %s still passes the backup door, last year final and this year a draft, with stale evidence and overdue actions',
    (today) => {
      const records = shiftWorkspaceDates(structuredClone(backup.records), { from, to: today });
      const read = readBackupValue(
        buildBackup(records, { appVersion: '0.1.0', exportedAt: `${today}T17:00:00.000Z` }),
      );
      expect(read.ok && read.backup.records).toEqual(records);
      const [lastYear, current] = records.cycles;
      expect(lastYear).toMatchObject({ status: 'final', startYear: cycleStartYear(today) - 1 });
      expect(current).toMatchObject({
        status: 'draft',
        startYear: cycleStartYear(today),
        previousCycleId: lastYear!.id,
      });
      expect(records.evidence.some((e) => isStale(e.date, today))).toBe(true);
      expect(records.evidence.every((e) => e.date <= today)).toBe(true);
      expect(records.actions.some((a) => isOverdue(a, today))).toBe(true);
      expect(records.caseAudits.every((a) => a.auditDate < today)).toBe(true);
      const round = records.auditRounds[0]!;
      expect(round.periodFrom < round.periodTo && round.periodTo < today).toBe(true);
    },
  );
});

describe('the example council on any day from this April to three years after it was written', () => {
  const backup = exampleBackup();
  const from = exampleAnchor(backup);
  const random = seededRandom(2026);
  const first = Date.parse('2026-04-01T00:00:00Z');
  const span = Date.parse(`${from}T00:00:00Z`) + 3 * 365 * 86_400_000 - first;
  const days = Array.from({ length: 12 }, () =>
    new Date(first + Math.floor(random() * span)).toISOString().slice(0, 10),
  );

  it.each(['2026-04-01', from, '2027-03-31', '2027-04-01', '2028-02-29', ...days])(
    'on %s assesses this year against the framework in force, and last year’s final cycle is complete',
    async (today) => {
      const { shipped } = await shippedLibrary();
      const records = shiftWorkspaceDates(structuredClone(backup.records), { from, to: today });
      const [lastYear, current] = records.cycles;
      const frameworkOf = (c: typeof current) =>
        shipped.find((f) => f.id === c!.frameworkId && f.version === c!.frameworkVersion)!;
      const inForce = frameworkForYear(shipped, current!.startYear)!;
      expect([current!.frameworkId, current!.frameworkVersion]).toEqual([inForce.id, inForce.version]);
      expect(isInForceOn(frameworkOf(current), today)).toBe(true);
      for (const round of records.auditRounds)
        expect([round.frameworkId, round.frameworkVersion]).toEqual([inForce.id, inForce.version]);

      const final = exampleBundle(records, lastYear!.id);
      expect(final.cycle.status).toBe('final');
      expect(computeMissingForFinal(frameworkOf(lastYear), final)).toEqual([]);
    },
  );
});
