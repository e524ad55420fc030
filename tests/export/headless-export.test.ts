// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { buildBackup } from '../../src/export/backup/backup-format';
import { serialiseBackup } from '../../src/export/backup/write-backup';
import { demoBackupRecords } from '../helpers/demo-backup';

const OUT = 'test-results/headless';

describe('npm run export', () => {
  it('turns a backup into the PDF and the workbook, in Node', async () => {
    mkdirSync(OUT, { recursive: true });
    const backup = buildBackup(demoBackupRecords(), {
      appVersion: '0.1.0',
      exportedAt: '2026-11-24T10:00:00.000Z',
    });
    writeFileSync(`${OUT}/backup.json`, await serialiseBackup(backup));
    const output = execFileSync(
      'node',
      ['scripts/export.mjs', `${OUT}/backup.json`, '--pdf', `${OUT}/pack.pdf`, '--xlsx', `${OUT}/pack.xlsx`],
      {
        encoding: 'utf8',
      },
    );
    expect(output).toContain('Exported the self-assessment 2026–27');
    expect(readFileSync(`${OUT}/pack.pdf`).subarray(0, 5).toString()).toBe('%PDF-');
    const book = XLSX.read(readFileSync(`${OUT}/pack.xlsx`), { type: 'buffer' });
    expect(book.SheetNames).toContain('Criteria');
    const summary = XLSX.utils.sheet_to_json<Record<string, string>>(book.Sheets['Summary']!);
    expect(summary.find((r) => r['Item'] === 'Council')?.['Value']).toBe('Exampleshire County Council');
  }, 120_000);

  it('writes the Word document with --docx', async () => {
    mkdirSync(OUT, { recursive: true });
    const backup = buildBackup(demoBackupRecords(), {
      appVersion: '0.1.0',
      exportedAt: '2026-11-24T10:00:00.000Z',
    });
    writeFileSync(`${OUT}/backup.json`, await serialiseBackup(backup));
    const output = execFileSync(
      'node',
      ['scripts/export.mjs', `${OUT}/backup.json`, '--docx', `${OUT}/pack.docx`],
      {
        encoding: 'utf8',
      },
    );
    expect(output).toContain(`Exported the self-assessment 2026–27: ${OUT}/pack.docx`);
    const zip = XLSX.CFB.read(readFileSync(`${OUT}/pack.docx`), { type: 'buffer' });
    const document = XLSX.CFB.find(zip, '/word/document.xml');
    expect(document).toBeTruthy();
    const xml = new TextDecoder().decode(document!.content as Uint8Array);
    expect(xml).toContain('Exampleshire County Council');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
  }, 120_000);

  it('explains a bad backup and exits non-zero', () => {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(`${OUT}/not-a-backup.json`, '{"formatName":"something-else"}');
    const run = spawnSync(
      'node',
      ['scripts/export.mjs', `${OUT}/not-a-backup.json`, '--pdf', `${OUT}/x.pdf`],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('is not a Readiness Workbook backup');
  }, 120_000);
});
