import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, sandboxLaunchUrl } from './helpers';

async function qaToken(request: APIRequestContext): Promise<string> {
  const response = await request.post('/sandbox/qa/token');
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string') throw new Error('no access_token');
  return body.access_token;
}

/** The access token fhirclient keeps in this tab's sessionStorage after a launch. */
async function appAccessToken(page: Page): Promise<string> {
  return page.evaluate(() => {
    const key = window.sessionStorage.getItem('SMART_KEY');
    const state = key
      ? (JSON.parse(window.sessionStorage.getItem(JSON.parse(key) as string) ?? '{}') as {
          tokenResponse?: { access_token?: string };
        })
      : {};
    return state.tokenResponse?.access_token ?? '';
  });
}

test.describe('the sandbox EHR QA surface', () => {
  // Other test files write to the same sandbox: start each test from the seeded state.
  test.beforeEach(async ({ request }) => {
    expect((await request.post('/sandbox/reset')).status()).toBe(200);
  });

  test('the launcher lists the seed patients and reports the seed files it refused', async ({
    page,
  }) => {
    await page.goto('/sandbox');
    await expect(page.getByText('Sandbox EHR — synthetic data').first()).toBeVisible();
    const rows = page.getByTestId('sandbox-patient');
    expect(await rows.count()).toBeGreaterThanOrEqual(16);
    await expect(page.locator('[data-patient-id="qa-extra-1"]')).toHaveCount(1);
    await expect(page.locator('[data-patient-id="qa-invalid-1"]')).toHaveCount(0);
    const skipped = page.getByTestId('seed-skipped');
    await expect(skipped.filter({ hasText: 'not-json.json' })).toContainText('not valid JSON');
    await expect(skipped.filter({ hasText: 'invalid-resource.json' })).toContainText(
      'not valid R4',
    );
    await expect(page.getByTestId('seed-duplicate')).toContainText('z-duplicate.json');
    await expectNoSeriousA11yViolations(page);
  });

  test('a patient from SANDBOX_SEED_DIR launches, with its dates shifted from SANDBOX_SEED_ANCHOR to now', async ({
    page,
    baseURL,
  }) => {
    await page.goto(sandboxLaunchUrl(baseURL ?? '', 'qa-extra-1'));
    await expect(page.getByTestId('patient-name')).toHaveText('Quinn Seedfolder');
    await expect(page.getByTestId('patient-age')).toHaveText('10 years');
  });

  test('the launch contract: 302 to the app with iss and launch; 404 and 400 for bad requests', async ({
    request,
    baseURL,
  }) => {
    const ok = await request.get(sandboxLaunchUrl(baseURL ?? '', 'benign-strain'), {
      maxRedirects: 0,
    });
    expect(ok.status()).toBe(302);
    const location = new URL(ok.headers()['location'] ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(`${baseURL}/launch`);
    expect(location.searchParams.get('iss')).toBe(`${baseURL}/sandbox/fhir`);
    expect(location.searchParams.get('launch')).toBeTruthy();

    const unknownPatient = await request.get(sandboxLaunchUrl(baseURL ?? '', 'nobody'), {
      maxRedirects: 0,
    });
    expect(unknownPatient.status()).toBe(404);
    const unknownUser = await request.get(
      sandboxLaunchUrl(baseURL ?? '', 'benign-strain', { practitioner: 'nobody' }),
      {
        maxRedirects: 0,
      },
    );
    expect(unknownUser.status()).toBe(404);
    const elsewhere = new URL('/sandbox/launch', baseURL);
    elsewhere.searchParams.set('patient', 'benign-strain');
    elsewhere.searchParams.set('launch_uri', 'https://elsewhere.example/launch');
    expect((await request.get(elsewhere.href, { maxRedirects: 0 })).status()).toBe(400);
  });

  test('the FHIR server refuses requests without a valid token, outside the scopes, or outside the patient', async ({
    page,
    request,
    baseURL,
  }) => {
    expect((await request.get('/sandbox/fhir/metadata')).status()).toBe(200);
    const anonymous = await request.get('/sandbox/fhir/Patient/benign-strain');
    expect(anonymous.status()).toBe(401);
    expect(((await anonymous.json()) as { resourceType?: string }).resourceType).toBe(
      'OperationOutcome',
    );
    expect(
      (
        await request.get('/sandbox/fhir/Patient/benign-strain', {
          headers: { authorization: 'Bearer forged' },
        })
      ).status(),
    ).toBe(401);

    await page.goto(sandboxLaunchUrl(baseURL ?? '', 'benign-strain'));
    await expect(page.getByTestId('patient-name')).not.toBeEmpty();
    const token = await appAccessToken(page);
    const auth = { authorization: `Bearer ${token}` };
    expect(
      (await request.get('/sandbox/fhir/Patient/benign-strain', { headers: auth })).status(),
    ).toBe(200);
    expect(
      (await request.get('/sandbox/fhir/Patient/ped-discitis', { headers: auth })).status(),
    ).toBe(403);
    expect(
      (
        await request.get('/sandbox/fhir/Observation?patient=ped-discitis', { headers: auth })
      ).status(),
    ).toBe(403);
    expect(
      (
        await request.get('/sandbox/fhir/Encounter?patient=benign-strain', { headers: auth })
      ).status(),
    ).toBe(403);
    expect(
      (
        await request.get('/sandbox/fhir/Observation?patient=benign-strain&foo=bar', {
          headers: auth,
        })
      ).status(),
    ).toBe(400);
  });

  test('the QA token reads everything and writes nothing; reset restores the seeded state', async ({
    page,
    request,
    baseURL,
  }) => {
    const qa = { authorization: `Bearer ${await qaToken(request)}` };
    const patients = await request.get('/sandbox/fhir/Patient?_count=100', { headers: qa });
    expect(patients.status()).toBe(200);
    expect(((await patients.json()) as { total?: number }).total).toBeGreaterThanOrEqual(16);
    const qaWrite = await request.post('/sandbox/fhir/QuestionnaireResponse', {
      headers: { ...qa, 'content-type': 'application/fhir+json' },
      data: {
        resourceType: 'QuestionnaireResponse',
        status: 'completed',
        subject: { reference: 'Patient/benign-strain' },
      },
    });
    expect(qaWrite.status()).toBe(403);

    await page.goto(sandboxLaunchUrl(baseURL ?? '', 'benign-strain'));
    await expect(page.getByTestId('patient-name')).not.toBeEmpty();
    const app = {
      authorization: `Bearer ${await appAccessToken(page)}`,
      'content-type': 'application/fhir+json',
    };
    const created = await request.post('/sandbox/fhir/QuestionnaireResponse', {
      headers: app,
      data: {
        resourceType: 'QuestionnaireResponse',
        status: 'completed',
        subject: { reference: 'Patient/benign-strain' },
      },
    });
    expect(created.status()).toBe(201);
    const count = async () =>
      (
        (await (
          await request.get('/sandbox/fhir/QuestionnaireResponse?patient=benign-strain', {
            headers: qa,
          })
        ).json()) as { total?: number }
      ).total;
    expect(await count()).toBe(1);
    expect((await request.post('/sandbox/reset')).status()).toBe(200);
    expect(await count()).toBe(0);
  });

  test('an access token that expires is refreshed with the refresh token (online_access)', async ({
    page,
    baseURL,
  }) => {
    const grants: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/sandbox/auth/token'))
        grants.push(new URLSearchParams(r.postData() ?? '').get('grant_type') ?? '');
    });
    await page.goto(sandboxLaunchUrl(baseURL ?? '', 'benign-strain', { token_lifetime: '5' }));
    await expect(page.getByTestId('patient-name')).not.toBeEmpty();
    expect(grants[0]).toBe('authorization_code');
    expect(grants).toContain('refresh_token');
  });
});
