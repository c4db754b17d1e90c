/** @jest-environment node */
import { loadEhrChart } from '@/lib/sandbox/auth/launch';
import { resetAuthState } from '@/lib/sandbox/auth/state';
import { FHIR_BASE, LAUNCH_URI, ORIGIN, locationOf, paramOf, sandbox } from './sandbox-harness';

beforeEach(() => resetAuthState());

async function htmlRefusal(response: Response, status: number): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get('location')).toBeNull();
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await response.text();
  expect(html).toContain('<html lang="en">');
  expect(html).toContain('<title>');
  expect(html).toMatch(/<h1>.+<\/h1>/);
  expect(html).toContain('synthetic data');
  expect(html).not.toMatch(/\bat .+\.ts:\d+/); // no stack trace
  return html;
}

describe('handleSandboxLaunch (QA contract)', () => {
  it('redirects to launch_uri with iss and launch, keeping launch_uri’s own query', async () => {
    const { launch } = sandbox();
    const response = await launch({ launch_uri: `${LAUNCH_URI}?registration=sandbox` });
    expect(response.status).toBe(302);
    const location = locationOf(response);
    expect(`${location.origin}${location.pathname}`).toBe(LAUNCH_URI);
    expect(location.searchParams.get('registration')).toBe('sandbox');
    expect(location.searchParams.get('iss')).toBe(FHIR_BASE);
    expect(paramOf(location, 'launch')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('accepts a launch_uri relative to the sandbox origin', async () => {
    const { launch } = sandbox();
    const location = locationOf(await launch({ launch_uri: '/launch' }));
    expect(`${location.origin}${location.pathname}`).toBe(LAUNCH_URI);
  });

  it.each([
    ['another host', 'https://attacker.example/launch'],
    ['another port', 'http://localhost:9999/launch'],
    ['another scheme', 'https://localhost:4123/launch'],
    ['a protocol-relative URL', '//attacker.example/launch'],
    ['a javascript: URL', 'javascript:alert(1)'],
  ])('refuses a launch_uri on %s with 400 (no open redirect)', async (_label, launchUri) => {
    const { launch } = sandbox();
    await htmlRefusal(await launch({ launch_uri: launchUri }), 400);
  });

  it.each([
    ['patient', { patient: undefined }],
    ['launch_uri', { launch_uri: undefined }],
  ])('refuses a launch without %s with 400', async (_label, params) => {
    const { launch } = sandbox();
    await htmlRefusal(await launch(params), 400);
  });

  it.each([
    ['an unknown mode', { mode: 'popup' }],
    ['an unknown fault', { fault: 'explode' }],
    ['a token_lifetime of 0', { token_lifetime: '0' }],
    ['a token_lifetime that is not a number', { token_lifetime: 'soon' }],
    ['a scope_limit that is not SMART', { scope_limit: 'everything' }],
    ['consent other than prompt', { consent: 'maybe' }],
  ])('refuses %s with 400', async (_label, params) => {
    const { launch } = sandbox();
    await htmlRefusal(await launch(params), 400);
  });

  it('answers 404 for an unknown patient', async () => {
    const { launch } = sandbox();
    const html = await htmlRefusal(await launch({ patient: 'no-such-patient' }), 404);
    expect(html).toContain('no-such-patient');
  });

  it('answers 404 for an unknown practitioner', async () => {
    const { launch } = sandbox();
    const html = await htmlRefusal(await launch({ practitioner: 'dr-nobody' }), 404);
    expect(html).toContain('dr-nobody');
  });

  it('mode=standalone redirects with iss only', async () => {
    const { launch } = sandbox();
    const location = locationOf(await launch({ mode: 'standalone' }));
    expect(location.searchParams.get('iss')).toBe(FHIR_BASE);
    expect(location.searchParams.has('launch')).toBe(false);
  });

  it('mode=embedded opens the sandbox EHR chart that embeds the app', async () => {
    const { launch, deps } = sandbox();
    const location = locationOf(await launch({ mode: 'embedded' }));
    expect(`${location.origin}${location.pathname}`).toBe(`${ORIGIN}/sandbox/ehr`);
    const chart = await loadEhrChart(paramOf(location, 'launch'), deps);
    expect(chart.status).toBe('ready');
    if (chart.status !== 'ready') return;
    expect(chart.patient.name).toBe('Ada Synthetic');
    expect(chart.practitioner?.name).toBe('Dr Sam Sandbox');
    const appUrl = new URL(chart.appUrl);
    expect(`${appUrl.origin}${appUrl.pathname}`).toBe(LAUNCH_URI);
    expect(appUrl.searchParams.get('iss')).toBe(FHIR_BASE);
    expect(appUrl.searchParams.get('launch')).toBe(paramOf(location, 'launch'));
  });

  it('an embedded chart expires with its launch after ten minutes', async () => {
    const { launch, deps, clock } = sandbox();
    const code = paramOf(locationOf(await launch({ mode: 'embedded' })), 'launch');
    clock.advance(10 * 60 * 1000);
    expect((await loadEhrChart(code, deps)).status).toBe('expired');
    expect((await loadEhrChart(undefined, deps)).status).toBe('expired');
  });
});
