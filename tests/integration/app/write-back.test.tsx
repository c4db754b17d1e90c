/** @jest-environment jest-fixed-jsdom */
import { http, HttpResponse } from 'msw';
import type { QuestionnaireResponse, ServiceRequest } from 'fhir/r4';
import type { UserEvent } from '@testing-library/user-event';
import { fakeEhr } from '../../msw/fake-ehr';
import { FHIR_BASE, server, setUpMswServer } from '../../msw/server';
import {
  USER_REF,
  aPatient,
  answer,
  chartHandlers,
  esr,
  crp,
  firedRules,
  noneOfTheseEverywhere,
  renderReview,
  screen,
  waitFor,
  waitForScreening,
  within,
} from './harness';

jest.setTimeout(30_000);
setUpMswServer();

const ADULT_BASICS = {
  'duration-days': 4,
  'pain-location': 'lumbar',
  trauma: 'none',
  'motor-grade-min': 5,
};

/** A complete adult screening: every group's "None of these", then the episode context. */
async function completeNegative(user: UserEvent): Promise<void> {
  await noneOfTheseEverywhere(user);
  await answer(user, ADULT_BASICS);
}

function statuses(): { state: string | null; reference: string | null }[] {
  return screen.getAllByTestId('write-status').map((el) => ({
    state: el.getAttribute('data-state'),
    reference: el.getAttribute('data-reference'),
  }));
}

async function saveAndConfirm(user: UserEvent): Promise<void> {
  await user.click(screen.getByTestId('save-screening'));
  await user.click(screen.getByTestId('confirm-write'));
}

function setUp(options: { transactions: boolean; conditionalCreate?: boolean }) {
  const ehr = fakeEhr({
    conditionalCreate: options.conditionalCreate ?? true,
    transactions: options.transactions,
  });
  const requests: string[] = [];
  server.events.removeAllListeners();
  server.events.on('request:start', ({ request }) => {
    requests.push(`${request.method} ${new URL(request.url).pathname.replace('/fhir', '')}`);
  });
  server.use(
    ...chartHandlers({ patient: aPatient(45), observations: [esr(8), crp(3)] }),
    ...ehr.handlers,
  );
  return { ehr, requests };
}

describe('the live assessment', () => {
  it('is complete and ROUTINE when every item is answered negative, with nothing to order', async () => {
    setUp({ transactions: false });
    const { user } = renderReview();
    await waitForScreening();
    expect(screen.getByTestId('evaluation-status')).toHaveTextContent('incomplete');
    await completeNegative(user);
    expect(screen.getByTestId('evaluation-status')).toHaveTextContent('complete');
    expect(screen.getByTestId('evaluation-status')).toHaveAttribute('data-settled', 'true');
    expect(screen.getByTestId('tier')).toHaveTextContent(/^ROUTINE$/);
    expect(firedRules()).toEqual([]);
    expect(screen.queryByTestId('imaging-suggestion')).not.toBeInTheDocument();
    expect(screen.getByText('No spine imaging indicated.')).toBeInTheDocument();
  });

  it('updates with each answer: a cauda equina feature fires RF-CES (EMERGENT) with its evidence, citation and MRI', async () => {
    setUp({ transactions: false });
    const { user } = renderReview();
    await waitForScreening();
    await completeNegative(user);
    await answer(user, { 'saddle-anesthesia': true });
    expect(screen.getByTestId('tier')).toHaveTextContent(/^EMERGENT$/);
    expect(firedRules()).toEqual(['RF-CES']);
    const rule = screen.getByTestId('fired-rule');
    expect(rule).toHaveTextContent('Suspected cauda equina syndrome');
    expect(rule).toHaveTextContent('saddle-anesthesia: yes');
    expect(rule).toHaveTextContent('Source: clinical-spec §5.1');
    const imaging = screen.getByTestId('imaging-suggestion');
    expect(imaging).toHaveAttribute('data-key', 'MRI_WO');
    expect(imaging).toHaveAttribute('data-region', 'LUMBAR');
    expect(imaging).toHaveTextContent('72148');
    expect(imaging).toHaveTextContent('30679-5');
    expect(imaging).toHaveTextContent('stat (within 4 hours)');
  });

  it('is incomplete while required items are unanswered: provisional, a lower bound, the missing items in §9.1 order', async () => {
    setUp({ transactions: false });
    const { user } = renderReview();
    await waitForScreening();
    await answer(user, { 'night-pain': false, 'fever-reported': false });
    expect(screen.getByTestId('evaluation-status')).toHaveTextContent('incomplete');
    expect(screen.getByText(/This tier is a lower bound/)).toBeInTheDocument();
    const missing = within(screen.getByTestId('missing-items'))
      .getAllByRole('listitem')
      .map((li) => li.getAttribute('data-missing'));
    expect(missing.slice(0, 4)).toEqual([
      'duration-days',
      'pain-location',
      'weight-loss-unexplained',
      'trauma',
    ]);
    expect(missing).not.toContain('night-pain');
    expect(missing).not.toContain('pain-nrs');
  });
});

