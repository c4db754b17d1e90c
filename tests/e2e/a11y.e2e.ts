/**
 * Accessibility of every screen of the screening workflow (axe-core: no serious or critical
 * violation), and a keyboard-only pass through the QA contract's elements (issue #5 §9).
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import { expectNoSeriousA11yViolations, sandboxLaunchUrl } from './helpers';
import {
  answerStory,
  expectAssessment,
  expectWritesCreated,
  launchPatient,
  openPreview,
  resetSandbox,
  seedAnswers,
  waitSettled,
  writtenFor,
} from './workflow-helpers';

/** A request gate: routes wait on `opened` until `open()` is called. */
function gate(): { open: () => void; opened: Promise<void> } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/** Whether the focused element matches `selector`. */
function focusedIs(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
}

/** Presses Tab until the focused element matches `selector` (no key press if it already does). */
async function tabTo(page: Page, selector: string, max = 400): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await focusedIs(page, selector)) return;
    await page.keyboard.press('Tab');
  }
  if (await focusedIs(page, selector)) return;
  throw new Error(`Tab never reached ${selector} in ${max} presses`);
}

/**
 * Moves the keyboard focus to an answer option: Tab to the item, then, in a native radio group
 * (where Tab stops once per group), the arrow keys to the option; otherwise Tab on to it.
 */
async function focusOption(page: Page, linkId: string, answer: string): Promise<void> {
  const wanted = `[data-linkid="${linkId}"][data-answer="${answer}"]`;
  await tabTo(page, `[data-linkid="${linkId}"]`);
  if (await focusedIs(page, wanted)) return;
  if (await focusedIs(page, 'input[type="radio"], [role="radio"]')) {
    for (let i = 0; i < 6 && !(await focusedIs(page, wanted)); i += 1) {
      await page.keyboard.press('ArrowDown');
    }
    if (await focusedIs(page, wanted)) return;
    throw new Error(`Arrow keys never reached ${wanted}`);
  }
  await tabTo(page, wanted, 10);
}

