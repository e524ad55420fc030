import { scaleOfJudgement } from '../../src/domain/framework/lookup';
import type { Framework } from '../../src/domain/framework/types';
import type { CycleBundle } from '../../src/domain/workspace/records';
import type { CyclesManager } from '../../src/state/cycles-manager.svelte';
import { makeCriterionAssessment, makeJudgementAssessment, makeNarrative } from './builders';

type CycleRecords = Pick<CycleBundle, 'criterionAssessments' | 'judgementAssessments' | 'narratives'>;

/** "Good" where the scale has it, else its first level: every criterion of a judgement alike. */
function gradeFor(framework: Framework, judgementId: string): string {
  const scale = scaleOfJudgement(framework, judgementId);
  const level = scale?.levels.find((l) => l.id === 'good') ?? scale?.levels[0];
  if (!level) throw new Error(`${framework.id}: judgement ${judgementId} has no scale`);
  return level.id;
}

const ANSWER = 'Written for the test.';
const RATIONALE = 'Agreed by the senior leadership team.';

/** Records that make a cycle of `framework` complete: nothing left to do before it is marked final. */
export function completeRecords(framework: Framework, cycleId: string): CycleRecords {
  const answers = Object.fromEntries(framework.selfEvaluation.map((s) => [s.id, ANSWER]));
  return {
    criterionAssessments: framework.criteria.map((c) =>
      makeCriterionAssessment({
        cycleId,
        criterionId: c.id,
        grade: gradeFor(framework, c.judgementId),
        status: 'agreed',
        review: {
          requestedBy: 'Sam Okafor',
          requestedAt: '2025-06-01T09:00:00.000Z',
          signedOffBy: 'Priya Shah',
          signedOffAt: '2025-06-02T09:00:00.000Z',
        },
      }),
    ),
    judgementAssessments: framework.judgements.map((j) =>
      makeJudgementAssessment({
        cycleId,
        judgementId: j.id,
        agreedGrade: gradeFor(framework, j.id),
        rationale: RATIONALE,
        review: { signedOffBy: 'Priya Shah', signedOffAt: '2025-06-03T09:00:00.000Z' },
      }),
    ),
    narratives: framework.judgements.map((j) =>
      makeNarrative({ cycleId, judgementId: j.id, answers: { ...answers } }),
    ),
  };
}

/** Completes the manager's open cycle through its own intents, as a user would, and waits for the writes. */
export async function completeOpenCycle(cycles: CyclesManager, framework: Framework): Promise<void> {
  for (const criterion of framework.criteria) {
    await cycles.editCriterion(criterion.id, { grade: gradeFor(framework, criterion.judgementId) });
    await cycles.reviewCriterion(criterion.id, 'send');
    await cycles.reviewCriterion(criterion.id, 'agree');
  }
  for (const judgement of framework.judgements) {
    await cycles.editJudgement(judgement.id, {
      agreedGrade: gradeFor(framework, judgement.id),
      rationale: RATIONALE,
    });
    await cycles.signOffJudgement(judgement.id);
    for (const section of framework.selfEvaluation) {
      await cycles.editNarrative(judgement.id, section.id, ANSWER);
    }
  }
}
