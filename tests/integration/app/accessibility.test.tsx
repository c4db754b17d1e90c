/**
 * @jest-environment jest-fixed-jsdom
 *
 * axe-core over every screen of the workflow as jsdom renders it (colour contrast needs a real
 * browser's layout and is left to the end-to-end tests), and the workflow with the keyboard alone.
 */
import axe from 'axe-core';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { fakeEhr } from '../../msw/fake-ehr';
import { FHIR_BASE, server, setUpMswServer } from '../../msw/server';
import {
  aCondition,
  aPatient,
  answer,
  chartHandlers,
  crp,
  esr,
  hoursAgo,
  noneOfTheseEverywhere,
  renderReview,
  screen,
  temperature,
  waitFor,
  waitForScreening,
} from './harness';

jest.setTimeout(60_000);
setUpMswServer();

/** The serious and critical violations on the page as it is now. */
async function seriousViolations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`);
}

const CHART = {
  patient: aPatient(62),
  observations: [esr(12), esr(40, 24 * 20), crp(3), temperature(38.5)],
  conditions: [
    aCondition('C50.911'),
    aCondition('M54.50', { onsetDateTime: hoursAgo(24 * 5) }),
    aCondition('F11.20'),
  ],
};

async function allCreated(): Promise<void> {
  await waitFor(() =>
    expect(
      screen
        .getAllByTestId('write-status')
        .every((e) => e.getAttribute('data-state') === 'created'),
    ).toBe(true),
  );
}

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(user: UserEvent, selector: string, max = 400): Promise<number> {
  for (let presses = 0; presses <= max; presses += 1) {
    if (document.activeElement?.matches(selector)) return presses;
    await user.tab();
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('accessibility of the screening screens', () => {
  it('has no serious or critical axe violation on the questionnaire, assessment, preview, result and print summary', async () => {
    const ehr = fakeEhr({ conditionalCreate: true, transactions: false });
    server.use(...chartHandlers(CHART), ...ehr.handlers);
    const { user } = renderReview();
    await waitForScreening();
    expect(await seriousViolations()).toEqual([]);
    await noneOfTheseEverywhere(user);
    await answer(user, {
      'duration-days': 4,
      'pain-location': 'lumbar',
      trauma: 'none',
      'motor-grade-min': 9,
      'saddle-anesthesia': true,
      'hx-cancer': false,
    });
    expect(screen.getByTestId('emergent-banner')).toBeInTheDocument();
    expect(await seriousViolations()).toEqual([]);
    await user.click(screen.getByTestId('save-screening'));
    expect(await seriousViolations()).toEqual([]);
    await user.click(screen.getByTestId('confirm-write'));
    await allCreated();
    expect(await seriousViolations()).toEqual([]);
  });

  it('has no serious or critical axe violation on the loading, error and failed-write screens', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The Patient read is held (then refused), so the loading screen stays still while axe runs.
    server.use(
      http.get(`${FHIR_BASE}/Patient/:id`, async () => {
        await held;
      }),
      ...chartHandlers(CHART, { Patient: 403 }),
    );
    const first = renderReview();
    expect(await screen.findByTestId('patient-loading')).toBeInTheDocument();
    expect(await seriousViolations()).toEqual([]); // loading
    release();
    await screen.findByTestId('patient-error');
    expect(await seriousViolations()).toEqual([]);
    first.unmount();

    const ehr = fakeEhr({ conditionalCreate: true, transactions: false });
    ehr.fail('POST', 'QuestionnaireResponse', () => HttpResponse.json({}, { status: 500 }));
    server.use(...chartHandlers(CHART, { Procedure: 403 }), ...ehr.handlers);
    const { user } = renderReview();
    await waitForScreening();
    expect(screen.getByTestId('chart-unavailable')).toBeInTheDocument();
    expect(await seriousViolations()).toEqual([]);
    await user.click(screen.getByTestId('save-screening'));
    await user.click(screen.getByTestId('confirm-write'));
    await waitFor(() =>
      expect(screen.getByTestId('write-status')).toHaveAttribute('data-state', 'failed'),
    );
    expect(await seriousViolations()).toEqual([]);
  });

  it('works with the keyboard alone: Tab to an option, Space, then save-screening and confirm-write with Enter', async () => {
    const ehr = fakeEhr({ conditionalCreate: true, transactions: false });
    server.use(...chartHandlers(CHART), ...ehr.handlers);
    const { user } = renderReview();
    await waitForScreening();
    document.body.focus();
    await tabTo(user, '[data-linkid="saddle-anesthesia"][data-answer="true"]');
    await user.keyboard(' ');
    expect(screen.getByTestId('tier')).toHaveTextContent('EMERGENT');
    await tabTo(user, '[data-testid="none-of-these"][data-group="grp-redflag-symptoms"]');
    await user.keyboard('{Enter}');
    await tabTo(user, '[data-linkid="duration-days"]');
    await user.keyboard('12');
    await tabTo(user, '[data-testid="save-screening"]');
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('confirm-write')).toBeVisible();
    await tabTo(user, '[data-testid="confirm-write"]');
    await user.keyboard('{Enter}');
    await allCreated();
    expect(ehr.store.map((r) => r.resourceType)).toEqual([
      'QuestionnaireResponse',
      'ServiceRequest',
    ]);
  });
});
