// Four people with four roles in one team workspace, each in a real Chromium profile signed in through
// the practice identity provider (the built app, a real PostgreSQL): Priya (administrator) assigns a
// criterion and a judgement's self-evaluation to Jo (contributor); both appear in Jo's My work; Jo grades
// the criterion, writes the self-evaluation and sends it for review; Priya sends it back with a comment;
// Jo revises it and sends it again; Priya agrees and the sign-off names her. What Jo may not change (a
// criterion not assigned to her, the judgement's agreed grade) and everything for Rita (reader) can be read
// but not changed, and the page says why. Amara (auditor) opens only the round Priya puts her in, none
// of the audits others made, and records her own, which reaches Priya. No CSP violation, no request to another origin.
//   Needs the built app: dist/, or E2E_DIST=<folder> (`npx vite build --outDir <folder>`).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations } from '../e2e/axe.mjs';
import { launchBrowser, openPerson, settle, signIn, waitForTag } from './helpers/browser.mjs';
import { startPostgres } from './helpers/postgres.mjs';
import { createTeamFixture } from './helpers/team.mjs';

const DIST = resolve(process.env.E2E_DIST ?? 'dist');
const SCREENSHOTS = 'test-results/screenshots';
const LIVE_MS = 15_000;

let database;
let fixture;
let browser;
const people = [];

