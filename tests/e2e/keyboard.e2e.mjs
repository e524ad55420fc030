import { expectEqual, expectTrue, settle } from './harness.mjs';

/** Presses Tab until the focused element's text, label or value matches, as a keyboard user would. */
async function tabTo(page, pattern, limit = 250) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el) return '';
      const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : '';
      return `${el.textContent ?? ''} ${label ?? ''} ${el.getAttribute('aria-label') ?? ''}`.trim();
    });
    if (pattern.test(name)) return;
    if (process.env.DEBUG_TAB) console.log('tab:', name.slice(0, 60));
  }
  throw new Error(`Tabbed ${limit} times without reaching ${pattern}`);
}

async function focusVisible(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const style = el ? getComputedStyle(el) : undefined;
    return Boolean(
      style &&
      (style.outlineStyle !== 'none' ||
        style.boxShadow !== 'none' ||
        style.backgroundColor === 'rgb(255, 221, 0)'),
    );
  });
}

export default {
  async 'a criterion is graded, the PDF downloaded and a rehearsal started by keyboard alone'({
    page,
    baseUrl,
  }) {
    await page.goto(`${baseUrl}#/self-assessment`);
    await settle(page);
    await tabTo(page, /^Load example/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Self-assessment 20\d\d–\d\d$/ }).waitFor();
    const overview = new URL(page.url()).hash;

    await page.goto(`${baseUrl}${overview}/criteria/hp-front-door`);
    await settle(page);
    // Tab reaches the radio group at its chosen grade; arrow keys then move and select, as in every browser.
    await tabTo(page, /^(Outstanding|Good|Requires improvement to be good|Inadequate)$/);
    expectTrue(await focusVisible(page), 'the focused radio shows where focus is');
    const before = await page.evaluate(() => document.activeElement?.id);
    await page.keyboard.press('ArrowDown');
    const after = await page.evaluate(
      () =>
        (document.activeElement instanceof HTMLInputElement ? document.activeElement : null)?.checked &&
        document.activeElement.id,
    );
    expectTrue(after && after !== before, `a different grade is chosen (${before} → ${after})`);
    await page.getByText(/^Saved at/).waitFor();
    await tabTo(page, /^Strengths/);
    await page.keyboard.type('Typed by keyboard alone.');
    await page.keyboard.press('Tab');
    await page.getByText(/^Saved at/).waitFor();

    await page.goto(`${baseUrl}${overview}`);
    await settle(page);
    await tabTo(page, /^Download PDF$/);
    const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expectTrue(file.suggestedFilename().endsWith('.pdf'), file.suggestedFilename());

    await page.goto(`${baseUrl}#/rehearsal`);
    await settle(page);
    await tabTo(page, /^Start rehearsal$/);
    await page.keyboard.press('Enter');
    await page.getByText(/^Question 1 of 8$/).waitFor();
    await tabTo(page, /^Notes of the answer/);
    await page.keyboard.type('Answered by keyboard.');
    await tabTo(page, /^Confident:/);
    await page.keyboard.press('ArrowDown');
    expectTrue(await page.getByLabel(/^Partly confident/).isChecked(), 'confidence chosen by arrow key');
    await tabTo(page, /^Next question$/);
    await page.keyboard.press('Enter');
    await page.getByText(/^Question 2 of 8$/).waitFor();
    await page.reload();
    await settle(page);
    expectEqual(
      await page.getByLabel('Notes of the answer').inputValue(),
      'Answered by keyboard.',
      'notes saved',
    );
  },

  async 'a case audit is sampled, recorded and completed by keyboard alone'({ page, baseUrl }) {
    await page.goto(`${baseUrl}#/self-assessment`);
    await settle(page);
    await tabTo(page, /^Load example/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Self-assessment 20\d\d–\d\d$/ }).waitFor();

    await page.goto(`${baseUrl}#/case-audits`);
    await settle(page);
    await tabTo(page, /^Quarterly practice audit$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Quarterly practice audit', level: 1 }).waitFor();
    await tabTo(page, /^Cases$/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await tabTo(page, /^Draw the sample$/);
    await page.keyboard.press('Enter');
    await page.getByText(/^2 cases drawn at random/).waitFor();
    await tabTo(page, /^Start audit\sof /);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Case audit / }).waitFor();

    // Through the whole form by Tab: each unanswered radio group gets an answer from the keyboard
    // (Space on the first option; arrow down past "not applicable" and past "yes" to an escalation).
    let groups = 0;
    for (let i = 0; i < 600; i += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        if (!(el instanceof HTMLElement)) return { kind: 'none' };
        if (el instanceof HTMLInputElement && el.type === 'radio') {
          const group = [...document.querySelectorAll(`input[type=radio][name="${CSS.escape(el.name)}"]`)];
          const legend = el.closest('fieldset')?.querySelector('legend')?.textContent ?? '';
          return { kind: 'radio', answered: group.some((r) => r.checked), value: el.value, legend };
        }
        return { kind: 'other', text: el.textContent?.trim() ?? '' };
      });
      if (focused.kind === 'radio' && !focused.answered) {
        await page.keyboard.press('Space');
        const escalation = /safeguarding/i.test(focused.legend) && focused.value === 'yes';
        if (focused.value === 'not-applicable' || escalation) await page.keyboard.press('ArrowDown');
        groups += 1;
      }
      if (focused.kind === 'other' && focused.text === 'Mark as complete') break;
    }
    expectTrue(groups >= 10, `answered ${groups} radio groups by keyboard`);
    await page.keyboard.press('Enter');
    await page.getByText(/This audit is complete, so it is read-only/).waitFor();
  },
};
