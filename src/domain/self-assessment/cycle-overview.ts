/*
 * The state of one cycle, judgement by judgement: proposal (from criteria, or from the rules for
 * derived judgements such as overall effectiveness), agreed grade, progress and rule findings (hard
 * rules are errors, soft ones warnings). What stops the cycle being marked final is finalise-check.ts.
 */
import type { Framework, Judgement } from '../framework/types';
import { evaluateJudgements, type JudgementEvaluation } from '../judgements/evaluate';
import type { CycleBundle, JudgementAssessment, Narrative } from '../workspace/records';
import { proposeFromCriteria } from './propose-from-criteria';
import type { CriteriaProposal, CycleOverview, JudgementRow, NarrativeState } from './types';

type CycleRecords = Pick<CycleBundle, 'criterionAssessments' | 'judgementAssessments' | 'narratives'>;

export function buildCycleOverview(framework: Framework, bundle: CycleRecords): CycleOverview {
  const agreed = agreedGrades(bundle);
  const evaluation = evaluateJudgements(framework, agreed);
  const rows = framework.judgements.map((judgement) =>
    buildRow(framework, judgement, bundle, agreed, evaluation),
  );
  return { rows, findings: evaluation.findings };
}

/** Judgement id → agreed grade, from live records (the latest record wins if a judgement has two). */
export function agreedGrades(bundle: {
  judgementAssessments: readonly JudgementAssessment[];
}): Record<string, string> {
  const grades: Record<string, string> = {};
  for (const [judgementId, a] of latestLive(bundle.judgementAssessments)) {
    if (a.agreedGrade) grades[judgementId] = a.agreedGrade;
  }
  return grades;
}

function latestLive<T extends { judgementId: string; deletedAt?: string }>(
  records: readonly T[],
): Map<string, T> {
  return new Map(records.filter((r) => !r.deletedAt).map((r) => [r.judgementId, r]));
}

function buildRow(
  framework: Framework,
  judgement: Judgement,
  bundle: CycleRecords,
  agreed: Record<string, string>,
  evaluation: JudgementEvaluation,
): JudgementRow {
  const fromCriteria = proposeFromCriteria(framework, judgement.id, bundle.criterionAssessments);
  const proposal = proposalFor(judgement, fromCriteria, evaluation);
  const agreedLevelId = agreed[judgement.id];
  const rationale = latestLive(bundle.judgementAssessments).get(judgement.id)?.rationale ?? '';
  const narrative = latestLive(bundle.narratives).get(judgement.id);
  return {
    judgementId: judgement.id,
    title: judgement.title,
    proposal,
    agreedLevelId,
    rationale,
    rationaleMissing:
      agreedLevelId !== undefined &&
      proposal.levelId !== null &&
      proposal.levelId !== agreedLevelId &&
      rationale.trim() === '',
    criteriaTotal: fromCriteria.total,
    criteriaGraded: fromCriteria.graded,
    criteriaDone: fromCriteria.graded + fromCriteria.notApplicable,
    narrative: narrativeState(framework, narrative),
    findings: evaluation.findings.filter((f) => f.judgementIds.includes(judgement.id)),
  };
}

function proposalFor(
  judgement: Judgement,
  fromCriteria: CriteriaProposal,
  evaluation: JudgementEvaluation,
): JudgementRow['proposal'] {
  if (fromCriteria.total > 0) {
    return { levelId: fromCriteria.levelId, explanation: fromCriteria.explanation, source: 'criteria' };
  }
  const derived = evaluation.proposals[judgement.id];
  if (derived) {
    return { levelId: derived.levelId, explanation: derived.reasons.join(' '), source: 'rules' };
  }
  return {
    levelId: null,
    explanation: `${judgement.title} has no criteria and no rule that derives it: agree its grade from the evidence.`,
    source: 'rules',
  };
}

function narrativeState(framework: Framework, narrative: Narrative | undefined): NarrativeState {
  const sections = framework.selfEvaluation.map((s) => s.id);
  const written = sections.filter((id) => (narrative?.answers[id] ?? '').trim() !== '').length;
  if (written === 0) return 'not-started';
  return written === sections.length ? 'written' : 'in-progress';
}
