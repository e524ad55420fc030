import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeChallengeResult, withInspectorGrade } from '../../src/domain/rehearsal/audit-challenge';
import { auditStatusOf } from '../../src/domain/rehearsal/inspectors-sample';
import type { Rehearsal } from '../../src/domain/rehearsal/records';
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

/** A focused visit on the front door, its risk-weighted sample with a swap, and an audit test of two cases. */
function themedNotes() {
  const audits = [
    makeCaseAudit({ id: 'a1', caseReference: 'CPLONG', overallGrade: 'good' }),
    makeCaseAudit({ id: 'a2', caseReference: 'CP002', overallGrade: 'good' }),
  ];
  let auditChallenge: NonNullable<Rehearsal['auditChallenge']> = {
    moderator: 'Head of quality assurance',
    cases: audits.map((a) => ({ auditId: a.id, caseReference: a.caseReference })),
  };
  auditChallenge = withInspectorGrade(auditChallenge, {
    auditId: 'a1',
    grade: 'good',
    reason: 'Clear plan',
    at: 't',
  });
  auditChallenge = withInspectorGrade(auditChallenge, {
    auditId: 'a2',
    grade: 'requires-improvement',
    reason: 'Drift after the conference',
    at: 't',
  });
  const rehearsal = makeRehearsal({
    title: 'Focused visit on the front door: lines of enquiry',
    inspectionType: 'focused-visit',
    themeId: 'front-door',
    judgementId: 'help-and-protection',
    sample: {
      seed: 9,
      perCohort: 2,
      drawnAt: '2025-06-01T10:00:00.000Z',
      source: 'annex-a',
      cases: [
        {
          caseReference: 'CPLONG',
          cohort: 'help-and-protection',
          caseType: 'child-protection',
          team: 'North',
          worker: 'Worker A',
          reasons: ['On a child protection plan for two years or more (since 01/12/2022)'],
          lists: [7],
        },
        {
          caseReference: 'CP002',
          cohort: 'help-and-protection',
          caseType: 'child-protection',
          team: 'South',
          worker: 'Worker B',
          reasons: ['Drawn at random: no risk signal on the lists'],
          lists: [7],
          swap: {
            replaced: 'CP001',
            reason: 'Already seen by the improvement board',
            at: '2025-06-01T11:00:00.000Z',
          },
        },
      ],
    },
    auditChallenge,
  });
  return buildRehearsalNotes({
    rehearsal,
    framework: ilacs,
    settings: { councilName: 'Exampleshire', userName: '', protectiveMarking: 'OFFICIAL-SENSITIVE' },
    evidence: [],
    challenge: computeChallengeResult({
      challenge: auditChallenge,
      audits,
      moderations: [],
      frameworks: [ilacs],
    }),
  });
}

describe('rehearsal notes', () => {
  it('name the kind of inspection and theme rehearsed, or say an older rehearsal did not record it', () => {
    expect(themedNotes().focus).toBe('Focused visit: the front door');
    // Filed under help and protection, its one question is about care leavers: the judgements asked about.
    expect(themedNotes().judgement).toBe('The experiences and progress of care leavers');
    expect(notes().judgement).toBe('The experiences and progress of care leavers');
    expect(notes().focus).toBe('Not recorded');
  });

  it('give each sampled case its Annex A lists and reasons in words, and each swap with its reason', () => {
    const n = themedNotes();
    expect(n.sample!.summary).toBe(
      '2 cases drawn from the Annex A lists on 01/06/2025 with seed 9, up to 2 from each group.',
    );
    expect(n.sample!.rows.map((r) => r.reasons)).toEqual([
      [
        'On Annex A list 7 (Child protection)',
        'On a child protection plan for two years or more (since 01/12/2022)',
      ],
      ['On Annex A list 7 (Child protection)', 'Drawn at random: no risk signal on the lists'],
    ]);
    expect(n.sample!.swaps).toEqual([
      {
        reference: 'CP002',
        replaced: 'CP001',
        when: '01/06/2025',
        reason: 'Already seen by the improvement board',
      },
    ]);
    expect(notes().sample!.swaps).toEqual([]);
  });

  it('give the audit test: whether each grade held, and the agreement', () => {
    const test = themedNotes().auditTest!;
    expect(test.summary).toBe('The inspector agreed with the council’s grade in 1 of 2 cases graded.');
    expect(test.moderator).toBe('Head of quality assurance');
    expect(test.rows.map((r) => [r.reference, r.held, r.reason])).toEqual([
      ['CPLONG', 'Held', 'Clear plan'],
      ['CP002', 'Did not hold', 'Drift after the conference'],
    ]);
    expect(test.agreements).toHaveLength(1);
    expect(test.agreements[0]).toMatchObject({ exact: '50% (1) of 2', withinOne: '100% (2) of 2' });
    expect(test.agreements[0]!.kappa).toBe('8 more pairs needed');
    expect(notes().auditTest).toBeUndefined();
  });

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
        reasons: ['Not recorded: drawn before reasons were kept'],
        lastAudited: '01/05/2025',
        found: 'Good',
      },
      {
        reference: 'EX-0002',
        group: 'Children in care',
        team: 'CIC',
        reasons: ['Not recorded: drawn before reasons were kept'],
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

  it.runIf(hasPoppler)('print the theme, the reasons, the swaps and the audit test', () => {
    const bytes = renderRehearsalPdf(themedNotes(), fonts);
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/rehearsal-notes-themed.pdf', bytes);
    const text = execFileSync('pdftotext', ['test-results/rehearsal-notes-themed.pdf', '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    for (const expected of [
      'Focused visit: the front door',
      'Why it was chosen',
      'On a child protection plan for two years or more (since 01/12/2022)',
      'On Annex A list 7 (Child protection)',
      'Cases swapped into the sample',
      'Already seen by the improvement board',
      'did the council’s grades hold?',
      'The inspector agreed with the council’s grade in 1 of 2 cases graded.',
      'Did not hold',
      'Drift after the conference',
      '50% (1) of 2',
      '8 more pairs needed',
    ])
      expect(text).toContain(expected);
  });
});
