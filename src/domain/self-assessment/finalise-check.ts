/*
 * What a cycle still needs before it can be marked final: a final self-assessment is a finished one.
 * Every criterion graded or marked not applicable and signed off by a reviewer (review.ts; a criterion
 * 'agreed' before sign-off was recorded counts as signed off), every judgement agreed (with a rationale where it
 * differs from the proposal) and its agreed grade signed off (judgement-sign-off.ts), every self-evaluation
 * answer written, no narrative's review left open (sent for review but not agreed since: narrative-review.ts),
 * and no firm rule broken. An
 * optional judgement nobody has started (the SIF LSCB review) is left out; once started, it counts.
 * The page, the manager and the repository all ask this one function.
 */
import { findLevel, scaleOfJudgement } from '../framework/lookup';
import type { Framework, Judgement, Rule } from '../framework/types';
import type { RuleFinding } from '../judgements/evaluate';
import type { CycleBundle, CriterionAssessment, JudgementAssessment, Narrative } from '../workspace/records';
import { NOT_APPLICABLE } from '../workspace/vocabulary';
import { buildCycleOverview } from './cycle-overview';
import { describeJudgementSignOff } from './judgement-sign-off';
import { isNarrativeReviewOpen } from './narrative-review';
import { isSignedOff } from './review';
import type { CycleOverview, JudgementRow } from './types';

/** One thing missing, with the ids to link to the page where it is done. */
export type MissingForFinal =
  | { code: 'rule-broken'; judgementId: string; ruleId: string; message: string }
  | { code: 'criterion-not-graded'; judgementId: string; criterionId: string; message: string }
  | { code: 'criterion-not-signed-off'; judgementId: string; criterionId: string; message: string }
  | { code: 'grade-not-agreed'; judgementId: string; message: string }
  | { code: 'grade-not-signed-off'; judgementId: string; message: string }
  | { code: 'rationale-missing'; judgementId: string; message: string }
  | { code: 'answer-missing'; judgementId: string; sectionId: string; message: string }
  | { code: 'narrative-review-open'; judgementId: string; message: string };

type CycleRecords = Pick<CycleBundle, 'criterionAssessments' | 'judgementAssessments' | 'narratives'>;

/**
 * Everything missing, firm-rule breaks first, then judgement by judgement in the framework's order
 * (criteria, agreed grade and its sign-off, rationale, answers): the order a reader works through it. Empty = complete.
 */
export function computeMissingForFinal(
  framework: Framework,
  records: CycleRecords,
  overview: CycleOverview = buildCycleOverview(framework, records),
): MissingForFinal[] {
  const missing: MissingForFinal[] = overview.findings
    .filter((f) => f.severity === 'error')
    .map((f) => ({
      code: 'rule-broken',
      judgementId: judgementToChange(framework, f),
      ruleId: f.ruleId,
      message: f.message,
    }));
  const grades = liveByKey(records.criterionAssessments, (a) => a.criterionId);
  const narratives = liveByKey(records.narratives, (n) => n.judgementId);
  const agreed = liveByKey(records.judgementAssessments, (a) => a.judgementId);
  framework.judgements.forEach((judgement, i) => {
    const row = overview.rows[i]!;
    const narrative = narratives.get(judgement.id);
    if (judgement.optional && !isStarted(framework, judgement, row, grades, narrative)) return;
    missing.push(
      ...missingInJudgement(framework, judgement, row, grades, narrative, agreed.get(judgement.id)),
    );
  });
  return missing;
}

function missingInJudgement(
  framework: Framework,
  judgement: Judgement,
  row: JudgementRow,
  grades: Map<string, CriterionAssessment>,
  narrative: Narrative | undefined,
  assessment: JudgementAssessment | undefined,
): MissingForFinal[] {
  const judgementId = judgement.id;
  const missing: MissingForFinal[] = [];
  for (const criterion of framework.criteria.filter((c) => c.judgementId === judgementId)) {
    const assessment = grades.get(criterion.id);
    if (isDone(framework, judgementId, assessment)) {
      if (isSignedOff(assessment)) continue;
      missing.push({
        code: 'criterion-not-signed-off',
        judgementId,
        criterionId: criterion.id,
        message: `Have ${criterion.ref} ${criterion.title} reviewed and signed off.`,
      });
      continue;
    }
    missing.push({
      code: 'criterion-not-graded',
      judgementId,
      criterionId: criterion.id,
      message: `Grade ${criterion.ref} ${criterion.title}, or mark it not applicable.`,
    });
  }
  if (row.agreedLevelId === undefined) {
    missing.push({ code: 'grade-not-agreed', judgementId, message: `Agree a grade for ${judgement.title}.` });
  } else if (!describeJudgementSignOff(assessment).signedOff) {
    missing.push({
      code: 'grade-not-signed-off',
      judgementId,
      message: `Have the agreed grade for ${judgement.title} signed off by a reviewer.`,
    });
  }
  if (row.rationaleMissing) {
    missing.push({
      code: 'rationale-missing',
      judgementId,
      message: `Write a rationale for ${judgement.title}: the agreed grade differs from the proposal.`,
    });
  }
  for (const section of framework.selfEvaluation) {
    if ((narrative?.answers[section.id] ?? '').trim() !== '') continue;
    missing.push({
      code: 'answer-missing',
      judgementId,
      sectionId: section.id,
      message: `Answer “${section.question}” for ${judgement.title}.`,
    });
  }
  if (isNarrativeReviewOpen(narrative)) {
    missing.push({
      code: 'narrative-review-open',
      judgementId,
      message: `Have the self-evaluation for ${judgement.title} agreed: it was sent for review and is not agreed yet.`,
    });
  }
  return missing;
}

/** Graded on the judgement's scale, or marked not applicable. */
function isDone(framework: Framework, judgementId: string, assessment: CriterionAssessment | undefined) {
  if (!assessment) return false;
  if (assessment.grade === NOT_APPLICABLE) return true;
  return findLevel(scaleOfJudgement(framework, judgementId), assessment.grade) !== undefined;
}

function isStarted(
  framework: Framework,
  judgement: Judgement,
  row: JudgementRow,
  grades: Map<string, CriterionAssessment>,
  narrative: Narrative | undefined,
): boolean {
  if (row.agreedLevelId !== undefined) return true;
  const criteria = framework.criteria.filter((c) => c.judgementId === judgement.id);
  if (criteria.some((c) => isDone(framework, judgement.id, grades.get(c.id)))) return true;
  return framework.selfEvaluation.some((s) => (narrative?.answers[s.id] ?? '').trim() !== '');
}

/** The judgement whose grade the broken rule constrains: the page where it is put right. */
function judgementToChange(framework: Framework, finding: RuleFinding): string {
  const rule = framework.rules.find((r) => r.id === finding.ruleId);
  const constrained = rule ? constrainedBy(rule) : [];
  return finding.judgementIds.find((id) => constrained.includes(id)) ?? finding.judgementIds[0] ?? '';
}

function constrainedBy(rule: Rule): string[] {
  return rule.type === 'if-any-then' ? rule.then.judgementIds : [rule.judgementId];
}

/** Live records by key; the latest record wins if a key has two, as in the overview. */
function liveByKey<T extends { deletedAt?: string }>(records: readonly T[], key: (r: T) => string) {
  return new Map(records.filter((r) => !r.deletedAt).map((r) => [key(r), r]));
}
