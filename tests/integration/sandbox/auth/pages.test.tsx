/** @jest-environment node */
import { renderToStaticMarkup } from 'react-dom/server';
import { ConsentForm } from '@/app/sandbox/auth/consent/_components/consent-form';
import ConsentPage from '@/app/sandbox/auth/consent/page.sandbox';
import { EhrChart } from '@/app/sandbox/ehr/_components/ehr-chart';
import EhrPage from '@/app/sandbox/ehr/page.sandbox';
import { loadConsentView } from '@/lib/sandbox/auth/consent';
import { loadEhrChart } from '@/lib/sandbox/auth/launch';
import { resetAuthState } from '@/lib/sandbox/auth/state';
import { STANDALONE_SCOPE, locationOf, paramOf, sandbox } from './sandbox-harness';

beforeEach(() => resetAuthState());

/** The attributes of the element with this data-testid, in any order. */
function openingTag(html: string, testId: string): string[] {
  const tag = html.match(new RegExp(`<[a-z]+ [^>]*data-testid="${testId}"[^>]*>`))?.[0];
  if (tag === undefined) throw new Error(`no element with data-testid="${testId}"`);
  return tag.match(/[\w-]+="[^"]*"/g) ?? [];
}

// The pages read the seed store; with an unknown id they answer before touching it.
describe('ConsentPage', () => {
  it('explains an expired or unknown request', async () => {
    const html = renderToStaticMarkup(
      await ConsentPage({ searchParams: Promise.resolve({ request: 'gone' }) }),
    );
    expect(html).toContain('<h1>This authorization request has expired</h1>');
    expect(html).toContain('Sandbox EHR — synthetic data');
  });
});

describe('ConsentForm', () => {
  it('labels the sandbox, names the app and the scopes, and offers patient, Approve and Deny', async () => {
    const { launch, authorize, deps } = sandbox();
    await launch({ mode: 'standalone', patient: 'pt-strain' });
    const requestId = paramOf(locationOf(await authorize({ scope: STANDALONE_SCOPE })), 'request');
    const view = await loadConsentView(requestId, deps);
    if (view.status !== 'pending') throw new Error('expected a pending request');

    const html = renderToStaticMarkup(<ConsentForm view={view} />);
    expect(html).toContain('Sandbox EHR — synthetic data');
    expect(html).toContain('<h1>Allow Spine Red-Flag Screener to use the sandbox EHR?</h1>');
    expect(html).toContain('Read and search Observation records for the patient in context');
    expect(html).toContain('<label for="consent-patient">Patient</label>');
    expect(html).toMatch(
      /<select id="consent-patient" name="patient" required=""[^>]*data-testid="consent-patient"/,
    );
    expect(html).toContain(
      '<option value="pt-strain" selected="">Ben Synthetic (born 1990-11-20)</option>',
    );
    expect(html).toContain('<option value="pt-cancer">Ada Synthetic (born 1958-04-02)</option>');
    expect(html).toContain('action="/sandbox/auth/consent/decision"');
    expect(openingTag(html, 'consent-approve')).toEqual(
      expect.arrayContaining(['type="submit"', 'name="decision"', 'value="approve"']),
    );
    expect(openingTag(html, 'consent-deny')).toEqual(
      expect.arrayContaining([
        'type="submit"',
        'name="decision"',
        'value="deny"',
        'formNoValidate=""',
      ]),
    );
    expect(html).toContain(`<input type="hidden" name="request" value="${requestId}"/>`);
  });

  it('shows the launched patient instead of a picker for an EHR launch with consent=prompt', async () => {
    const { launchCode, authorize, deps } = sandbox();
    const consent = locationOf(
      await authorize({ launch: await launchCode({ consent: 'prompt' }) }),
    );
    const view = await loadConsentView(paramOf(consent, 'request'), deps);
    if (view.status !== 'pending') throw new Error('expected a pending request');
    const html = renderToStaticMarkup(<ConsentForm view={view} />);
    expect(html).not.toContain('<select');
    expect(html).toContain('Patient: <strong>Ada Synthetic</strong>');
  });
});

describe('EhrPage', () => {
  it('explains an expired launch', async () => {
    const html = renderToStaticMarkup(
      await EhrPage({ searchParams: Promise.resolve({ launch: 'gone' }) }),
    );
    expect(html).toContain('<h1>This launch has expired</h1>');
    expect(html).toContain('synthetic data');
  });
});

describe('EhrChart', () => {
  it('shows the patient banner and embeds the app launch URL in a titled iframe', async () => {
    const { launch, deps } = sandbox();
    const code = paramOf(locationOf(await launch({ mode: 'embedded' })), 'launch');
    const chart = await loadEhrChart(code, deps);
    if (chart.status !== 'ready') throw new Error('expected a chart');
    const html = renderToStaticMarkup(<EhrChart {...chart} />);
    expect(html).toContain('Sandbox EHR — synthetic data');
    expect(html).toContain('>Ada Synthetic</h1>');
    expect(html).toContain('Born 1958-04-02');
    expect(html).toMatch(/<iframe title="Spine Red-Flag Screener \(SMART app\)"/);
    expect(html).toContain('data-testid="ehr-frame"');
    expect(html).toContain(`src="${chart.appUrl.replaceAll('&', '&amp;')}"`);
  });
});
