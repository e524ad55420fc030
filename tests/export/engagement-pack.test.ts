// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEngagementPack, type EngagementPack } from '../../src/domain/rehearsal/engagement-pack';
import { renderEngagementPackDocument } from '../../src/export/docx/render-engagement-pack';
import { renderEngagementPackPdf } from '../../src/export/pdf/render-engagement-pack';
import { demoPackInput } from '../domain/rehearsal/engagement-pack-fixture';

const OUT = 'test-results/engagement-pack';
const fonts = {
  regular: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
};
const has = (tool: string, arg: string) => {
  try {
    execFileSync(tool, [arg], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const hasPoppler = has('pdftotext', '-v');
const hasOffice = hasPoppler && has('soffice', '--version');

/** What every rendering of the pack must say, from the model. */
function expectedText(pack: EngagementPack): string[] {
  return [
    pack.cover.marking,
    pack.cover.council,
    pack.cover.title,
    'The self-evaluation in summary',
    ...pack.summary.map((s) => s.judgement),
    'What has changed since the last meeting',
    'A new director of children’s services, Zoë Brontë, started in June.',
    'Nothing written yet.',
    'Progress on the last letter',
    'Since the last inspection',
    'The inspection’s recommendations (5)',
    'No improvement action yet',
    'Key figures',
    ...pack.indicators.map((i) => i.name),
    ...pack.audits.byJudgement.map((j) => j.share),
  ];
}
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the engagement meeting pack as files', () => {
  const pack = buildEngagementPack(demoPackInput());
  beforeAll(() => mkdirSync(OUT, { recursive: true }));

  it.runIf(hasPoppler)('prints as a PDF with every part, the marking and page numbers on every page', () => {
    writeFileSync(`${OUT}/pack.pdf`, renderEngagementPackPdf(pack, fonts));
    const raw = execFileSync('pdftotext', [`${OUT}/pack.pdf`, '-'], { encoding: 'utf8' });
    const text = flat(raw);
    for (const expected of expectedText(pack)) expect(text).toContain(flat(expected));
    const pages = raw.split('\f').filter((p) => p.trim());
    pages.forEach((page, i) => {
      expect(page).toContain(pack.cover.marking);
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it.runIf(hasOffice)(
    'opens in a word processor with the same content',
    async () => {
      writeFileSync(`${OUT}/pack.docx`, await renderEngagementPackDocument(pack));
      execFileSync(
        'soffice',
        [
          '-env:UserInstallation=file:///tmp/lo-profile-A',
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          `${OUT}/word`,
          `${OUT}/pack.docx`,
        ],
        { stdio: 'ignore', timeout: 120_000 },
      );
      const raw = execFileSync('pdftotext', [`${OUT}/word/pack.pdf`, '-'], { encoding: 'utf8' });
      const text = flat(raw);
      for (const expected of expectedText(pack)) expect(text).toContain(flat(expected));
      expect(
        raw
          .split('\f')
          .filter((p) => p.trim())
          .every((p) => p.includes(pack.cover.marking)),
      ).toBe(true);
    },
    150_000,
  );
});
