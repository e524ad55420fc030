import { expectEqual } from './harness.mjs';

const SCREENS = [
  '#/',
  '#/frameworks',
  '#/frameworks/ilacs-2023/1',
  '#/self-assessment',
  '#/self-assessment/evidence',
  '#/self-assessment/actions',
  '#/self-assessment/recommendations',
  '#/self-assessment/scorecard',
  '#/case-audits',
  '#/case-audits/findings',
  '#/rehearsal',
  '#/rehearsal/notification-week',
  '#/settings',
  '#/accessibility',
];

export default {
  async 'every main screen reflows to 320 CSS pixels without sideways scrolling of the page'({
    page,
    baseUrl,
  }) {
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(`${baseUrl}#/self-assessment`);
    await page.getByRole('button', { name: 'Load example' }).click();
    await page.getByRole('heading', { name: /^Self-assessment 20\d\d–\d\d$/ }).waitFor();
    const overview = new URL(page.url()).hash;
    const cycleId = overview.split('/').pop();
    const firstHref = async (hash, pattern) => {
      await page.goto(`${baseUrl}${hash}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const link = page.locator(`main a[href^="${pattern}"]`).first();
      await link.waitFor();
      return link.getAttribute('href');
    };
    const round = await firstHref('#/case-audits', '#/case-audits/rounds/');
    const audit = await firstHref('#/case-audits', '#/case-audits/audits/');
    const criterion = await firstHref(`${overview}/judgements/help-and-protection`, `${overview}/criteria/`);
    const wide = [];
    for (const hash of [
      ...SCREENS,
      overview,
      `${overview}/judgements/help-and-protection`,
      `#/self-assessment/evidence/new?criterion=hp-front-door&cycle=${cycleId}`,
      round,
      audit,
      criterion,
      '#/self-assessment/actions/new',
    ]) {
      await page.goto(`${baseUrl}${hash}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForFunction(
        () => !document.querySelector('[role="status"]')?.textContent?.includes('Loading'),
      );
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${hash}: ${width}px`);
    }
    expectEqual(wide, [], 'pages wider than 320 px');
  },
};
