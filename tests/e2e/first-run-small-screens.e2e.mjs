// At 320 CSS px the main navigation folds behind a Menu button (GOV.UK service navigation), which works
// by keyboard; the audit round's sample table scrolls inside itself and grade descriptors stack.
import { axeViolations } from './axe.mjs';
import { SCREENSHOTS, expectEqual, settle } from './harness.mjs';

const width = (page) => page.evaluate(() => document.documentElement.scrollWidth);

export default {
  async 'the navigation folds behind a Menu button on a small screen, by keyboard'({ page, baseUrl }) {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${baseUrl}#/`);
    await settle(page);
    const menu = page.getByRole('button', { name: 'Menu' });
    const settingsLink = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' });
    expectEqual(await menu.getAttribute('aria-expanded'), 'false', 'folded at first');
    expectEqual(await settingsLink.isVisible(), false, 'the areas are hidden behind the button');
    await page.screenshot({ path: `${SCREENSHOTS}/menu-closed-320.png` });

    await menu.focus();
    await page.keyboard.press('Enter');
    expectEqual(await menu.getAttribute('aria-expanded'), 'true', 'opened');
    await settingsLink.waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/menu-open-320.png` });
    expectEqual(await axeViolations(page), [], 'axe with the menu open');
    const firstArea = await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('listitem')
      .first()
      .textContent();
    await page.keyboard.press('Tab');
    expectEqual(
      await page.evaluate(() => document.activeElement?.textContent),
      firstArea.trim(),
      'Tab goes into the opened list',
    );
    await page.keyboard.press('Escape');
    expectEqual(await menu.getAttribute('aria-expanded'), 'false', 'Escape folds it');
    expectEqual(await page.evaluate(() => document.activeElement?.textContent), 'Menu', 'and returns focus');

    await page.keyboard.press('Enter');
    await settingsLink.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    expectEqual(await menu.getAttribute('aria-expanded'), 'false', 'choosing an area folds the menu');

    await page.setViewportSize({ width: 1280, height: 900 });
    expectEqual(await menu.isVisible(), false, 'no Menu button on a wide screen');
    expectEqual(await settingsLink.isVisible(), true, 'the areas show on a wide screen');
  },

  async 'the audit round and a criterion’s grade descriptors fit 320 px'({ page, baseUrl }) {
    await page.goto(`${baseUrl}#/self-assessment`);
    await settle(page);
    await page.getByRole('button', { name: 'Load example' }).click();
    await page.getByRole('heading', { name: /^Self-assessment 20\d\d–\d\d$/ }).waitFor();
    const overview = new URL(page.url()).hash;
    await page.setViewportSize({ width: 320, height: 700 });

    await page.goto(`${baseUrl}#/case-audits`);
    await settle(page);
    await page.locator('main a[href^="#/case-audits/rounds/"]').first().click();
    await settle(page);
    await page.getByRole('button', { name: 'Draw the sample' }).click();
    await page.getByRole('heading', { name: 'The sample' }).waitFor();
    expectEqual(await width(page), 320, 'the audit round page does not scroll sideways');
    await page.screenshot({ path: `${SCREENSHOTS}/audit-round-320.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the audit round at 320 px');

    await page.goto(`${baseUrl}${overview}/judgements/help-and-protection`);
    await settle(page);
    await page.locator(`main a[href^="${overview}/criteria/"]`).first().click();
    await settle(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    const descriptors = page.locator('.app-guidance .govuk-summary-list').first();
    await descriptors.waitFor();
    // Each grade's name on one line: its height is one line of text, so no word was broken.
    const broken = await descriptors.locator('.govuk-summary-list__key').evaluateAll((keys) =>
      keys
        .filter((k) => k.getBoundingClientRect().height > parseFloat(getComputedStyle(k).lineHeight) * 1.5)
        .filter((k) => !k.textContent.trim().includes(' '))
        .map((k) => k.textContent.trim()),
    );
    expectEqual(broken, [], 'one-word grade names that wrap');
    await descriptors.screenshot({ path: `${SCREENSHOTS}/grade-descriptors-1280.png` });
    await page.setViewportSize({ width: 320, height: 700 });
    expectEqual(await width(page), 320, 'the criterion page fits 320 px');
    await page.screenshot({ path: `${SCREENSHOTS}/criterion-320.png`, fullPage: true });
  },
};
