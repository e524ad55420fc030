import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx/xlsx.mjs';
import { axeViolations } from './axe.mjs';
import { SCREENSHOTS, expectEqual, expectTrue, settle } from './harness.mjs';

const ilacs = JSON.parse(readFileSync('public/frameworks/ilacs-2023.json', 'utf8'));
const cinTool = ilacs.auditTools.find((t) => t.id === 'cin-cp-audit');
const question = (id) => cinTool.domains.flatMap((d) => d.questions).find((q) => q.id === id).text;

function caseList() {
  const rows = ['Case reference,Case type,Team,Social worker,Last audited'];
  for (let i = 1; i <= 40; i += 1) {
    const type = i <= 24 ? 'CIN' : 'CLA';
    const team = i % 2 ? 'North' : 'South';
    rows.push(
      `EX-${String(i).padStart(4, '0')},${type},${team},Worker ${i % 5},${i === 3 ? '01/01/2099' : ''}`,
    );
  }
  return rows.join('\n');
}

async function gradeEveryDomain(page, level) {
  const groups = page.getByRole('group', { name: /^Grade for / });
  const count = await groups.count();
  for (let i = 0; i < count; i += 1) await groups.nth(i).getByLabel(level, { exact: true }).check();
  return count;
}

export default {
  async 'an audit group imports a case list, samples, audits, escalates, moderates blind and sees the findings'({
    page,
    baseUrl,
  }) {
    await page.goto(`${baseUrl}#/settings`);
    await page.getByLabel('Your name').fill('Quality Assurance Officer');
    await page.getByLabel('Your name').blur();

    await page.goto(`${baseUrl}#/self-assessment`);
    await settle(page);
    await page.getByLabel('Framework', { exact: true }).selectOption('ilacs-2023@1');
    await page.getByLabel('Year (April to March)').selectOption({ label: '2025–26' });
    await page.getByRole('button', { name: 'Start cycle' }).click();
    await page.getByRole('heading', { name: 'Self-assessment 2025–26' }).waitFor();

    await page.goto(`${baseUrl}#/case-audits`);
    await settle(page);
    await page.getByLabel('Title').fill('Monthly audit, May');
    await page.getByRole('button', { name: 'Start round' }).click();
    await page.getByRole('heading', { name: 'Monthly audit, May', level: 1 }).waitFor();
    await page.getByLabel('Auditors').fill('Auditor One\nAuditor Two');
    await page.getByLabel('Auditors').blur();

    await page.getByLabel(/Choose a case list/).setInputFiles({
      name: 'hostile.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Case reference,Case type,Team,Worker\n=cmd|calc,CIN,North,W\n'),
    });
    const refusal = page.getByRole('alert').filter({ hasText: 'There is a problem with hostile.csv' });
    await refusal.waitFor();
    expectTrue((await refusal.textContent()).includes('Row 2, case reference'), await refusal.textContent());
    expectTrue((await page.getByText('No case list yet.').count()) === 1, 'a refused list changes nothing');

    await page
      .getByLabel(/Choose a case list/)
      .setInputFiles({ name: 'open-cases.csv', mimeType: 'text/csv', buffer: Buffer.from(caseList()) });
    // The list is shown as read, with the columns chosen, before anything is saved.
    await page.getByRole('heading', { name: 'Check the case list before importing it' }).waitFor();
    expectEqual(await page.getByText('No case list yet.').count(), 1, 'nothing is saved before Import');
    await page.getByRole('button', { name: 'Import 40 cases' }).click();
    await page.getByText('40 cases imported from open-cases.csv.').waitFor();
    await page.getByLabel('Cases', { exact: true }).fill('8');
    await page.getByRole('button', { name: 'Draw the sample' }).click();
    await page.getByText(/^8 cases drawn at random from 39 eligible/).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/audit-round.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the audit round');

    await page
      .getByRole('button', { name: /^Start audit of EX-00/ })
      .first()
      .click();
    await page.getByRole('heading', { name: /^Case audit EX-/ }).waitFor();
    await page.getByLabel('The concern').fill('Recent bruising not followed up.');
    await page.getByRole('button', { name: 'Raise a safeguarding escalation' }).click();
    const domains = await gradeEveryDomain(page, 'Requires improvement to be good');
    expectEqual(domains, 8, 'graded domains of the CIN/CP tool');
    await page
      .getByRole('group', { name: question('impact-grade') })
      .getByLabel('Requires improvement to be good', { exact: true })
      .check();
    await page
      .getByRole('group', { name: question('safeguarding-escalation') })
      .getByLabel('Yes', { exact: true })
      .check();
    await page
      .getByRole('group', { name: 'Overall grade for the case' })
      .getByLabel('Requires improvement to be good')
      .check();
    await page.getByLabel('Themes').fill('drift, voice of the child');
    await page.getByLabel('Themes').blur();
    await page.getByRole('button', { name: 'Mark as complete' }).click();
    await page.getByText(/A safeguarding concern was escalated: record who was told/).waitFor();

    await page.getByLabel('Who was told, and when').fill('Duty team manager, same day');
    await page.getByLabel('What happened').fill('Home visit the same afternoon; strategy discussion held.');
    await page.getByRole('button', { name: 'Add to the response log' }).click();
    await page.getByRole('button', { name: 'Mark as complete' }).click();
    await page.getByText(/This audit is complete, so it is read-only/).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/case-audit.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the case audit');

    await page.getByRole('link', { name: 'Moderate it' }).click();
    await page
      .getByText('Blind moderation: the auditor’s grades are hidden until you submit yours.')
      .waitFor();
    expectEqual(await page.getByText(/^Auditor: /).count(), 0, 'auditor grades hidden while blind');
    const goodRadios = page.getByLabel('Good', { exact: true });
    const radioCount = await goodRadios.count();
    expectEqual(radioCount, 9, 'eight domains and the overall grade to moderate');
    for (let i = 0; i < radioCount; i += 1) await goodRadios.nth(i).check();
    await page.getByRole('button', { name: 'Submit my grades' }).click();
    await page.getByRole('heading', { name: 'Compared' }).waitFor();
    expectTrue(
      (await page.getByText('Auditor: Requires improvement to be good').count()) > 0,
      'grades revealed after submitting',
    );
    await page.getByLabel('Reason').fill('The plan was clearer than the auditor credited.');
    await page.getByLabel('Reason').blur();
    expectEqual(await axeViolations(page), [], 'axe on moderation');

    await page.goto(`${baseUrl}#/case-audits/findings`);
    await page.getByRole('heading', { name: 'Audit findings' }).waitFor();
    await page.getByRole('table', { name: 'By team' }).waitFor();
    const agreement = await page.getByRole('table', { name: 'Agreement by auditor' }).textContent();
    expectTrue(agreement.includes('0%'), `agreement shown: ${agreement}`);
    const themes = await page.getByRole('table', { name: /Themes tagged/ }).textContent();
    expectTrue(themes.includes('drift'), themes);
    await page.screenshot({ path: `${SCREENSHOTS}/audit-findings.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the findings');

    await page.goto(`${baseUrl}#/self-assessment`);
    await page.getByRole('link', { name: /^Self-assessment 2025–26/ }).click();
    await page
      .getByRole('link', { name: 'The experiences and progress of children who need help and protection' })
      .first()
      .click();
    await page.getByRole('link', { name: /^Assessments: quality/ }).click();
    await page.getByRole('heading', { name: 'What the audits found' }).waitFor();
    const found = (await page.locator('h2:has-text("What the audits found") + p').textContent()).replace(
      /\s+/g,
      ' ',
    );
    expectTrue(
      found.includes('1 completed audit asks about this criterion') &&
        // The moderator graded every domain Good, and a submitted moderation's grades stand.
        found.includes('100% good or better (1 of 1 graded'),
      found,
    );
  },

  async 'spreadsheets are read in a worker; a zip bomb is refused and changes nothing'({ page, baseUrl }) {
    await page.goto(`${baseUrl}#/case-audits`);
    await settle(page);
    await page.getByLabel('Title').fill('Themed audit: neglect');
    await page.getByRole('button', { name: 'Start round' }).click();
    await page.getByRole('heading', { name: 'Themed audit: neglect', level: 1 }).waitFor();

    const chooser = page.getByLabel(/Choose a case list/);
    await chooser.setInputFiles({
      name: 'bomb.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: readFileSync('tests/fixtures/invalid/case-lists/zip-bomb.xlsx'),
    });
    const refusal = page.getByRole('alert').filter({ hasText: 'There is a problem with bomb.xlsx' });
    await refusal.waitFor();
    expectTrue((await refusal.textContent()).includes('expands to more than'), await refusal.textContent());
    expectEqual(
      await page.getByText('No case list yet.').count(),
      1,
      'a refused spreadsheet changes nothing',
    );

    const book = XLSX.utils.book_new();
    const rows = [['Case ref', 'Cohort', 'Team', 'Allocated worker', 'Start date']];
    for (let i = 1; i <= 12; i += 1)
      rows.push([`NG-${i}`, i % 2 ? 'CP' : 'CIN', 'East', `Worker ${i}`, '01/04/2025']);
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Open cases');
    await chooser.setInputFiles({
      name: 'open-cases.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' })),
    });
    await page.getByRole('button', { name: 'Import 12 cases' }).click();
    await page.getByText('12 cases imported from open-cases.xlsx.').waitFor();
  },
};
