// @vitest-environment node
/*
 * The export worker reads the last inspection with the rest, so the PDF's readiness checks are the ones
 * the cycle's page shows (one figure, one function): a judgement judged higher last time is named in both.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/domain/report/build-report';
import { computeReadinessChecks } from '../../../src/domain/self-assessment/readiness-checks';
import { readCycleExport } from '../../../src/state/export-worker/export-reader';
import { lastInspectionRepository } from '../../../src/storage/repositories/last-inspection-repository';
import { workspaceRepository } from '../../../src/storage/repositories/workspace-repository';
import { AUTHOR } from '../../helpers/builders';
import { EXAMPLE_TODAY, exampleWorkspace } from '../../helpers/example-workspace';
import { shippedFramework } from '../../helpers/frameworks';
import { makeLastInspection } from '../../domain/self-assessment/last-inspection-fixture';
import { useFreshDatabase } from '../../storage/fresh-database';

const database = useFreshDatabase('export-reader');
const example = exampleWorkspace();
const current = example.cycles.find((c) => c.status === 'draft')!;
const framework = shippedFramework(current.frameworkId);

describe('what the export worker reads for the cycle report', () => {
  it('includes the last inspection, and the report’s readiness checks are the page’s', async () => {
    const db = database();
    await workspaceRepository(db).addExampleWorkspace(example, 'Test User');
    const last = makeLastInspection({
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      grades: [
        { name: 'Impact of leaders', grade: 'Outstanding', judgementId: 'leaders', levelId: 'outstanding' },
      ],
    });
    await lastInspectionRepository(db).saveLastInspection(last, AUTHOR);

    const input = await readCycleExport(db, {
      cycleId: current.id,
      frameworks: [framework],
      today: EXAMPLE_TODAY,
    });
    expect(input.lastInspection).toEqual(last);
    expect(input.inspectionFramework).toBe(framework);

    const page = computeReadinessChecks({ ...input, ...input.bundle }).map((c) => c.message);
    const printed = buildReport(input).readiness.map((c) => c.message);
    const named = page.filter((m) => m.includes('was judged Outstanding at the last inspection'));
    expect(named).toHaveLength(1);
    expect(printed).toEqual(expect.arrayContaining(named));
  });

  it('reads no last inspection when none is recorded', async () => {
    const db = database();
    await workspaceRepository(db).addExampleWorkspace(example, 'Test User');
    const input = await readCycleExport(db, {
      cycleId: current.id,
      frameworks: [framework],
      today: EXAMPLE_TODAY,
    });
    expect(input.lastInspection).toBeUndefined();
    expect(buildReport(input).readiness.some((c) => c.message.includes('at the last inspection'))).toBe(
      false,
    );
  });
});
