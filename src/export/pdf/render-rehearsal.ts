/*
 * Rehearsal notes as a PDF for the senior team: the kind of inspection and theme, the drill's questions
 * and answers, the answers to work on, the inspectors' sample with each case's reasons and the swaps,
 * the audit test's results and the findings, with the council's protective marking on every page.
 */
import { formatDate } from '../../domain/format/dates';
import type { RehearsalNotes } from '../../domain/rehearsal/rehearsal-notes';
import { PdfWriter, type PdfFonts } from './pdf-writer';

export function renderRehearsalPdf(notes: RehearsalNotes, fonts: PdfFonts): Uint8Array {
  const w = new PdfWriter(fonts);
  w.doc.setProperties({ title: `${notes.title} – ${notes.council}`, creator: 'Readiness Workbook' });
  w.write(notes.marking, { size: 9, bold: true });
  w.write(notes.council, { size: 11 });
  w.heading(`Rehearsal notes: ${notes.title}`, 18);
  w.table(
    ['Date', 'Who took part', 'Inspection rehearsed', 'Judgements rehearsed', 'Status'],
    [[formatDate(notes.date), notes.participants, notes.focus, notes.judgement, notes.status]],
    { columnStyles: { 0: { cellWidth: 22 }, 4: { cellWidth: 22 } } },
  );

  w.heading('Readiness when the rehearsal began', 14);
  w.table(
    ['Judgement', 'Readiness'],
    notes.readiness.map((r) => [r.judgement, r.rating]),
  );

  w.heading('Questions and answers', 14);
  w.table(
    ['#', 'Question', 'Notes of the answer', 'Confidence', 'Evidence', 'Time'],
    notes.questions.map((q) => [
      String(q.number),
      `${q.question}\n\n${q.why}`,
      q.notes,
      q.confidence,
      q.evidence,
      q.time,
    ]),
    { columnStyles: { 0: { cellWidth: 7 }, 3: { cellWidth: 24 }, 5: { cellWidth: 13 } } },
  );

  w.heading('Answers to work on', 14);
  if (notes.weak.length === 0) w.prose('Every question was answered with confidence, notes and evidence.');
  for (const weak of notes.weak) w.write(`${weak.reason}: ${weak.question}`, { indent: 5, bullet: true });

  if (notes.sample) {
    w.heading('The inspectors’ sample', 14);
    w.prose(notes.sample.summary);
    w.table(
      ['Case', 'Group', 'Why it was chosen', 'Team and worker', 'Last audited', 'What the audit found'],
      notes.sample.rows.map((r) => [
        r.reference,
        r.group,
        r.reasons.map((reason) => `• ${reason}`).join('\n'),
        r.team,
        r.lastAudited,
        r.found,
      ]),
      { columnStyles: { 2: { cellWidth: 55 } } },
    );
    w.heading('Cases swapped into the sample', 12);
    if (notes.sample.swaps.length === 0) w.prose('No case was swapped.');
    else
      w.table(
        ['Case swapped in', 'In place of', 'When', 'Why'],
        notes.sample.swaps.map((s) => [s.reference, s.replaced, s.when, s.reason]),
        { columnStyles: { 2: { cellWidth: 22 } } },
      );
  }

  if (notes.auditTest) {
    w.heading('The inspectors’ audit test: did the council’s grades hold?', 14);
    w.prose(`${notes.auditTest.summary} In the inspector’s role: ${notes.auditTest.moderator}.`);
    w.table(
      ['Case', 'Council’s grade', 'Inspector’s grade', 'Held?', 'The inspector’s reason'],
      notes.auditTest.rows.map((r) => [r.reference, r.council, r.inspector, r.held, r.reason]),
    );
    w.table(
      ['Agreement', 'Same grade', 'Within one grade', 'Cohen’s kappa', 'Weighted kappa'],
      notes.auditTest.agreements.map((a) => [a.scale, a.exact, a.withinOne, a.kappa, a.weightedKappa]),
    );
  }

  w.heading('Findings', 14);
  w.prose(notes.findings.trim() || 'No findings recorded yet.');

  w.frame({
    headerLeft: `${notes.council} · Rehearsal notes`,
    headerRight: notes.marking,
    footer: `${notes.marking} · ${notes.title} · ${formatDate(notes.date)}`,
  });
  return new Uint8Array(w.doc.output('arraybuffer'));
}
