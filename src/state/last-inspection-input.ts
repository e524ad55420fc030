/*
 * The last inspection as the readiness checks and the Changes page take it: the record, and the
 * framework it was judged under when the library has it (else they compare on the cycle's framework).
 */
import type { Framework } from '../domain/framework/types';
import type { LastInspection } from '../domain/inspection-report/last-inspection';
import { frameworkLibrary, lastInspection } from './services';

export function lastInspectionInput(): { lastInspection?: LastInspection; inspectionFramework?: Framework } {
  const last = lastInspection.lastInspection;
  if (!last) return {};
  const inspectionFramework =
    last.frameworkId && last.frameworkVersion !== undefined
      ? frameworkLibrary.find(last.frameworkId, last.frameworkVersion)?.framework
      : undefined;
  return { lastInspection: last, ...(inspectionFramework ? { inspectionFramework } : {}) };
}
