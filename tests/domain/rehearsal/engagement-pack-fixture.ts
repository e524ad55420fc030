/* The example council as the engagement meeting pack takes it, with a last inspection and two texts typed. */
import {
  NO_ENGAGEMENT_CHANGES,
  type EngagementPackInput,
} from '../../../src/domain/rehearsal/engagement-pack';
import { demoReportInput } from '../../helpers/demo-report';
import { exampleFramework } from '../../helpers/example-workspace';
import { makeLastInspection } from '../self-assessment/last-inspection-fixture';

export function demoPackInput(overrides: Partial<EngagementPackInput> = {}): EngagementPackInput {
  const input = demoReportInput();
  // The example's inspection recommendations, filed under the report's date (shifted with the example).
  const published = input.recommendations.find((r) => r.source === 'inspection')!.date;
  return {
    ...input,
    changes: {
      ...NO_ENGAGEMENT_CHANGES,
      leaders: 'A new director of children’s services, Zoë Brontë, started in June.',
      systems: 'Moved to a new case recording system in September.',
    },
    lastInspection: makeLastInspection({ published }),
    inspectionFramework: exampleFramework({ frameworkId: 'ilacs-2023' }),
    ...overrides,
  };
}