describe('saving to the EHR', () => {
  it('one by one without transaction support: the QR then the proposal pointing at it, each created with a link; metadata read only at write time', async () => {
    const { ehr, requests } = setUp({ transactions: false });
    const { user } = renderReview();
    await waitForScreening();
    expect(requests.some((r) => r.includes('metadata'))).toBe(false);
    await completeNegative(user);
    await answer(user, { 'saddle-anesthesia': true });

    await user.click(screen.getByTestId('save-screening'));
    const preview = screen.getByRole('region', {
      name: /What will be written to the EHR \(2 resources\)/,
    });
    expect(within(preview).getByRole('heading', { level: 3 })).toHaveFocus();
    expect(
      within(preview)
        .getAllByTestId('preview-resource')
        .map((el) => el.getAttribute('data-resource-type')),
    ).toEqual(['QuestionnaireResponse', 'ServiceRequest']);
    expect(screen.queryAllByTestId('write-status')).toHaveLength(0);
    // The form is locked while the preview is open.
    expect(screen.getAllByRole('button', { name: 'Yes' })[0]).toBeDisabled();

    await user.click(screen.getByTestId('confirm-write'));
    await waitFor(() => expect(statuses().every((s) => s.state === 'created')).toBe(true));
    expect(statuses()).toEqual([
      { state: 'created', reference: 'QuestionnaireResponse/id-1' },
      { state: 'created', reference: 'ServiceRequest/id-2' },
    ]);
    expect(screen.getByRole('link', { name: /QuestionnaireResponse\/id-1/ })).toHaveAttribute(
      'href',
      `${FHIR_BASE}/QuestionnaireResponse/id-1`,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Saved: all 2 resources are in the EHR');
    expect(screen.queryByTestId('confirm-write')).not.toBeInTheDocument();
    expect(requests.filter((r) => r.includes('metadata'))).toHaveLength(1);

    const [qr, sr] = ehr.store as [QuestionnaireResponse, ServiceRequest];
    expect(qr.status).toBe('completed');
    expect(qr.subject?.reference).toBe('Patient/pt-1');
    expect(qr.encounter?.reference).toBe('Encounter/enc-1');
    expect(qr.author?.reference).toBe(USER_REF);
    expect(qr.identifier?.value).toMatch(/^[0-9a-f-]{36}$/);
    expect(sr.supportingInfo?.[0]?.reference).toBe('QuestionnaireResponse/id-1');
    expect(sr.status).toBe('draft');
    expect(sr.intent).toBe('proposal');
    expect(sr.priority).toBe('stat');
    expect(ehr.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      'QuestionnaireResponse',
      'ServiceRequest',
    ]);
  });

  it('in one transaction when the CapabilityStatement lists it', async () => {
    const { ehr } = setUp({ transactions: true });
    const { user } = renderReview();
    await waitForScreening();
    await completeNegative(user);
    await answer(user, { 'saddle-anesthesia': true });
    await saveAndConfirm(user);
    await waitFor(() => expect(statuses().every((s) => s.state === 'created')).toBe(true));
    expect(ehr.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['']);
    expect(ehr.store).toHaveLength(2);
    expect((ehr.store[1] as ServiceRequest).supportingInfo?.[0]?.reference).toBe(
      'QuestionnaireResponse/id-1',
    );
  });

  it('shows each resource’s own outcome; a failed write keeps everything and a retry completes it without duplicates', async () => {
    const { ehr } = setUp({ transactions: false });
    ehr.fail('POST', 'ServiceRequest', () =>
      HttpResponse.json(
        {
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'exception', diagnostics: 'Database is down' }],
        },
        { status: 500 },
      ),
    );
    const { user } = renderReview();
    await waitForScreening();
    await completeNegative(user);
    await answer(user, { 'saddle-anesthesia': true });
    await saveAndConfirm(user);
    await waitFor(() => expect(statuses().map((s) => s.state)).toEqual(['created', 'failed']));
    const failed = screen.getAllByTestId('write-status')[1];
    expect(failed).toHaveTextContent('The EHR failed to answer (500)');
    expect(failed).toHaveTextContent('EHR message: Database is down');
    expect(failed).not.toHaveAttribute('data-reference');
    expect(screen.getByRole('status')).toHaveTextContent('1 of 2 resources could not be written');
    // Answers are kept (locked for the retry), and the retry is the confirm button.
    expect(screen.getAllByRole('button', { name: 'Yes' })[0]).toBeDisabled();
    const retry = screen.getByTestId('confirm-write');
    expect(retry).toHaveTextContent('Retry the writes that failed');
    await user.click(retry);
    await waitFor(() => expect(statuses().map((s) => s.state)).toEqual(['created', 'created']));
    expect(screen.getAllByTestId('write-status')[0]).toHaveTextContent(
      'already there from an earlier attempt',
    );
    expect(ehr.store.map((r) => r.resourceType)).toEqual([
      'QuestionnaireResponse',
      'ServiceRequest',
    ]);
  });

  it('writes once on a double click of confirm, and disables the button while writing', async () => {
    const { ehr } = setUp({ transactions: false, conditionalCreate: false });
    const { user } = renderReview();
    await waitForScreening();
    await completeNegative(user);
    await answer(user, { 'saddle-anesthesia': true });
    await user.click(screen.getByTestId('save-screening'));
    const confirm = screen.getByTestId('confirm-write');
    await user.dblClick(confirm);
    await waitFor(() => expect(statuses().every((s) => s.state === 'created')).toBe(true));
    expect(ehr.store).toHaveLength(2);
    expect(ehr.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('shows pending while writing', async () => {
    setUp({ transactions: false });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Held, then answered by the fake EHR (a resolver returning nothing falls through).
    server.use(
      http.post(`${FHIR_BASE}/QuestionnaireResponse`, async () => {
        await held;
      }),
    );
    const { user } = renderReview();
    await waitForScreening();
    await completeNegative(user);
    await user.click(screen.getByTestId('save-screening'));
    const confirm = screen.getByTestId('confirm-write');
    await user.click(confirm);
    expect(statuses()).toEqual([{ state: 'pending', reference: null }]);
    await waitFor(() => expect(screen.getByTestId('confirm-write')).toBeDisabled());
    expect(statuses()).toEqual([{ state: 'pending', reference: null }]);
    release();
    await waitFor(() => expect(statuses()[0]?.state).toBe('created'));
  });

  it('writes only an in-progress QR for an incomplete evaluation, with no order', async () => {
    const { ehr } = setUp({ transactions: false });
    const { user } = renderReview();
    await waitForScreening();
    await answer(user, { 'night-pain': true, 'duration-days': 40 });
    await user.click(screen.getByTestId('save-screening'));
    expect(
      screen.getByText(/only the answers so far are saved \(in progress\)/),
    ).toBeInTheDocument();
    await user.click(screen.getByTestId('confirm-write'));
    await waitFor(() =>
      expect(statuses()).toEqual([{ state: 'created', reference: 'QuestionnaireResponse/id-1' }]),
    );
    expect(ehr.store).toHaveLength(1);
    const qr = ehr.store[0] as QuestionnaireResponse;
    expect(qr.status).toBe('in-progress');
    const answered = (qr.item ?? [])
      .flatMap((group) => group.item ?? [])
      .map((item) => item.linkId);
    expect(answered.sort()).toEqual(['duration-days', 'night-pain']);
  });

  it('offers the draft imaging proposal for an incomplete evaluation with a provisional EMERGENT tier', async () => {
    const { ehr } = setUp({ transactions: false });
    const { user } = renderReview();
    await waitForScreening();
    await answer(user, { 'saddle-anesthesia': true });
    expect(screen.getByTestId('evaluation-status')).toHaveTextContent('incomplete');
    expect(screen.getByTestId('imaging-suggestion')).toHaveAttribute('data-region', 'COMPLETE');
    await saveAndConfirm(user);
    await waitFor(() => expect(statuses()).toHaveLength(2));
    await waitFor(() => expect(statuses().every((s) => s.state === 'created')).toBe(true));
    const sr = ehr.store[1] as ServiceRequest;
    expect(sr.priority).toBe('stat');
    expect(sr.note?.[0]?.text).toContain('Provisional');
    expect((ehr.store[0] as QuestionnaireResponse).status).toBe('in-progress');
  });

  it('shows an EHR that refuses every write, per resource, and writes nothing', async () => {
    const { ehr } = setUp({ transactions: false });
    ehr.fail('POST', 'QuestionnaireResponse', () =>
      HttpResponse.json({ resourceType: 'OperationOutcome', issue: [] }, { status: 403 }),
    );
    const { user } = renderReview();
    await waitForScreening();
    await completeNegative(user);
    await answer(user, { 'saddle-anesthesia': true });
    await saveAndConfirm(user);
    await waitFor(() => expect(statuses().map((s) => s.state)).toEqual(['failed', 'failed']));
    const [qr, sr] = screen.getAllByTestId('write-status');
    expect(qr).toHaveTextContent('did not allow this request (403)');
    expect(sr).toHaveTextContent('a resource it refers to could not be written');
    expect(ehr.store).toHaveLength(0);
  });
});
