import { render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { workbookDatabase } from '../../src/storage/db';
import { cycles, registers, settings } from '../../src/state/services';
import CriterionPage from '../../src/ui/self-assessment/CriterionPage.svelte';
import EvidenceRegisterPage from '../../src/ui/registers/evidence/EvidenceRegisterPage.svelte';
import { shippedFramework } from '../helpers/frameworks';

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload=window.__xss=1>',
  'javascript:window.__xss=1',
];

describe('text users type is shown as text, never run', () => {
  const framework = shippedFramework('ilacs-2023');
  beforeEach(async () => {
    const db = workbookDatabase();
    await db.delete();
    await db.open();
    await settings.load();
    await registers.load();
    await cycles.reload();
    const outcome = await cycles.create(framework, 2025);
    if (!outcome.ok) throw new Error(outcome.message);
    await cycles.openCycle(outcome.cycleId);
  });

  it.each(PAYLOADS)('%s', async (payload) => {
    const item = registers.newEvidence();
    await registers.saveEvidence({ ...item, title: payload, location: payload, notes: payload });
    await cycles.editCriterion('hp-front-door', {
      strengths: payload,
      assignee: payload,
      evidenceIds: [item.id],
    });
    const criterion = render(CriterionPage, {
      bundle: cycles.open!,
      framework,
      criterionId: 'hp-front-door',
    });
    const register = render(EvidenceRegisterPage);
    expect(document.querySelector('main img, body img[src="x"], svg[onload]')).toBeNull();
    expect(document.querySelectorAll('script').length).toBe(0);
    expect(screen.getAllByText(payload).length).toBeGreaterThan(0);
    expect(document.querySelector('a[href^="javascript:"]')).toBeNull();
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
    criterion.unmount();
    register.unmount();
  });
});
