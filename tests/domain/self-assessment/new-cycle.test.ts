import { describe, expect, it } from 'vitest';
import { missingRecords, startCycle } from '../../../src/domain/self-assessment/new-cycle';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const author = { by: 'Principal Social Worker', now: '2026-04-02T09:00:00.000Z' };
const counter = (prefix: string) => {
  let n = 0;
  return () => `${prefix}-${++n}`;
};

describe('startCycle', () => {
  const bundle = startCycle({ framework: ilacs, startYear: 2026, author, makeId: counter('id') });

  it('makes a draft cycle for the framework version, with an empty archive', () => {
    expect(bundle.cycle).toEqual({
      id: 'id-1',
      createdAt: author.now,
      updatedAt: author.now,
      updatedBy: author.by,
      frameworkId: 'ilacs-2023',
      frameworkVersion: ilacs.version,
      startYear: 2026,
      status: 'draft',
      archive: [],
    });
  });

  it('makes exactly one blank record per criterion, and an assessment and narrative per judgement', () => {
    expect(bundle.criterionAssessments.map((a) => a.criterionId)).toEqual(ilacs.criteria.map((c) => c.id));
    expect(bundle.judgementAssessments.map((a) => a.judgementId)).toEqual(ilacs.judgements.map((j) => j.id));
    expect(bundle.narratives.map((n) => n.judgementId)).toEqual(ilacs.judgements.map((j) => j.id));
    expect(bundle.criterionAssessments[0]).toEqual({
      id: 'id-2',
      createdAt: author.now,
      updatedAt: author.now,
      updatedBy: author.by,
      cycleId: 'id-1',
      criterionId: 'lead-governance',
      grade: 'not-yet-graded',
      strengths: '',
      areasForDevelopment: '',
      status: 'to-do',
      assignee: '',
      evidenceIds: [],
      toReEvaluate: false,
      history: [],
    });
    expect(bundle.judgementAssessments[0]).not.toHaveProperty('agreedGrade');
    expect(bundle.judgementAssessments[0]).toMatchObject({ rationale: '', toReEvaluate: false, history: [] });
    expect(bundle.narratives[0]).toMatchObject({ answers: {}, toReEvaluate: false, cycleId: 'id-1' });
  });

  it('gives every record its own id', () => {
    const ids = [
      bundle.cycle.id,
      ...bundle.criterionAssessments.map((a) => a.id),
      ...bundle.judgementAssessments.map((a) => a.id),
      ...bundle.narratives.map((n) => n.id),
    ];
    expect(new Set(ids).size).toBe(1 + ilacs.criteria.length + 2 * ilacs.judgements.length);
  });
});

describe('missingRecords', () => {
  const later = { by: 'Quality Assurance Manager', now: '2026-05-01T09:00:00.000Z' };

  it('finds nothing missing in a complete cycle', () => {
    const bundle = startCycle({ framework: ilacs, startYear: 2026, author, makeId: counter('id') });
    expect(missingRecords(ilacs, bundle, later, counter('new'))).toEqual({
      criterionAssessments: [],
      judgementAssessments: [],
      narratives: [],
    });
  });

  it('makes blank records only for what is absent or deleted, in framework order', () => {
    const bundle = startCycle({ framework: ilacs, startYear: 2026, author, makeId: counter('id') });
    bundle.criterionAssessments = bundle.criterionAssessments.filter(
      (a) => !['hp-front-door', 'cl-accommodation'].includes(a.criterionId),
    );
    bundle.criterionAssessments.find((a) => a.criterionId === 'hp-lado')!.deletedAt = later.now;
    bundle.judgementAssessments = bundle.judgementAssessments.filter((a) => a.judgementId !== 'leaders');
    bundle.narratives = [];

    const missing = missingRecords(ilacs, bundle, later, counter('new'));
    expect(missing.criterionAssessments.map((a) => a.criterionId)).toEqual([
      'hp-front-door',
      'hp-lado',
      'cl-accommodation',
    ]);
    expect(missing.judgementAssessments.map((a) => a.judgementId)).toEqual(['leaders']);
    expect(missing.narratives).toHaveLength(ilacs.judgements.length);
    expect(missing.criterionAssessments[0]).toMatchObject({
      id: 'new-1',
      cycleId: bundle.cycle.id,
      grade: 'not-yet-graded',
      createdAt: later.now,
      updatedBy: later.by,
    });
  });
});