test.describe('accessibility of the screening workflow', () => {
  test.beforeEach(async ({ request }) => {
    await resetSandbox(request);
  });

  test('launch and loading screens: starting the launch, completing it, reading the chart', async ({
    page,
    baseURL,
  }) => {
    const discovery = gate();
    const token = gate();
    const chart = gate();
    const hold = (g: { opened: Promise<void> }) => async (route: Route) => {
      await g.opened;
      await route.continue();
    };
    // (A held navigation would block every locator, so the launch page is held at its SMART
    // discovery fetch, before it sends the browser to the authorize endpoint.)
    await page.route('**/.well-known/smart-configuration', hold(discovery));
    await page.route('**/sandbox/auth/token', hold(token));
    await page.route(/\/sandbox\/fhir\/Observation(\?|$)/, hold(chart));

    // 1. The launch page, while it reads the EHR's SMART configuration.
    await page.goto(sandboxLaunchUrl(baseURL ?? '', 'benign-strain'));
    expect(new URL(page.url()).pathname).toBe('/launch');
    await expect(page.locator('main')).not.toBeEmpty();
    await expectNoSeriousA11yViolations(page);
    discovery.open();

    // 2. Back on the app, completing the launch (token exchange held).
    await expect(page).toHaveURL(/\/review/);
    await expect(page.locator('main')).not.toBeEmpty();
    await expect(page.getByTestId('patient-name')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    const patientRead = page.waitForResponse((r) =>
      /\/sandbox\/fhir\/Patient\/benign-strain$/.test(r.url()),
    );
    token.open();

    // 3. The chart being read (Observation search held): no evaluation yet.
    expect((await patientRead).status()).toBe(200);
    await expect(page.locator('main')).not.toBeEmpty();
    await expect(page.getByTestId('evaluation-status')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    chart.open();
    await expect(page.getByTestId('evaluation-status')).toHaveCount(1, { timeout: 30_000 });
  });

  test('questionnaire, assessment, preview and result screens', async ({ page, baseURL }) => {
    await launchPatient(page, baseURL ?? '', 'benign-strain');
    await expectNoSeriousA11yViolations(page); // the questionnaire, nothing answered yet

    await answerStory(page, seedAnswers('benign-strain'));
    await expectAssessment(page, {
      status: 'complete',
      tier: 'ROUTINE',
      firedRules: [],
      imaging: null,
    });
    await expectNoSeriousA11yViolations(page); // the assessment

    const confirm = await openPreview(page);
    await expectNoSeriousA11yViolations(page); // the preview

    await confirm.click();
    await expectWritesCreated(page, 1);
    await expectNoSeriousA11yViolations(page); // the result
  });

  test('an EMERGENT assessment with its imaging suggestion', async ({ page, baseURL }) => {
    await launchPatient(page, baseURL ?? '', 'cauda-equina');
    await answerStory(page, seedAnswers('cauda-equina'));
    await expectAssessment(page, {
      status: 'complete',
      tier: 'EMERGENT',
      firedRules: ['RF-CES'],
      imaging: { key: 'MRI_WO', region: 'LUMBAR' },
    });
    await expectNoSeriousA11yViolations(page);
  });

  test('error screens: a launch error, and a write the EHR refuses', async ({
    page,
    request,
    baseURL,
  }) => {
    await page.goto('/review');
    await expect(page.getByTestId('launch-error')).toHaveAttribute('data-reason', 'no-launch');
    await expectNoSeriousA11yViolations(page);

    await launchPatient(page, baseURL ?? '', 'benign-strain');
    await answerStory(page, seedAnswers('benign-strain'));
    await waitSettled(page);
    // Every write to the FHIR server fails with 500 (searches still answer).
    await page.route(/\/sandbox\/fhir(\/[^?]*)?(\?.*)?$/, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      return route.fulfill({
        status: 500,
        contentType: 'application/fhir+json',
        body: JSON.stringify({
          resourceType: 'OperationOutcome',
          issue: [
            { severity: 'error', code: 'exception', diagnostics: 'Injected by the e2e test' },
          ],
        }),
      });
    });
    const confirm = await openPreview(page);
    await confirm.click();
    await expect(
      page.locator('[data-testid="write-status"][data-state="failed"]'),
      'the refused QuestionnaireResponse is shown as failed',
    ).toHaveCount(1, { timeout: 30_000 });
    await expect(page.getByTestId('write-status')).toHaveCount(1);
    await expectNoSeriousA11yViolations(page);
    const { qrs, srs } = await writtenFor(request, 'benign-strain');
    expect(qrs).toHaveLength(0);
    expect(srs).toHaveLength(0);
  });

  test('the print view: the "Print summary" button prints, and the print stylesheet shows the summary', async ({
    page,
    baseURL,
  }) => {
    // window.print() would open the browser's dialog: count the calls instead.
    await page.addInitScript(() => {
      const w = window as unknown as { printCalls: number };
      w.printCalls = 0;
      window.print = () => {
        w.printCalls += 1;
      };
    });
    await launchPatient(page, baseURL ?? '', 'ped-discitis');
    await answerStory(page, seedAnswers('ped-discitis'));
    await expectAssessment(page, {
      status: 'complete',
      tier: 'URGENT',
      firedRules: ['RF-INFECTION', 'RF-PED-INFLAM'],
      imaging: { key: 'MRI_WWO', region: 'COMPLETE' },
    });
    const confirm = await openPreview(page);
    await confirm.click();
    await expectWritesCreated(page, 2);

    const print = page.getByRole('button', { name: /print/i });
    await expect(print).toHaveCount(1);
    await print.click();
    expect(
      await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls),
    ).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { name: /summary/i }).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('keyboard only: Tab to an answer option and set it with Space, then reach save-screening and confirm-write', async ({
    page,
    baseURL,
  }) => {
    await launchPatient(page, baseURL ?? '', 'benign-strain');
    await answerStory(page, seedAnswers('benign-strain'));
    await expectAssessment(page, { status: 'complete', tier: 'ROUTINE', firedRules: [] });

    // Move focus to the top of the document, then keyboard only.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.locator('body').focus();
    await focusOption(page, 'saddle-anesthesia', 'true');
    await page.keyboard.press('Space');
    await expectAssessment(page, {
      status: 'complete',
      tier: 'EMERGENT',
      firedRules: ['RF-CES'],
      imaging: { key: 'MRI_WO', region: 'LUMBAR' },
    });

    await tabTo(page, '[data-testid="save-screening"]');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('confirm-write')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await tabTo(page, '[data-testid="confirm-write"]');
    await page.keyboard.press('Enter');
    await expectWritesCreated(page, 2);
  });
});
