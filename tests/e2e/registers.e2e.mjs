// Every register's "new" address makes a new record, however it is reached: typed (as a bookmark
// would), again straight after the first save, or after Back. Once, thirteen recommendations typed one
// after another collapsed into one because the page still believed it was on "new".
import { expectEqual, expectTrue, settle } from './harness.mjs';

const REGISTERS = [
  { name: 'evidence', list: 'evidence', field: 'Title' },
  { name: 'actions', list: 'actions', field: 'Title' },
  { name: 'recommendations', list: 'recommendations', field: 'Recommendation' },
  { name: 'scorecard', list: 'scorecard', field: 'Name' },
];

async function addThroughNewAddress(page, baseUrl, register, text) {
  await page.goto(`${baseUrl}#/self-assessment/${register.name}/new`);
  await fillRequired(page, register, text);
}

async function fillRequired(page, register, text) {
  await settle(page);
  const field = page.getByLabel(register.field, { exact: true });
  expectEqual(await field.inputValue(), '', `${register.name}: a new address opens an empty form`);
  await field.fill(text);
  await field.blur();
  await page.waitForFunction(() => !/\/new$/.test(location.hash), undefined, { timeout: 5_000 });
}

async function listedTexts(page, baseUrl, register, texts) {
  await page.goto(`${baseUrl}#/self-assessment/${register.list}`);
  await settle(page);
  const body = await page.locator('main').textContent();
  return texts.filter((t) => body.includes(t));
}

export default {
  async 'each register keeps two records made one after the other through its "new" address'({
    page,
    baseUrl,
  }) {
    for (const register of REGISTERS) {
      const first = `First ${register.name} item`;
      const second = `Second ${register.name} item`;
      await addThroughNewAddress(page, baseUrl, register, first);
      const firstAddress = await page.evaluate(() => location.hash);
      // Typed again while the first record is open: a fresh form, never the open record.
      await addThroughNewAddress(page, baseUrl, register, second);
      const secondAddress = await page.evaluate(() => location.hash);
      expectTrue(firstAddress !== secondAddress, `${register.name}: two records, two addresses`);
      // Back returns to the first record, by its own address, showing its own text.
      await page.goBack();
      await settle(page);
      expectEqual(await page.evaluate(() => location.hash), firstAddress, `${register.name}: Back`);
      expectEqual(
        await page.getByLabel(register.field, { exact: true }).inputValue(),
        first,
        `${register.name}: Back shows the first record`,
      );
      // Reload on a saved record's address shows that record.
      await page.reload();
      await settle(page);
      expectEqual(
        await page.getByLabel(register.field, { exact: true }).inputValue(),
        first,
        `${register.name}: reload keeps the first record`,
      );
      // Forward, then the list's own "Add" button, then Back to the list: a third record.
      await page.goForward();
      await settle(page);
      expectEqual(
        await page.getByLabel(register.field, { exact: true }).inputValue(),
        second,
        `${register.name}: Forward shows the second record`,
      );
      const third = `Third ${register.name} item`;
      await page.goto(`${baseUrl}#/self-assessment/${register.list}`);
      await settle(page);
      await page
        .getByRole('link', { name: /^Add (evidence|an action|a recommendation|an indicator)$/ })
        .click();
      await fillRequired(page, register, third);
      await page.goBack();
      await settle(page);
      await page.goForward();
      await settle(page);
      expectEqual(
        await page.getByLabel(register.field, { exact: true }).inputValue(),
        third,
        `${register.name}: Forward after Back shows the third record`,
      );
      expectEqual(
        await listedTexts(page, baseUrl, register, [first, second, third]),
        [first, second, third],
        `${register.name}: all three records are kept`,
      );
    }
  },
};
