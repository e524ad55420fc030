/* A synthetic last inspection under ILACS 2023, for the tests of what is compared against it. */
import type { LastInspection } from '../../../src/domain/inspection-report/last-inspection';

export function makeLastInspection(overrides: Partial<LastInspection> = {}): LastInspection {
  return {
    kind: 'ilacs-report',
    councilName: 'Exampleshire',
    frameworkId: 'ilacs-2023',
    frameworkVersion: 1,
    fieldworkStart: '2024-10-07',
    fieldworkEnd: '2024-10-18',
    published: '2024-12-01',
    grades: [
      { name: 'Impact of leaders', grade: 'Good', judgementId: 'leaders', levelId: 'good' },
      {
        name: 'Help and protection',
        grade: 'Requires improvement to be good',
        judgementId: 'help-and-protection',
        levelId: 'requires-improvement',
      },
      {
        name: 'Children in care',
        grade: 'Inadequate',
        judgementId: 'children-in-care',
        levelId: 'inadequate',
      },
      {
        name: 'Overall effectiveness',
        grade: 'Requires improvement to be good',
        judgementId: 'overall-effectiveness',
        levelId: 'requires-improvement',
      },
    ],
    fileName: 'report.pdf',
    recordedAt: '2024-12-05T10:00:00Z',
    recordedBy: 'Director',
    ...overrides,
  };
}
