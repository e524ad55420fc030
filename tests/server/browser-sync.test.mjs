// Two real Chromium profiles signed in as two people to one team server (the built app, a real PostgreSQL,
// the practice identity provider): one grades a criterion, records a case audit and types a narrative and
// the other sees it live; then one goes offline, both edit, and once back both edits are kept; an audit
// recorded offline reaches the other once its author is back. No CSP violation, no request to
// another origin than the team server's (the identity provider's sign-in pages aside).
//   Needs the built app: dist/, or E2E_DIST=<folder> (`npx vite build --outDir <folder>`).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { DEMO_PASSWORD } from '../../src/server/demo-idp.js';
import { startPostgres } from './helpers/postgres.mjs';
import { launchBrowser, openPerson, settle, signIn as signInAt, waitForTag } from './helpers/browser.mjs';
import { createTeamFixture } from './helpers/team.mjs';
import { axeViolations } from '../e2e/axe.mjs';

const DIST = resolve(process.env.E2E_DIST ?? 'dist');
const SCREENSHOTS = 'test-results/screenshots';
const LIVE_MS = 15_000;

let database;
let fixture;
let server;
let browser;
const people = [];

before(async () => {
  assert.ok(existsSync(join(DIST, 'index.html')), `${DIST} holds no built app: run npm run build first`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  database = await startPostgres();
  fixture = await createTeamFixture({ appDir: DIST });
  server = await fixture.start({ DATABASE_URL: database.url });
  browser = await launchBrowser();
});

after(async () => {
  for (const person of people) await person.context.close().catch(() => undefined);
  await browser?.close();
  await fixture?.close();
  database?.stop();
});

const person = (username) => openPerson(browser, fixture, username, people);
const signIn = (me) => signInAt(fixture, me);

test('two people co-author one self-assessment live, and offline edits on both sides are kept', async () => {
  const priya = await person('priya');
  const sam = await person('sam');

  // Priya has a workspace of her own (the example council) and brings it into the team workspace.
  await priya.page.goto(`${fixture.baseUrl}#/self-assessment`);
  await settle(priya.page);
  await priya.page.getByRole('button', { name: 'Load example' }).click();
  await priya.page.getByRole('heading', { name: /^Self-assessment 20\d\d–\d\d$/ }).waitFor();
  const overview = new URL(priya.page.url()).hash;
  await signIn(priya);
  const councilName = await priya.page.locator('#council-name').inputValue();
  assert.ok(councilName, 'the example council’s name');
  await priya.page.getByText('What should happen to the work already in this browser?').waitFor();
  assert.deepEqual(await axeViolations(priya.page), [], 'axe on the join choice');
  await priya.page.getByRole('button', { name: 'Join the team workspace' }).click();
  await priya.page.getByText('Choose what to do with the work already in this browser').first().waitFor();
  await priya.page.getByLabel('Bring it into the team workspace').check();
  await priya.page.getByRole('button', { name: 'Join the team workspace' }).click();
  await waitForTag(priya.page, 'Synced');

  // Sam starts empty, joins, and receives Priya's workspace.
  await signIn(sam);
  await sam.page.getByRole('button', { name: 'Join the team workspace' }).click();
  await waitForTag(sam.page, 'Synced');
  // The workspace's settings come with it: the council's name Priya brought, not Sam's empty one.
  await sam.page.waitForFunction(
    (name) =>
      /** @type {HTMLInputElement | null} */ (document.getElementById('council-name'))?.value === name,
    councilName,
    { timeout: LIVE_MS },
  );
  await sam.page.goto(`${fixture.baseUrl}#/self-assessment`);
  await sam.page.locator(`a[href="${overview}"]`).waitFor();
  await sam.page.goto(`${fixture.baseUrl}${overview}`);
  await sam.page.getByRole('heading', { name: /^Self-assessment 20\d\d–\d\d$/ }).waitFor();

  // Both open the first criterion; each sees the other is there.
  await priya.page.goto(`${fixture.baseUrl}${overview}`);
  await settle(priya.page);
  const criterion = new URL(
    await priya.page.locator('a[href*="/criteria/"]').first().getAttribute('href'),
    priya.page.url(),
  ).hash;
  await priya.page.goto(`${fixture.baseUrl}${criterion}`);
  await settle(priya.page);
  await sam.page.goto(`${fixture.baseUrl}${criterion}`);
  await settle(sam.page);
  await priya.page.getByText('Sam Okafor is also on this page').waitFor();
  assert.deepEqual(await axeViolations(priya.page), [], 'axe on a page with the team tag and presence');
  await sam.page.getByText('Priya Shah is also on this page').waitFor();

  // Priya grades and types; Sam sees both within moments, without reloading.
  const grade = await priya.page
    .locator('input[name=grade]:not(:checked):not([value=not-yet-graded]):not([value=not-applicable])')
    .first()
    .getAttribute('value');
  await priya.page.locator(`input[name=grade][value="${grade}"]`).check();
  const strengths = 'Priya: managers check every contact within a day.';
  await priya.page.getByLabel('Strengths').fill(strengths);
  await priya.page.getByLabel('Strengths').blur();
  await priya.page
    .getByText(/^Saved at/)
    .first()
    .waitFor();
  const started = Date.now();
  await sam.page.waitForFunction(
    (value) => document.querySelector(`input[name=grade][value="${value}"]`)?.checked === true,
    grade,
    { timeout: LIVE_MS },
  );
  console.log(`# Sam saw Priya's grade ${Date.now() - started} ms after her save, without reloading`);
  // The change is stamped with the person signed in, not the name typed in Settings (none: "Unnamed user").
  await sam.page
    .locator('td.govuk-table__cell', { hasText: /^Priya Shah$/ })
    .first()
    .waitFor({ state: 'attached', timeout: LIVE_MS });
  await sam.page.screenshot({ path: `${SCREENSHOTS}/team-sync-live.png`, fullPage: true });
  // Sam is not typing in the field, so Priya's words replace the text it shows, live (a field someone
  // is typing in is never replaced: src/ui/common/AutosaveTextarea.svelte).
  const strengthsId = await sam.page.getByLabel('Strengths').getAttribute('id');
  await sam.page.waitForFunction(
    ([id, value]) => /** @type {HTMLTextAreaElement | null} */ (document.getElementById(id))?.value === value,
    [strengthsId, strengths],
    { timeout: LIVE_MS },
  );
  // And they are there when he next opens the criterion.
  await sam.page.goto(`${fixture.baseUrl}${overview}`);
  await settle(sam.page);
  await sam.page.goto(`${fixture.baseUrl}${criterion}`);
  await settle(sam.page);
  assert.equal(await sam.page.getByLabel('Strengths').inputValue(), strengths, 'Priya’s strengths for Sam');

  // Priya records a case audit; Sam opens it and sees her reference and grade, without reloading.
  await priya.page.goto(`${fixture.baseUrl}#/case-audits`);
  await settle(priya.page);
  await priya.page.getByRole('button', { name: 'Record an audit' }).click();
  // The list's own heading is “Case audits”: wait for the new audit's address, then its page.
  await priya.page.waitForURL(/#\/case-audits\/audits\/[^/]+$/);
  await priya.page.getByRole('heading', { name: /^Case audit(?!s)/, level: 1 }).waitFor();
  const audit = new URL(priya.page.url()).hash;
  await priya.page.locator('#audit-ref').fill('TEAM-0001');
  await priya.page.locator('#audit-ref').blur();
  const overall = await priya.page.locator('input[name="overall-grade"]').first().getAttribute('value');
  await priya.page.locator(`input[name="overall-grade"][value="${overall}"]`).check();
  await priya.page
    .getByText(/^Saved at/)
    .first()
    .waitFor();
  // Her click stays: the sync writing her reference into the team's copy never undoes a later change.
  await priya.page.waitForTimeout(1_500);
  assert.ok(
    await priya.page.locator(`input[name="overall-grade"][value="${overall}"]`).isChecked(),
    'Priya’s overall grade is kept after her reference reached the team',
  );
  // A new audit is a new unit: until Sam's browser has opened it, the page says it is not found.
  const shown = (value) =>
    /** @type {HTMLInputElement | null} */ (document.getElementById('audit-ref'))?.value === 'TEAM-0001' &&
    document.querySelector(`input[name="overall-grade"][value="${value}"]`)?.checked === true;
  const auditDeadline = Date.now() + LIVE_MS;
  for (;;) {
    await sam.page.goto(`${fixture.baseUrl}#/case-audits`);
    await settle(sam.page);
    await sam.page.goto(`${fixture.baseUrl}${audit}`);
    const seen = await sam.page
      .waitForFunction(shown, overall, { timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (seen) break;
    if (Date.now() > auditDeadline) {
      const heading = await sam.page.locator('h1').first().innerText();
      const tag = await sam.page
        .locator('.app-team-status .govuk-tag')
        .first()
        .innerText()
        .catch(() => '');
      const ref = (await sam.page.locator('#audit-ref').count())
        ? await sam.page.locator('#audit-ref').inputValue()
        : 'no reference field';
      const checked = await sam.page
        .locator('input[name="overall-grade"]:checked')
        .getAttribute('value', { timeout: 1_000 })
        .catch(() => 'none');
      assert.fail(
        `Priya’s audit reaches Sam: his page shows “${heading}” (${tag}), reference “${ref}”, overall grade ${checked} (hers ${overall})`,
      );
    }
  }
  await sam.page.screenshot({ path: `${SCREENSHOTS}/team-sync-audit.png`, fullPage: true });
  await priya.page.goto(`${fixture.baseUrl}${criterion}`);
  await settle(priya.page);

  // A narrative typed by Priya reaches Sam.
  const judgement = new URL(
    await priya.page.locator('a[href*="/judgements/"]').first().getAttribute('href'),
    priya.page.url(),
  ).hash;
  await priya.page.goto(`${fixture.baseUrl}${judgement}`);
  await settle(priya.page);
  const narrativeId = await priya.page.locator('textarea[id^="narrative-"]').last().getAttribute('id');
  const narrative = `#${narrativeId}`;
  const opening = `Priya’s opening line.\n${await priya.page.locator(narrative).inputValue()}`;
  await priya.page.locator(narrative).fill(opening);
  await priya.page.locator(narrative).blur();
  await priya.page
    .getByText(/^Saved at/)
    .first()
    .waitFor();
  let last;
  const reopen = async (page) => {
    await page.goto(`${fixture.baseUrl}${overview}`);
    await settle(page);
    await page.goto(`${fixture.baseUrl}${judgement}`);
    await settle(page);
    // Until a unit has arrived its page says it is not found: try again.
    last = (await page.locator(narrative).count()) ? await page.locator(narrative).inputValue() : undefined;
    return last;
  };
  const until = async (check, what, ms = 10_000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(last)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  await until(async () => (await reopen(sam.page)) === opening, 'Priya’s narrative at Sam’s');

  // Sam goes offline; both type into the same narrative; once Sam is back, both texts are kept.
  await sam.context.setOffline(true);
  await waitForTag(sam.page, 'Offline');
  await sam.page.locator(narrative).fill(`${opening}\nSam, offline: the closing line.`);
  await sam.page.locator(narrative).blur();
  await waitForTag(sam.page, /^Offline: \d+ changes? waiting$/);
  await sam.page.screenshot({ path: `${SCREENSHOTS}/team-sync-offline.png`, fullPage: true });
  await priya.page.locator(narrative).fill(`Priya, online: a new first line.\n${opening}`);
  await priya.page.locator(narrative).blur();
  await priya.page
    .getByText(/^Saved at/)
    .first()
    .waitFor();
  await sam.context.setOffline(false);
  await waitForTag(sam.page, 'Synced', 20_000);
  // Both typed from the same text while apart: Settings lists it for them to look at.
  await priya.page.goto(`${fixture.baseUrl}#/settings`);
  await priya.page.getByTestId('team-conflict').first().waitFor();
  // The card names the record, not its id, and who typed on each side.
  const card = priya.page.getByTestId('team-conflict').first();
  assert.match(
    await card.locator('h4').innerText(),
    /^Self-evaluation for “.+”, 20\d\d–\d\d .+ self-assessment$/,
    'the conflict card’s title',
  );
  assert.match(await card.innerText(), /(Priya Shah and Sam Okafor|Sam Okafor and Priya Shah) typed here/);
  await priya.page.screenshot({ path: `${SCREENSHOTS}/team-sync-conflict.png`, fullPage: true });
  assert.deepEqual(await axeViolations(priya.page), [], 'axe on the team panel with a conflict');

  // Sam's page still shows the text he typed, without Priya's new line; he adds to it, and her line stays.
  await sam.page.locator(narrative).fill(`${opening}\nSam, offline: the closing line. And a postscript.`);
  await sam.page.locator(narrative).blur();
  await waitForTag(sam.page, 'Synced', 20_000);
  const merged = [
    'Priya, online: a new first line.',
    opening,
    'Sam, offline: the closing line. And a postscript.',
  ].join('\n');
  await until(async () => (await reopen(priya.page)) === merged, 'both texts at Priya’s');
  await until(async () => (await reopen(sam.page)) === merged, 'both texts at Sam’s');

  // After a reload (from IndexedDB and the server), the work is still there.
  await sam.page.goto(`${fixture.baseUrl}${judgement}`);
  await sam.page.reload();
  await settle(sam.page);
  const kept = await sam.page.locator(narrative).inputValue();
  assert.equal(kept, merged, 'kept after a reload');

  // Signed out, Priya keeps working; her change reaches Sam once she signs in again.
  await priya.page.goto(`${fixture.baseUrl}#/settings`);
  await priya.page.getByRole('button', { name: 'Sign out' }).click();
  // Signing out of the app goes on to the identity provider's own sign-out, which asks to confirm.
  const idp = fixture.idp.issuer.origin;
  await priya.page.waitForURL((url) => url.origin === idp);
  await priya.page.locator('button').first().click();
  await priya.page.waitForURL((url) => url.href.startsWith(fixture.baseUrl));
  await priya.page.goto(`${fixture.baseUrl}${criterion}`);
  await waitForTag(priya.page, 'Signed out: sign in again');
  await settle(priya.page);
  const later = await priya.page
    .locator(`input[name=grade]:not(:checked):not([value="${grade}"])`)
    .first()
    .getAttribute('value');
  await priya.page.locator(`input[name=grade][value="${later}"]`).check();
  await priya.page
    .getByText(/^Saved at/)
    .first()
    .waitFor();
  await priya.page.goto(`${fixture.baseUrl}#/settings`);
  await priya.page.getByRole('button', { name: 'Sign in again' }).click();
  await priya.page.getByLabel(/Demo user/).fill('priya');
  await priya.page.getByLabel(/Password/).fill(DEMO_PASSWORD);
  await priya.page.getByRole('button', { name: 'Sign in' }).click();
  await priya.page.waitForURL(`${fixture.baseUrl}#/settings`);
  await waitForTag(priya.page, 'Synced', 20_000);
  await sam.page.goto(`${fixture.baseUrl}${criterion}`);
  await settle(sam.page);
  // What was queued while signed out goes once the session is back; on a loaded machine that can take
  // longer than a live edit does, so this waits twice as long (without a reload: it must arrive live).
  await sam.page.waitForFunction(
    (value) => document.querySelector(`input[name=grade][value="${value}"]`)?.checked === true,
    later,
    { timeout: 2 * LIVE_MS },
  );

  // Sam records a case audit while offline (a new unit, made here first); once he is back, Priya has it.
  await sam.context.setOffline(true);
  await waitForTag(sam.page, 'Offline');
  await sam.page.goto(`${fixture.baseUrl}#/case-audits`);
  await settle(sam.page);
  await sam.page.getByRole('button', { name: 'Record an audit' }).click();
  // The list's own heading is “Case audits”: wait for the new audit's address, then its page.
  await sam.page.waitForURL(/#\/case-audits\/audits\/[^/]+$/);
  await sam.page.getByRole('heading', { name: /^Case audit(?!s)/, level: 1 }).waitFor();
  const offlineAudit = new URL(sam.page.url()).hash;
  await sam.page.locator('#audit-ref').fill('TEAM-OFFLINE-1');
  await sam.page.locator('#audit-ref').blur();
  await sam.page
    .getByText(/^Saved at/)
    .first()
    .waitFor();
  await waitForTag(sam.page, /^Offline: \d+ changes? waiting$/);
  await sam.context.setOffline(false);
  await waitForTag(sam.page, 'Synced', 20_000);
  const auditAtPriya = async () => {
    await priya.page.goto(`${fixture.baseUrl}#/case-audits`);
    await settle(priya.page);
    await priya.page.goto(`${fixture.baseUrl}${offlineAudit}`);
    await settle(priya.page);
    return (
      (await priya.page.locator('#audit-ref').count()) > 0 &&
      (await priya.page.locator('#audit-ref').inputValue()) === 'TEAM-OFFLINE-1'
    );
  };
  await until(auditAtPriya, 'Sam’s offline audit at Priya’s', LIVE_MS);

  // Jo has a workspace of his own too, and keeps it as a separate copy: a backup file, then the team's.
  const jo = await person('jo');
  await jo.page.goto(`${fixture.baseUrl}#/self-assessment`);
  await settle(jo.page);
  await jo.page.getByRole('button', { name: 'Load example' }).click();
  await jo.page.getByRole('heading', { name: /^Self-assessment 20\d\d–\d\d$/ }).waitFor();
  await signIn(jo);
  await jo.page.getByLabel('Keep it as a separate copy and start from the team’s workspace').check();
  const [backup] = await Promise.all([
    jo.page.waitForEvent('download'),
    jo.page.getByRole('button', { name: 'Join the team workspace' }).click(),
  ]);
  assert.match(backup.suggestedFilename(), /\.json$/, 'a backup of Jo’s own work');
  await waitForTag(jo.page, 'Synced', 20_000);
  await until(async () => (await reopen(jo.page)) === merged, 'the team’s narrative at Jo’s');

  for (const { username, problems } of [priya, sam, jo]) {
    assert.deepEqual(problems.csp, [], `${username}: CSP violations`);
    assert.deepEqual(problems.foreign, [], `${username}: requests to other origins`);
    assert.deepEqual(problems.errors, [], `${username}: page errors`);
  }
  assert.doesNotMatch(
    server.output(),
    /Priya’s opening line|closing line/,
    'the server log holds no content',
  );
});
