import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditStatusOf } from '../../src/domain/rehearsal/inspectors-sample';
import { buildRehearsalNotes } from '../../src/domain/rehearsal/rehearsal-notes';
import { renderRehearsalPdf } from '../../src/export/pdf/render-rehearsal';
import { makeCaseAudit, makeEvidence, makeRehearsal } from '../helpers/builders';
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

function notes() {
  const rehearsal = makeRehearsal({
    answers: [
      {
        questionId: 'loe:cl-pathway-plans:0',
        notes: 'Young people co-write their plans – “it’s my plan”.',
        confidence: 'partly-confident',
        evidenceIds: ['ev-1'],
        seconds: 135,
      },
    ],
    sample: {
      seed: 3,
      perCohort: 1,
      drawnAt: '2025-06-01T10:00:00.000Z',
      cases: [
        {
          caseReference: 'EX-0001',
          cohort: 'care-leavers',
          caseType: 'care-leavers',
          team: 'Leaving care',
          worker: 'Social worker 1',
        },
        {
          caseReference: 'EX-0002',
          cohort: 'children-in-care',
          caseType: 'children-in-care',
          team: 'CIC',
          worker: '',
        },
      ],
    },
  });
  return buildRehearsalNotes({
    rehearsal,
    framework: ilacs,
    settings: { councilName: 'Exampleshire', userName: '', protectiveMarking: 'OFFICIAL-SENSITIVE' },
    evidence: [makeEvidence({ id: 'ev-1', title: 'Pathway plan audit, spring' })],
    caseStatus: auditStatusOf({
      caseReferences: ['EX-0001', 'EX-0002'],
      audits: [
        makeCaseAudit({
          caseReference: 'EX-0001',
          toolId: 'cl-audit',
          auditDate: '2025-05-01',
          overallGrade: 'good',
        }),
      ],
      moderations: [],
      frameworks: [ilacs],
      today: '2025-06-01',
    }),
  });
}

describe('rehearsal notes', () => {
  it('carry each answer with its confidence, evidence titles and time, the weak answers and the sample', () => {
    const n = notes();
    expect(n.questions[0]).toMatchObject({
      number: 1,
      confidence: 'Partly confident: an answer, thin on evidence',
      evidence: 'Pathway plan audit, spring',
      time: '2:15',
    });
    expect(n.weak).toEqual([]);
    expect(n.readiness).toEqual([
      { judgement: 'The experiences and progress of care leavers', rating: 'Nearly ready' },
    ]);
    expect(n.sample!.rows).toEqual([
      {
        reference: 'EX-0001',
        group: 'Care leavers',
        team: 'Leaving care, Social worker 1',
        lastAudited: '01/05/2025',
        found: 'Good',
      },
      {
        reference: 'EX-0002',
        group: 'Children in care',
        team: 'CIC',
        lastAudited: 'Never audited',
        found: '–',
      },
    ]);
  });

  it('take a case audited before this workspace from the case list, not as "never audited"', () => {
    const rehearsal = makeRehearsal({
      sample: {
        seed: 3,
        perCohort: 1,
        drawnAt: '2025-06-01T10:00:00.000Z',
        cases: [
          {
            caseReference: 'EX-0009',
            cohort: 'children-in-care',
            caseType: 'children-in-care',
            team: 'CIC',
            worker: '',
          },
        ],
      },
    });
    const caseList = [
      {
        caseReference: 'EX-0009',
        caseType: 'children-in-care',
        team: 'CIC',
        worker: '',
        lastAuditedDate: '2025-02-14',
      },
    ];
    const n = buildRehearsalNotes({
      rehearsal,
      framework: ilacs,
      settings: { councilName: 'Exampleshire', userName: '', protectiveMarking: 'OFFICIAL-SENSITIVE' },
      evidence: [],
      caseStatus: auditStatusOf({
        caseReferences: ['EX-0009'],
        caseList,
        audits: [],
        moderations: [],
        frameworks: [ilacs],
        today: '2025-06-01',
      }),
    });
    expect(n.sample!.rows[0]).toMatchObject({
      lastAudited: '14/02/2025 (from the case list)',
      found: 'Not held in this workspace',
    });
  });

  it.runIf(hasPoppler)('print as a PDF with the marking on every page and the text as typed', () => {
    const bytes = renderRehearsalPdf(notes(), fonts);
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/rehearsal-notes.pdf', bytes);
    // Table cells wrap, so compare with whitespace run together.
    const text = execFileSync('pdftotext', ['test-results/rehearsal-notes.pdf', '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    for (const expected of [
      'OFFICIAL-SENSITIVE',
      'Rehearsal notes: Care leavers: lines of enquiry',
      '“it’s my plan”',
      'Pathway plan audit, spring',
      'EX-0002',
      'Never audited',
      'Evidence of impact on pathway plans is thin.',
      'Page 1 of',
    ])
      expect(text).toContain(expected);
  });
});
