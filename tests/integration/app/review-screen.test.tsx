/** @jest-environment jest-fixed-jsdom */
import { http, HttpResponse } from 'msw';
import { FHIR_BASE, server, setUpMswServer } from '../../msw/server';
import {
  aCondition,
  aPatient,
  chartHandlers,
  crp,
  esr,
  firedRules,
  renderReview,
  screen,
  temperature,
  waitFor,
  waitForScreening,
  within,
} from './harness';

jest.setTimeout(30_000);
setUpMswServer();

const requests: string[] = [];
beforeEach(() => {
  requests.length = 0;
  server.events.removeAllListeners();
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    requests.push(`${request.method} ${url.pathname.replace('/fhir', '')}${url.search}`);
  });
});

describe('ReviewScreen: reading the chart', () => {
  it('reads the Patient once, in the same wave as the four searches, with no /metadata round trip', async () => {
    server.use(...chartHandlers({ patient: aPatient(40), observations: [esr(12), crp(3)] }));
    renderReview();
    await waitForScreening();
    expect(screen.getByTestId('patient-name')).toHaveTextContent('Test Patient');
    expect(requests.filter((r) => r.startsWith('GET /Patient/'))).toEqual(['GET /Patient/pt-1']);
    expect(requests.map((r) => r.split('?')[0]).sort()).toEqual([
      'GET /Condition',
      'GET /MedicationRequest',
      'GET /Observation',
      'GET /Patient/pt-1',
      'GET /Procedure',
    ]);
    const observation = requests.find((r) => r.startsWith('GET /Observation')) ?? '';
    expect(observation).toMatch(/date=ge\d{4}-\d{2}-\d{2}/);
    expect(observation).toMatch(/code=[^&]*loinc\.org%7C4537-7/);
  });

  it('issues every read before any answers (one parallel wave), and shows the banner before the searches finish', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.get(`${FHIR_BASE}/Observation`, async () => {
        await held;
        return HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', entry: [] });
      }),
      ...chartHandlers({ patient: aPatient(40) }),
    );
    renderReview();
    // The Patient answers while the Observation search is held: banner, but no evaluation yet.
    expect(await screen.findByTestId('patient-name')).toHaveTextContent('Test Patient');
    await waitFor(() => expect(requests).toHaveLength(5));
    expect(screen.queryByTestId('evaluation-status')).not.toBeInTheDocument();
    expect(screen.getByTestId('chart-loading')).toBeInTheDocument();
    release();
    await waitForScreening();
    expect(requests).toHaveLength(5);
  });

  it('explains a Patient read the EHR refuses, with its status, and no questionnaire', async () => {
    server.use(...chartHandlers({ patient: aPatient(40) }, { Patient: 403 }));
    renderReview();
    const error = await screen.findByTestId('patient-error');
    expect(error).toHaveAttribute('data-status', '403');
    expect(error).toHaveTextContent('did not allow');
    expect(error).toHaveTextContent('Refused by the test (403)');
    expect(screen.queryByTestId('evaluation-status')).not.toBeInTheDocument();
  });

  it('shows a failed search as unavailable data: the evaluation is incomplete and no negative finding is drawn', async () => {
    // Dialysis is an infection risk factor that triggers a lab work-up when markers are unknown.
    server.use(
      ...chartHandlers(
        { patient: aPatient(58), conditions: [aCondition('Z99.2')] },
        { Observation: 500 },
      ),
    );
    const { user } = renderReview();
    await waitForScreening();
    const unavailable = screen.getByTestId('chart-unavailable');
    expect(within(unavailable).getByText(/Lab results and vital signs/)).toBeInTheDocument();
    expect(unavailable).toHaveTextContent('500');
    expect(screen.getByText(/Lab results and vital signs are unavailable/)).toBeInTheDocument();
    // Every question answered: still incomplete, because the Observation search failed.
    for (const button of screen.queryAllByTestId('none-of-these')) await user.click(button);
    expect(screen.getByTestId('evaluation-status')).toHaveTextContent('incomplete');
    expect(screen.getByTestId('missing-items')).toHaveTextContent(
      /Chart data unavailable \(Observation\)/,
    );
    // Missing labs are never normal labs: the work-up fires, ADV-IRF-LABS-NEG does not.
    expect(firedRules()).toContain('RF-INFECT-RISK-WORKUP');
    expect(screen.queryByText(/ADV-IRF-LABS-NEG/)).not.toBeInTheDocument();
  });

  it('lists the labs and vitals used and not used, with value, date and the reason, and links each to its resource', async () => {
    server.use(
      ...chartHandlers({
        patient: aPatient(40),
        observations: [
          esr(12, 24, { id: 'esr-current' }),
          esr(44, 24 * 30, { id: 'esr-stale' }),
          crp(2.4, 24, {
            id: 'crp-mgdl',
            valueQuantity: { value: 2.4, unit: 'mg/dL', code: 'mg/dL' },
          }),
          crp(99, 2, { id: 'crp-wrong-status', status: 'entered-in-error' }),
          crp(5, 3, {
            id: 'crp-molar',
            valueQuantity: { value: 5, unit: 'nmol/L', code: 'nmol/L' },
          }),
          temperature(38.4, 10),
          temperature(37.0, 100),
        ],
      }),
    );
    renderReview();
    await waitForScreening();
    const esrSection = document.querySelector('[data-analyte="ESR"]');
    if (!(esrSection instanceof HTMLElement)) throw new Error('no ESR section');
    expect(within(esrSection).getByText('used: the current result')).toBeInTheDocument();
    expect(within(esrSection).getByText(/not current: older than 14 days/)).toBeInTheDocument();
    expect(
      within(esrSection).getByRole('img', { name: /ESR .* over time, 2 values/ }),
    ).toBeInTheDocument();
    const links = within(esrSection).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(
      expect.arrayContaining([
        `${FHIR_BASE}/Observation/esr-current`,
        `${FHIR_BASE}/Observation/esr-stale`,
      ]),
    );
    expect(
      links.every(
        (a) => a.getAttribute('target') === '_blank' && a.getAttribute('rel') === 'noreferrer',
      ),
    ).toBe(true);
    const crpSection = document.querySelector('[data-analyte="CRP"]');
    if (!(crpSection instanceof HTMLElement)) throw new Error('no CRP section');
    expect(crpSection).toHaveTextContent('2.4 mg/dL (= 24 mg/L) raised');
    expect(crpSection).toHaveTextContent('not used: status entered-in-error');
    expect(crpSection).toHaveTextContent('not used: unit nmol/L is not accepted for CRP');
    const tempSection = document.querySelector('[data-analyte="TEMPERATURE"]');
    if (!(tempSection instanceof HTMLElement)) throw new Error('no temperature section');
    expect(tempSection).toHaveTextContent('used: within 72 hours');
    expect(tempSection).toHaveTextContent('not used: older than 72 hours');
  });

  it('lists the matching Conditions with the item they inform, and links them', async () => {
    server.use(
      ...chartHandlers({
        patient: aPatient(62),
        conditions: [aCondition('C50.911', { id: 'breast-cancer' }), aCondition('J30.9')],
      }),
    );
    renderReview();
    await waitForScreening();
    const history = screen.getByRole('region', { name: /Conditions, procedures and medications/ });
    const link = within(history).getByRole('link', { name: /malignancy/ });
    expect(link).toHaveAttribute('href', `${FHIR_BASE}/Condition/breast-cancer`);
    expect(history).toHaveTextContent('Chart evidence for “History of malignancy');
    expect(history).not.toHaveTextContent('J30.9');
  });
});