before(async () => {
  assert.ok(existsSync(join(DIST, 'index.html')), `${DIST} holds no built app: run npm run build first`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  database = await startPostgres();
  fixture = await createTeamFixture({ appDir: DIST });
  await fixture.start({ DATABASE_URL: database.url });
  browser = await launchBrowser();
});

after(async () => {
  for (const person of people) await person.context.close().catch(() => undefined);
  await browser?.close();
  await fixture?.close();
  database?.stop();
});

const person = (username) => openPerson(browser, fixture, username, people);

/** Opens a page of the app and waits for it; a unit not yet arrived shows "not found", so try again. */
async function openUntil(page, hash, ready, what) {
  const deadline = Date.now() + LIVE_MS;
  for (;;) {
    await page.goto(`${fixture.baseUrl}#/self-assessment`);
    await settle(page);
    await page.goto(`${fixture.baseUrl}${hash}`);
    await settle(page);
    if (await ready().catch(() => false)) return;
    if (Date.now() > deadline) {
      await page.screenshot({ path: `${SCREENSHOTS}/team-roles-failed.png`, fullPage: true });
      assert.fail(`${what} within ${LIVE_MS} ms`);
    }
    await page.waitForTimeout(500);
  }
}

async function joinEmpty(me) {
  await signIn(fixture, me);
  await me.page.getByRole('button', { name: 'Join the team workspace' }).click();
  await waitForTag(me.page, 'Synced');
}

test('a contributor changes only what is assigned to her, a reader nothing, and review goes both ways', async () => {
  const priya = await person('priya');
  await priya.page.goto(`${fixture.baseUrl}#/self-assessment`);
  await settle(priya.page);
  await priya.page.getByRole('button', { name: 'Load example' }).click();
  await priya.page.getByRole('heading', { name: /^Self-assessment 20\d\d–\d\d$/ }).waitFor();
  const overview = new URL(priya.page.url()).hash;
  await signIn(fixture, priya);
  await priya.page.getByRole('button', { name: 'Join the team workspace' }).click();
  await priya.page.getByLabel('Bring it into the team workspace').check();
  await priya.page.getByRole('button', { name: 'Join the team workspace' }).click();
  await waitForTag(priya.page, 'Synced');

  // Priya assigns the first criterion to Jo.
  await priya.page.goto(`${fixture.baseUrl}${overview}`);
  await settle(priya.page);
  const links = priya.page.locator('a[href*="/criteria/"]');
  const mine = new URL(await links.nth(0).getAttribute('href'), priya.page.url()).hash;
  const notMine = new URL(await links.nth(1).getAttribute('href'), priya.page.url()).hash;
  await priya.page.goto(`${fixture.baseUrl}${mine}`);
  await settle(priya.page);
  const title = await priya.page.getByRole('heading', { level: 1 }).innerText();
  await priya.page.locator('#assignee').fill('Jo Evans');
  await priya.page.locator('#assignee').blur();
  await priya.page
    .getByText(/^Saved at/)
    .first()
    .waitFor();
  // And the self-evaluation of the first judgement.
  await priya.page.goto(`${fixture.baseUrl}${overview}`);
  await settle(priya.page);
  const judgementLink = priya.page.locator('a[href*="/judgements/"]').first();
  const judgement = new URL(await judgementLink.getAttribute('href'), priya.page.url()).hash;
  await priya.page.goto(`${fixture.baseUrl}${judgement}`);
  await settle(priya.page);
  const judgementTitle = await priya.page.getByRole('heading', { level: 1 }).innerText();
  await priya.page.locator('#self-evaluation-assignee').fill('Jo Evans');
  await priya.page.locator('#self-evaluation-assignee').blur();
  await priya.page
    .getByText(/^Saved at/)
    .first()
    .waitFor();
  await waitForTag(priya.page, 'Synced');

  // Jo joins from an empty browser; the criterion is in her My work.
  const jo = await person('jo');
  await joinEmpty(jo);
  await openUntil(
    jo.page,
    '#/my-work',
    async () =>
      (await jo.page.getByRole('link', { name: title }).isVisible()) &&
      (await jo.page
        .getByRole('region', { name: 'Self-evaluations to write' })
        .getByRole('link', { name: judgementTitle })
        .isVisible()),
    'the assigned criterion and self-evaluation in Jo’s My work',
  );
  await jo.page.getByRole('link', { name: title }).click();
  await jo.page.getByRole('heading', { name: title, level: 1 }).waitFor();
  assert.equal(await jo.page.getByTestId('read-only-notice').count(), 0, 'Jo may change her criterion');
  const grade = await jo.page
    .locator('input[name=grade]:not(:checked):not([value=not-yet-graded]):not([value=not-applicable])')
    .first()
    .getAttribute('value');
  await jo.page.locator(`input[name=grade][value="${grade}"]`).check();
  await jo.page.getByLabel('Strengths').fill('Jo: every contact is screened by a manager within a day.');
  await jo.page.getByLabel('Strengths').blur();
  await jo.page
    .getByText(/^Saved at/)
    .first()
    .waitFor();
  await waitForTag(jo.page, 'Synced');

  // Jo writes the self-evaluation assigned to her and sends it for review; the agreed grade stays Priya's.
  await jo.page.goto(`${fixture.baseUrl}${judgement}`);
  await settle(jo.page);
  const answer = jo.page.locator('textarea[id^="narrative-"]').first();
  assert.ok(await answer.isEnabled(), 'Jo may write the self-evaluation assigned to her');
  assert.ok(
    await jo.page.locator('input[name=agreed-grade]').first().isDisabled(),
    'but not change the agreed grade',
  );
  assert.match(
    await jo.page.getByTestId('read-only-notice').innerText(),
    /Only a workspace administrator can change a judgement’s agreed grade/,
  );
  const draft = `Jo: children are seen within a day.\n${await answer.inputValue()}`;
  await answer.fill(draft);
  await answer.blur();
  await jo.page
    .getByText(/^Saved at/)
    .first()
    .waitFor();
  await jo.page.getByRole('button', { name: 'Send for review' }).click();
  await jo.page.getByText(/^Sent for review by Jo Evans/).waitFor();
  await waitForTag(jo.page, 'Synced');
  await jo.page.screenshot({ path: `${SCREENSHOTS}/team-roles-self-evaluation.png`, fullPage: true });
  assert.deepEqual(await axeViolations(jo.page), [], 'axe on a self-evaluation sent for review');

  // Priya sends it back with a comment; Jo sees it, revises and sends it again; Priya agrees.
  await openUntil(
    priya.page,
    judgement,
    () => priya.page.getByText(/^Sent for review by Jo Evans/).isVisible(),
    'Jo’s request for review at Priya’s',
  );
  const comment = 'Say how you know: name the audit that shows it.';
  await priya.page.getByLabel('What needs to change?').fill(comment);
  await priya.page.getByRole('button', { name: 'Send back' }).click();
  await priya.page.getByRole('button', { name: 'Send for review' }).waitFor();
  await waitForTag(priya.page, 'Synced');
  await openUntil(
    jo.page,
    judgement,
    () => jo.page.getByText(comment).first().isVisible(),
    'Priya’s comment at Jo’s',
  );
  assert.match(
    await jo.page.getByText(/^Sent back by Priya Shah/).innerText(),
    /Sent back by Priya Shah on \d\d\/\d\d\/\d{4}/,
  );
  const revised = `Jo: children are seen within a day (audit of March, 40 cases).\n${draft}`;
  await answer.fill(revised);
  await answer.blur();
  await jo.page
    .getByText(/^Saved at/)
    .first()
    .waitFor();
  await jo.page.getByRole('button', { name: 'Send for review' }).click();
  await jo.page.getByText(/^Sent for review by Jo Evans/).waitFor();
  await waitForTag(jo.page, 'Synced');
  await openUntil(
    priya.page,
    judgement,
    () => priya.page.getByRole('button', { name: 'Agree' }).isVisible(),
    'Jo’s second request at Priya’s',
  );
  assert.equal(
    await priya.page.locator('textarea[id^="narrative-"]').first().inputValue(),
    revised,
    'Priya reviews the revised text',
  );
  await priya.page.getByRole('button', { name: 'Agree' }).click();
  await priya.page.getByText(/Signed off by Priya Shah/).waitFor();
  await waitForTag(priya.page, 'Synced');
  await openUntil(
    jo.page,
    judgement,
    () => jo.page.getByText(/Signed off by Priya Shah/).isVisible(),
    'Priya’s sign-off at Jo’s',
  );

  // A criterion not assigned to Jo: she can read it, the page says why she cannot change it.
  await jo.page.goto(`${fixture.baseUrl}${notMine}`);
  await settle(jo.page);
  const joNotice = jo.page.getByTestId('read-only-notice');
  await joNotice.waitFor();
  assert.match(
    await joNotice.innerText(),
    /as a contributor you can change only the criteria and self-evaluations assigned to you/,
  );
  assert.ok(
    await jo.page.locator('input[name=grade]').first().isDisabled(),
    'Jo’s grade radios are disabled there',
  );
  assert.ok(await jo.page.getByLabel('Strengths').isDisabled(), 'and so is the text');
  await jo.page.screenshot({ path: `${SCREENSHOTS}/team-roles-contributor.png`, fullPage: true });
  assert.deepEqual(await axeViolations(jo.page), [], 'axe on a criterion a contributor may only read');

  // Priya puts Amara (auditor) in one audit round; the server is told, and Amara's browser opens that
  // round and none of the audits others made.
  await priya.page.goto(`${fixture.baseUrl}#/case-audits`);
  await settle(priya.page);
  const roundLinks = priya.page.locator('a[href^="#/case-audits/rounds/"]');
  assert.ok(
    (await priya.page.locator('a[href^="#/case-audits/audits/"]').count()) > 0,
    'the example’s round has audits by others',
  );
  const roundTitle = await roundLinks.first().innerText();
  const roundHash = await roundLinks.first().getAttribute('href');
  await priya.page.goto(`${fixture.baseUrl}${roundHash}`);
  await settle(priya.page);
  const auditors = priya.page.locator('#round-auditors');
  await auditors.fill(`${await auditors.inputValue()}\nAmara Osei`);
  await auditors.blur();
  await priya.page
    .getByText(/^Saved at/)
    .first()
    .waitFor();
  await waitForTag(priya.page, 'Synced');

  const amara = await person('amara');
  await joinEmpty(amara);
  await openUntil(
    amara.page,
    '#/case-audits',
    () => amara.page.getByRole('link', { name: roundTitle }).isVisible(),
    'the round Amara is in, at hers',
  );
  assert.equal(
    await amara.page.locator('a[href^="#/case-audits/rounds/"]').count(),
    1,
    'only the round she is in',
  );
  assert.equal(
    await amara.page.locator('a[href^="#/case-audits/audits/"]').count(),
    0,
    'no one else’s audit',
  );
  await amara.page.getByRole('link', { name: roundTitle }).click();
  await settle(amara.page);
  assert.match(
    await amara.page.getByTestId('read-only-notice').innerText(),
    /Your access to this audit round is read-only: you can read it but not change it/,
  );
  await amara.page.goto(`${fixture.baseUrl}#/case-audits`);
  await settle(amara.page);
  // She records an audit of her own; it reaches Priya (an administrator reads every unit).
  await amara.page.getByRole('button', { name: 'Record an audit' }).click();
  // The list's own heading is “Case audits”: wait for the new audit's address, then its page.
  await amara.page.waitForURL(/#\/case-audits\/audits\/[^/]+$/);
  await amara.page.getByRole('heading', { name: /^Case audit(?!s)/, level: 1 }).waitFor();
  const amaraAudit = new URL(amara.page.url()).hash;
  await amara.page.locator('#audit-ref').fill('AMARA-0001');
  await amara.page.locator('#audit-ref').blur();
  await amara.page
    .getByText(/^Saved at/)
    .first()
    .waitFor();
  await waitForTag(amara.page, 'Synced');
  await priya.page.reload();
  await openUntil(
    priya.page,
    amaraAudit,
    () =>
      priya.page
        .locator('#audit-ref')
        .inputValue()
        .then((value) => value === 'AMARA-0001'),
    'Amara’s audit at Priya’s',
  );
  await amara.page.screenshot({ path: `${SCREENSHOTS}/team-roles-auditor.png`, fullPage: true });

  // Rita, a reader, joins: every page says she can read but not change; the criterion's fields are off.
  const rita = await person('rita');
  await joinEmpty(rita);
  await rita.page.getByRole('region', { name: 'Read only' }).waitFor();
  await openUntil(
    rita.page,
    judgement,
    () => rita.page.getByText(/Signed off by Priya Shah/).isVisible(),
    'the agreed self-evaluation at Rita’s',
  );
  assert.ok(
    await rita.page.locator('textarea[id^="narrative-"]').first().isDisabled(),
    'Rita cannot change the self-evaluation',
  );
  await rita.page.goto(`${fixture.baseUrl}${mine}`);
  await settle(rita.page);
  assert.match(
    await rita.page.getByRole('region', { name: 'Read only' }).innerText(),
    /Your role in this team workspace is reader: you can read and export everything, but not change anything/,
  );
  assert.ok(
    await rita.page.locator('input[name=grade]').first().isDisabled(),
    'Rita’s grade radios are disabled',
  );
  assert.ok(await rita.page.getByLabel('Strengths').isDisabled(), 'and so is the text');
  assert.equal(await rita.page.getByRole('button', { name: /Send for review|Agree|Send back/ }).count(), 0);
  await rita.page.screenshot({ path: `${SCREENSHOTS}/team-roles-reader.png`, fullPage: true });
  await rita.page.setViewportSize({ width: 320, height: 800 });
  await rita.page.screenshot({ path: `${SCREENSHOTS}/team-roles-reader-320.png`, fullPage: true });
  assert.deepEqual(await axeViolations(rita.page), [], 'axe on a page a reader sees');

  // Priya gives Rita a role in the workspace from Settings: everyone who has signed in is listed by name.
  await priya.page.goto(`${fixture.baseUrl}#/settings`);
  const panel = priya.page.getByRole('region', { name: 'People and roles' });
  await panel.getByRole('cell', { name: /^Rita Novak/ }).waitFor();
  for (const name of ['Jo Evans', 'Amara Osei', 'Priya Shah'])
    assert.ok(await panel.getByRole('cell', { name: new RegExp(`^${name}`) }).isVisible(), `${name} listed`);
  await panel.getByRole('button', { name: 'Change the roles given to Rita Novak' }).click();
  await panel.getByLabel('Partner-agency auditor').check();
  await panel.getByRole('button', { name: 'Save roles' }).click();
  await panel.getByText('Enter the partner agency, such as police or health').waitFor();
  await panel.getByLabel('Partner-agency auditor').uncheck();
  await panel.getByLabel('Contributor').check();
  await panel.getByRole('button', { name: 'Save roles' }).click();
  await panel.getByText('Rita Novak’s roles are saved.').waitFor();
  assert.match(
    await panel.getByTestId('role-changes').innerText(),
    /Priya Shah set Rita Novak’s roles to Contributor on \d\d\/\d\d\/\d{4}/,
  );
  assert.match(
    await panel.getByRole('row', { name: /^Rita Novak/ }).innerText(),
    /Contributor, Reader\s+Contributor/,
  );
  await priya.page.screenshot({ path: `${SCREENSHOTS}/team-roles-people.png`, fullPage: true });
  assert.deepEqual(await axeViolations(priya.page), [], 'axe on people and roles');
  // Only an administrator sees the panel.
  await jo.page.goto(`${fixture.baseUrl}#/settings`);
  await jo.page.getByRole('heading', { name: 'Team workspace' }).waitFor();
  assert.equal(await jo.page.getByRole('region', { name: 'People and roles' }).count(), 0);

  for (const { username, problems } of people) {
    assert.deepEqual(problems.csp, [], `no CSP violation at ${username}’s`);
    assert.deepEqual(problems.foreign, [], `no request to another origin at ${username}’s`);
    assert.deepEqual(problems.errors, [], `no uncaught error at ${username}’s`);
  }
});
