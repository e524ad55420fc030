import { describe, expect, it } from 'vitest';
import {
  computeThemeReadiness,
  FOCUSED_VISIT_THEMES,
  JTAI_THEMES,
  themeCriteria,
} from '../../../src/domain/rehearsal/theme-readiness';
import { makeCaseAudit } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

const theme = (id: string, list = FOCUSED_VISIT_THEMES) => list.find((t) => t.id === id)!;

describe('readiness for a focused visit or a JTAI', () => {
  for (const id of ['ilacs-2023', 'ilacs-2026']) {
    const framework = shippedFramework(id);
    it(`${id}: every focused-visit theme finds criteria, and the care leavers theme takes that judgement`, () => {
      for (const t of FOCUSED_VISIT_THEMES)
        expect(themeCriteria(framework, t, 'focused-visit').length, t.id).toBeGreaterThan(0);
      const leavers = themeCriteria(framework, theme('care-leavers'), 'focused-visit');
      expect(leavers.map((c) => c.judgementId)).toContain('care-leavers');
    });
    it(`${id}: a JTAI adds the front door to its deep dive`, () => {
      const frontDoor = themeCriteria(framework, theme('front-door'), 'focused-visit').map((c) => c.id);
      const jtai = themeCriteria(framework, theme('domestic-abuse', JTAI_THEMES), 'jtai').map((c) => c.id);
      for (const c of frontDoor) expect(jtai).toContain(c);
      expect(jtai.length).toBeGreaterThan(frontDoor.length);
    });
  }

  it('names the gaps: not graded, no current evidence, no audit linked', () => {
    const framework = shippedFramework('ilacs-2023');
    const [first] = themeCriteria(framework, theme('front-door'), 'focused-visit');
    const rows = computeThemeReadiness({
      framework,
      theme: theme('front-door'),
      type: 'focused-visit',
      criterionAssessments: [],
      evidence: [],
      audits: [],
      today: '2026-06-01',
    });
    expect(rows[0]!.gaps).toEqual([
      'Not graded',
      'No evidence from the last 12 months',
      'No completed audit linked',
    ]);
    const audited = computeThemeReadiness({
      framework,
      theme: theme('front-door'),
      type: 'focused-visit',
      criterionAssessments: [],
      evidence: [],
      audits: [
        makeCaseAudit({ criterionIds: [first!.id] }),
        makeCaseAudit({ criterionIds: [first!.id], status: 'draft' }),
      ],
      today: '2026-06-01',
    });
    expect(audited[0]).toMatchObject({ audits: 1 });
    expect(audited[0]!.gaps).not.toContain('No completed audit linked');
  });
});
