import { expect, test } from '@playwright/test';
import {
  expectNoSeriousA11yViolations,
  expectNoTokensInLocalStorage,
  sandboxLaunchUrl,
} from './helpers';

test.describe('SMART launch through the sandbox EHR', () => {
  test('EHR launch shows the patient in context and the practitioner, with nothing sensitive left in the URL', async ({
    page,
    baseURL,
  }) => {
    const fhirRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/sandbox/fhir/')) fhirRequests.push(request.url());
    });
    await page.goto(sandboxLaunchUrl(baseURL ?? '', 'benign-strain'));
    await expect(page).toHaveURL(/\/review$/);
    await expect(page.getByTestId('patient-name')).not.toBeEmpty();
    await expect(page.getByTestId('patient-sex')).toHaveText(/Male|Female|Other|Unknown/);
    await expect(page.getByTestId('patient-age')).toHaveText(/^\d+ years?$/);
    await expect(page.getByTestId('practitioner')).toContainText(
      /Practitioner\/sandbox-clinician|Dr\./,
    );
    expect(page.url()).not.toMatch(/code=|state=|access_token/);
    await expectNoTokensInLocalStorage(page);
    expect(fhirRequests.some((url) => /\/Patient\/benign-strain$/.test(url))).toBe(true);
    await expectNoSeriousA11yViolations(page);

    // A reload keeps the session (fhirclient revives it from sessionStorage) without a new launch.
    await page.reload();
    await expect(page.getByTestId('patient-name')).not.toBeEmpty();
  });

  test('the launch page refuses an issuer that is not registered, without contacting it', async ({
    page,
  }) => {
    const outbound: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).hostname === 'evil.example') outbound.push(request.url());
    });
    await page.goto('/launch?iss=https%3A%2F%2Fevil.example%2Ffhir&launch=abc');
    const error = page.getByTestId('launch-error');
    await expect(error).toHaveAttribute('data-reason', 'unknown-iss');
    await expect(error).toContainText('not registered');
    await page.waitForTimeout(500);
    expect(outbound).toEqual([]);
    expect(new URL(page.url()).pathname).toBe('/launch');
    await expectNoSeriousA11yViolations(page);
  });

  test('the launch page refuses the parameters that would skip authorization', async ({
    page,
    baseURL,
  }) => {
    const iss = encodeURIComponent(`${baseURL}/sandbox/fhir`);
    await page.goto(`/launch?fhirServiceUrl=${iss}&patientId=benign-strain`);
    await expect(page.getByTestId('launch-error')).toHaveAttribute(
      'data-reason',
      'forbidden-param',
    );
    await page.goto(`/launch?iss=${iss}&launch=x&clientId=someone-else`);
    await expect(page.getByTestId('launch-error')).toHaveAttribute(
      'data-reason',
      'forbidden-param',
    );
  });

  test('standalone launch: chooser, consent with a patient picker, then the chosen patient', async ({
    page,
  }) => {
    await page.goto('/launch');
    await page.getByTestId('choose-server').first().click();
    await expect(page).toHaveURL(/\/sandbox\/auth\/consent/);
    await expect(page.getByText(/synthetic data/i).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByTestId('consent-patient').selectOption('crp-mg-dl');
    await page.getByTestId('consent-approve').click();
    await expect(page).toHaveURL(/\/review$/);
    await expect(page.getByTestId('patient-name')).not.toBeEmpty();
    await expect(page.getByTestId('patient-age')).toHaveText(/^\d+ years?$/);
  });

  test('a denied consent says so and how to go on', async ({ page, baseURL }) => {
    await page.goto(sandboxLaunchUrl(baseURL ?? '', 'benign-strain', { consent: 'prompt' }));
    await expect(page).toHaveURL(/\/sandbox\/auth\/consent/);
    await page.getByTestId('consent-deny').click();
    const error = page.getByTestId('launch-error');
    await expect(error).toHaveAttribute('data-reason', 'denied');
    await expect(error).toContainText('not approved');
    await expectNoSeriousA11yViolations(page);
  });

  test('the app embedded in an EHR iframe completes the launch inside the frame', async ({
    page,
    baseURL,
  }) => {
    await page.goto(sandboxLaunchUrl(baseURL ?? '', 'ped-discitis', { mode: 'embedded' }));
    const frame = page.frameLocator('[data-testid="ehr-frame"]');
    await expect(frame.getByTestId('patient-name')).not.toBeEmpty();
    await expect(frame.getByTestId('patient-age')).toHaveText(/^\d+ years?$/);
  });

  test('a FHIR read the granted scopes do not allow is refused and explained', async ({
    page,
    baseURL,
  }) => {
    const launch = sandboxLaunchUrl(baseURL ?? '', 'benign-strain', {
      scope_limit:
        'launch openid fhirUser online_access patient/Observation.rs patient/Condition.rs',
    });
    const refused = page.waitForResponse((r) => /\/sandbox\/fhir\/Patient\//.test(r.url()));
    await page.goto(launch);
    expect((await refused).status()).toBe(403);
    const error = page.getByTestId('patient-error');
    await expect(error).toHaveAttribute('data-status', '403');
    await expect(error).toContainText('did not allow');
    await expect(page.getByTestId('missing-scopes')).toContainText('patient/Patient.r');
  });

  test('opening the redirect page without a launch explains how to start', async ({ page }) => {
    await page.goto('/review');
    await expect(page.getByTestId('launch-error')).toHaveAttribute('data-reason', 'no-launch');
    await expectNoSeriousA11yViolations(page);
  });

  test('an unknown or missing state is refused with a specific message', async ({ page }) => {
    await page.goto('/review?code=abc&state=not-a-known-state');
    await expect(page.getByTestId('launch-error')).toHaveAttribute('data-reason', 'state-unknown');
    await page.goto('/review?code=abc');
    await expect(page.getByTestId('launch-error')).toHaveAttribute('data-reason', 'state-missing');
  });

  test('a token endpoint that rejects the client (invalid_client) gets a specific message', async ({
    page,
    baseURL,
  }) => {
    await page.goto(
      sandboxLaunchUrl(baseURL ?? '', 'benign-strain', { fault: 'token_invalid_client' }),
    );
    await expect(page.getByTestId('launch-error')).toHaveAttribute('data-reason', 'invalid-client');
  });

  test('pages carry a nonce CSP limited to the app origin, and no X-Frame-Options', async ({
    request,
  }) => {
    const response = await request.get('/launch');
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'self' http://127.0.0.1:3198");
    expect(csp).toMatch(/connect-src 'self'( |;)/);
    expect(response.headers()['x-frame-options']).toBeUndefined();
  });
});
