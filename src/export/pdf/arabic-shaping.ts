/*
 * jsPDF shapes Arabic letters (their joined forms and ligatures) in every text it writes or measures, one
 * character at a time: 0.4 s of a large council's report, almost all of it over text with no Arabic in
 * it, which comes out as it went in. Its shaping function is wrapped, once, so that only text with Arabic
 * letters (the ranges jsPDF looks for) reaches it. Text without them is left exactly as typed: jsPDF's
 * own pass would also turn a literal "\s+" into a space.
 */
import { jsPDF } from 'jspdf';

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

type Text = string | (string | [string, ...unknown[]])[];
type Handler = (payload: string | { text: Text }) => unknown;

function hasArabic(text: Text): boolean {
  if (typeof text === 'string') return ARABIC.test(text);
  return text.some((line) => ARABIC.test(Array.isArray(line) ? String(line[0]) : String(line)));
}

let wrapped = false;

export function shapeOnlyArabicText(): void {
  if (wrapped) return;
  // The same function is a text handler and is called directly to measure text (getStringUnitWidth).
  const api = jsPDF.API as unknown as { events: [string, Handler][]; processArabic?: Handler };
  const shape = api.processArabic;
  if (!shape) return;
  const guarded: Handler = (payload) => {
    const text = typeof payload === 'string' ? payload : payload.text;
    return hasArabic(text) ? shape(payload) : payload;
  };
  api.processArabic = guarded;
  for (const entry of api.events) if (entry[0] === 'preProcessText' && entry[1] === shape) entry[1] = guarded;
  wrapped = true;
}
