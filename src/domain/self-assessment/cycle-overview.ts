/*
 * The state of one cycle, judgement by judgement: proposal (from criteria, or from the rules for
 * derived judgements such as overall effectiveness), agreed grade, progress and rule findings; and
 * what stops the cycle being marked final. Hard rules and missing rationales block; soft rules warn.
 */
import { criteriaOfJudgement, findLevel, scaleOfJudgement } from '../framework/lookup';
import type { Framework, Judgement } from '../framework/types';
import { evaluateJudgements, type JudgementEvaluation } from '../judgements/evaluate';
import type { CycleBundle, JudgementAssessment, Narrative } from '../workspace/records';
import { NOT_APPLICABLE } from '../workspace/vocabulary';
import { proposeFromCriteria } from './propose-from-criteria';
import type { CycleOverview, JudgementRow, NarrativeState } from './types';

type CycleRecords = Pick<CycleBundle, 'criterionAssessments' | 'judgementAssessments' | 'narratives'>;

export function buildCycleOverview(framework: Framework, bundle: CycleRecords): CycleOverview {
  const agreed = agreedGrades(bundle);
  const evaluation = evaluateJudgements(framework, agreed);
  const rows = framework.judgements.map((judgement) =>
    buildRow(framework, judgement, bundle, agreed, evaluation),
  );
  return { rows, findings: evaluation.findings, blockers: blockersOf(framework, rows, evaluation) };
}

export function checkCanFinalise(overview: CycleOverview): { ok: boolean; blockers: string[] } {
  return { ok: overview.blockers.length === 0, blockers: overview.blockers };
}

export function agreedGrades(bundle: {
  judgementAssessments: readonly JudgementAssessment[];
}): Record<string, string> {
  const grades: Record<string, string> = {};
  for (const a of bundle.judgementAssessments) {
    if (!a.deletedAt && a.agreedGrade) grades[a.judgementId] = a.agreedGrade;
  }
  return grades;
}

function buildRow(
  framework: Framework,
  judgement: Judgement,
  bundle: CycleRecords,
  agreed: Record<string, string>,
  evaluation: JudgementEvaluation,
): JudgementRow {
  const criteria = criteriaOfJudgement(framework, judgement.id);
  const assessment = bundle.judgementAssessments.find((a) => !a.deletedAt && a.judgementId === judgement.id);
  const proposal = proposalFor(framework, judgement, bundle, evaluation);
  const agreedLevelId = agreed[judgement.id];
  const rationale = assessment?.rationale ?? '';
  const fromCriteria = proposeFromCriteria(framework, judgement.id, bundle.criterionAssessments);
  const notApplicable = criteria.filter((c) =>
    bundle.criterionAssessments.some(
      (a) => !a.deletedAt && a.criterionId === c.id && a.grade === NOT_APPLICABLE,
    ),
  ).length;
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
    criteriaTotal: criteria.length,
    criteriaGraded: fromCriteria.graded,
    criteriaDone: fromCriteria.graded + notApplicable,
    narrative: narrativeState(
      framework,
      bundle.narratives.find((n) => !n.deletedAt && n.judgementId === judgement.id),
    ),
    findings: evaluation.findings.filter((f) => f.judgementIds.includes(judgement.id)),
  };
}

function proposalFor(
  framework: Framework,
  judgement: Judgement,
  bundle: CycleRecords,
  evaluation: JudgementEvaluation,
): JudgementRow['proposal'] {
  if (criteriaOfJudgement(framework, judgement.id).length > 0) {
    const p = proposeFromCriteria(framework, judgement.id, bundle.criterionAssessments);
    return { levelId: p.levelId, explanation: p.explanation, source: 'criteria' };
  }
  const derived = evaluation.proposals[judgement.id];
  if (derived) {
    const level = findLevel(scaleOfJudgement(framework, judgement.id), derived.levelId ?? undefined);
    const prefix = level ? `Proposed ${level.label}: ` : '';
    return { levelId: derived.levelId, explanation: prefix + derived.reasons.join(' '), source: 'rules' };
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

function blockersOf(framework: Framework, rows: JudgementRow[], evaluation: JudgementEvaluation): string[] {
  const blockers = evaluation.findings.filter((f) => f.severity === 'error').map((f) => f.message);
  for (const row of rows) {
    const judgement = framework.judgements.find((j) => j.id === row.judgementId);
    if (!row.agreedLevelId && !judgement?.optional) blockers.push(`Agree a grade for ${row.title}.`);
    if (row.rationaleMissing) {
      blockers.push(`Write a rationale for ${row.title}: the agreed grade differs from the proposal.`);
    }
  }
  return blockers;
}
