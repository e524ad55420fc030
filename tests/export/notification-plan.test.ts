import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildNotificationPlanDocument } from '../../src/domain/rehearsal/notification-plan-document';
import { planNotificationWeek } from '../../src/domain/rehearsal/notification-week';
import type { InspectionType } from '../../src/domain/rehearsal/inspection-rhythm';
import { renderNotificationPlanPdf } from '../../src/export/pdf/render-notification-plan';
import { makeNotificationItem } from '../helpers/builders';
import { shippedFramework } from '../helpers/frameworks';

const fonts = {
  regular: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
};
const ilacs = shippedFramework('ilacs-2023');
let hasPoppler = true;
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
} catch {
  hasPoppler = false;
}

function document(inspectionType: InspectionType = 'ilacs-standard') {
  const plan = planNotificationWeek({
    framework: ilacs,
    states: [
      makeNotificationItem({
        id: 'ilacs-2023/annex-a-1',
        frameworkId: 'ilacs-2023',
        itemId: 'annex-a-1',
        owner: 'Head of performance – Siân Ó Briain',
        status: 'ready',
        dueDay: 0,
        note: 'Upload through the sharing site.',
      }),
      makeNotificationItem({
        id: 'ilacs-2023/arr-base-room',
        frameworkId: 'ilacs-2023',
        itemId: 'arr-base-room',
        owner: 'Business support',
        status: 'in-progress',
        dueDay: 4,
        note: '',
      }),
    ],
    callDate: '2026-07-06',
    inspectionType,
    today: '2026-07-08',
  })!;
  return buildNotificationPlanDocument({
    plan,
    framework: ilacs,
    settings: { councilName: 'Exampleshire', userName: '', protectiveMarking: 'OFFICIAL-SENSITIVE' },
    today: '2026-07-08',
  });
}

describe('the notification-week plan to print', () => {
  it('has the kind of inspection, the call, the days on site and one line per item in the order due', () => {
    const d = document();
    expect(d).toMatchObject({
      inspectionType: 'ILACS standard inspection',
      call: 'Monday 06/07/2026',
      onSite: 'Monday 13/07/2026 to Friday 24/07/2026 (10 working days)',
      readiness: '1 of 29 items ready',
      printed: '08/07/2026',
    });
    expect(d.rows).toHaveLength(ilacs.readinessChecklist.length);
    expect(d.rows[0]).toEqual({
      day: 'Monday 06/07/2026',
      item: 'Annex A list 1: contacts',
      owner: 'Head of performance – Siân Ó Briain',
      status: 'Ready',
      note: 'Upload through the sharing site.',
    });
    expect(d.rows.find((r) => r.item === 'Base room for inspectors')).toMatchObject({
      day: 'Friday 10/07/2026',
      owner: 'Business support',
      status: 'In progress',
    });
    expect(d.rows.find((r) => r.item === 'Annex A list 2: early help')).toMatchObject({
      owner: 'Not yet agreed',
      status: 'Not started (late)',
    });
    expect(new Set(d.rows.map((r) => r.day.split(' ')[0]))).toEqual(new Set(['Monday', 'Tuesday', 'Friday']));
    expect(d.late).toContain('Annex A list 2: early help');
    expect(document('ilacs-short').onSite).toBe('Monday 13/07/2026 to Friday 17/07/2026 (5 working days)');
  });

  it.runIf(hasPoppler)(
    'prints as a PDF with the marking, page numbers and every item, never on a weekend',
    () => {
      const bytes = renderNotificationPlanPdf(document(), fonts);
      mkdirSync('test-results', { recursive: true });
      writeFileSync('test-results/notification-plan.pdf', bytes);
      const raw = execFileSync('pdftotext', ['test-results/notification-plan.pdf', '-'], {
        encoding: 'utf8',
      });
      const text = raw.replace(/\s+/g, ' ');
      const pages = raw.split('\f').filter((p) => p.trim());
      for (const expected of [
        'OFFICIAL-SENSITIVE',
        'Exampleshire',
        'Notification week plan: ILACS standard inspection',
        'Monday 06/07/2026',
        'Monday 13/07/2026 to Friday 24/07/2026 (10 working days)',
        'Head of performance – Siân Ó Briain',
        'Base room for inspectors',
        'Not yet agreed',
        'Working days only',
        `Page 1 of ${pages.length}`,
      ])
        expect(text).toContain(expected);
      for (const item of ilacs.readinessChecklist) expect(text).toContain(item.title.slice(0, 24));
      expect(text).not.toMatch(/Saturday|Sunday/);
      pages.forEach((page, i) => {
        expect(page).toContain('OFFICIAL-SENSITIVE');
        expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      });
    },
  );
});
