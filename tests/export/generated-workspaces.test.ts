// @vitest-environment node
/*
 * Every export runs, without throwing, for workspaces the import door accepts: seeded workspaces with
 * every field at its longest and every kind of character, each cycle as PDF, workbook and Word
 * document, through the same headless export the app's renderers share.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBackup } from '../../src/export/backup/backup-format';
import { serialiseBackup } from '../../src/export/backup/write-backup';
import { exportFromBackup } from '../../src/export/headless-export';
import { seededWorkspace } from '../helpers/seeded-workspace';
import { shippedLibrary } from '../helpers/shipped-library';

const fonts = {
  regular: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
};

describe('exports of generated workspaces', () => {
  it.each([12])(
    'seed %i: every cycle exports as PDF, workbook and Word document',
    async (seed) => {
      const { shipped } = await shippedLibrary();
      const records = seededWorkspace(seed, shipped);
      const backup = await serialiseBackup(
        buildBackup(records, { appVersion: 'test', exportedAt: '2026-12-01T09:00:00.000Z' }),
      );
      const cycles = records.cycles.filter((c) => !c.deletedAt);
      expect(cycles.length).toBeGreaterThan(0);
      for (const cycle of cycles) {
        const result = await exportFromBackup({
          backup,
          cycleId: cycle.id,
          frameworks: shipped,
          fonts,
          today: '2026-12-01',
          want: { pdf: true, xlsx: true, docx: true },
        });
        expect(result.ok ? [] : result.problems, `cycle ${cycle.id}`).toEqual([]);
        if (!result.ok) continue;
        expect(new TextDecoder().decode(result.pdf!.slice(0, 5))).toBe('%PDF-');
        expect(result.xlsx![0]).toBe(0x50);
        expect(result.docx![0]).toBe(0x50);
      }
    },
    240_000,
  );
});
