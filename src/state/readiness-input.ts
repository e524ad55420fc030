/*
 * The workspace as the readiness and drill calculations need it, read from the state managers.
 */
import type { Framework } from '../domain/framework/types';
import type { ReadinessInput } from '../domain/rehearsal/readiness';
import type { CycleBundle } from '../domain/workspace/records';
import { lastInspectionInput } from './last-inspection-input';
import { audits, indicators, registers, today } from './services';

export function readinessInputFor(framework: Framework, bundle: CycleBundle): ReadinessInput {
  return {
    framework,
    bundle,
    evidence: registers.evidence,
    actions: registers.actions,
    recommendations: registers.recommendations,
    audits: audits.audits,
    moderations: audits.moderations,
    indicators: indicators.indicators,
    ...lastInspectionInput(),
    today: today(),
  };
}
