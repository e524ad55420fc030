/*
 * The notification-week plan as a PDF to pin up or hand round: the kind of inspection, the call and
 * the days on site, then one line per item with its day, owner and status, the council's protective
 * marking on every page.
 */
import type { NotificationPlanDocument } from '../../domain/rehearsal/notification-plan-document';
import { PdfWriter, type PdfFonts } from './pdf-writer';

export function renderNotificationPlanPdf(plan: NotificationPlanDocument, fonts: PdfFonts): Uint8Array {
  const w = new PdfWriter(fonts);
  w.doc.setProperties({ title: `${plan.title} – ${plan.council}`, creator: 'Readiness Workbook' });
  w.write(plan.marking, { size: 9, bold: true });
  w.write(`${plan.council} · ${plan.framework}`, { size: 11 });
  w.heading(`${plan.title}: ${plan.inspectionType}`, 18);
  w.table(['The call', 'Inspectors on site', 'Ready'], [[plan.call, plan.onSite, plan.readiness]], {
    columnStyles: { 0: { cellWidth: 42 }, 2: { cellWidth: 42 } },
  });
  w.prose(plan.summary);
  for (const note of plan.notes) w.write(note, { indent: 5, bullet: true });
  if (plan.late.length)
    w.prose(
      `${plan.late.length} ${plan.late.length === 1 ? 'item is' : 'items are'} past the day planned and not ready: their status below says “late”.`,
    );

  w.heading('Who does what, and when', 14);
  w.table(
    ['Due', 'Item', 'Owner', 'Status'],
    plan.rows.map((r) => [r.day, r.note ? `${r.item}\nNote: ${r.note}` : r.item, r.owner, r.status]),
    {
      columnStyles: { 0: { cellWidth: 35 }, 2: { cellWidth: 34 }, 3: { cellWidth: 31 } },
      rowPageBreak: 'avoid',
    },
  );
  const footnote = 'Working days only: weekends and England and Wales bank holidays are left out.';
  w.write(`${footnote} Source: ${plan.source}`, { size: 8 });

  w.frame({
    headerLeft: `${plan.council} · ${plan.title}`,
    headerRight: plan.marking,
    footer: `${plan.marking} · ${plan.title} · printed ${plan.printed}`,
  });
  return new Uint8Array(w.doc.output('arraybuffer'));
}
