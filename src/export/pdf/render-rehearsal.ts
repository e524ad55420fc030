/*
 * Rehearsal notes as a PDF for the senior team: the drill's questions and answers, the answers to
 * work on, the inspectors' sample and the findings, with the council's protective marking on every page.
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
    ['Date', 'Who took part', 'Judgement rehearsed', 'Status'],
    [[formatDate(notes.date), notes.participants, notes.judgement, notes.status]],
    { columnStyles: { 0: { cellWidth: 22 }, 3: { cellWidth: 22 } } },
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
      ['Case', 'Group', 'Team and worker', 'Last audited', 'What the audit found'],
      notes.sample.rows.map((r) => [r.reference, r.group, r.team, r.lastAudited, r.found]),
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
