/** @jest-environment jest-fixed-jsdom */
import type { UserEvent } from '@testing-library/user-event';
import type { DraftKey } from '@/lib/drafts';
import { fakeEhr } from '../../msw/fake-ehr';
import { FHIR_BASE, server, setUpMswServer } from '../../msw/server';
import {
  PATIENT_ID,
  USER_REF,
  aPatient,
  aSession,
  answer,
  browserStorage,
  chartHandlers,
  integerInput,
  options,
  pressed,
  renderReview,
  screen,
  waitFor,
  waitForScreening,
} from './harness';

jest.setTimeout(30_000);
setUpMswServer();

const KEY: DraftKey = { serverUrl: FHIR_BASE, patientId: PATIENT_ID, userRef: USER_REF };

/** The screening id the preview would write (the QR's identifier value). */
async function previewedScreeningId(user: UserEvent): Promise<string> {
  await user.click(screen.getByTestId('save-screening'));
  const json = screen.getByRole('region', { name: /What will be written/ }).textContent ?? '';
  const match =
    /"identifier": \{\s*"system": "[^"]+\/identifier\/screening",\s*"value": "([^"]+)"/.exec(json);
  if (!match?.[1]) throw new Error('no screening identifier in the preview');
  return match[1];
}

beforeEach(() => {
  server.use(...chartHandlers({ patient: aPatient(45) }));
});

describe('draft answers', () => {
  it('survive a reload, with the same screening id (so a save after it writes the same resources)', async () => {
    const storage = browserStorage();
    const first = renderReview({ storage });
    await waitForScreening();
    await answer(first.user, { 'duration-days': 35, 'night-pain': true, 'hx-ivdu': 'past' });
    const id = await previewedScreeningId(first.user);
    const probe = await storage.open();
    await waitFor(async () =>
      expect((await probe.load(KEY))?.answers).toEqual({
        'duration-days': 35,
        'night-pain': true,
        'hx-ivdu': 'past',
      }),
    );
    first.unmount();

    const second = renderReview({ storage });
    await waitForScreening();
    expect(screen.getByTestId('draft-restored')).toBeInTheDocument();
    expect(integerInput('duration-days')).toHaveValue('35');
    expect(pressed('night-pain')).toBe('true');
    expect(pressed('hx-ivdu')).toBe('past');
    expect(options('conservative-tried', 'true')).toHaveLength(1);
    expect(await previewedScreeningId(second.user)).toBe(id);
  });

  it('are cleared after a successful save: a reload then starts a new screening', async () => {
    const ehr = fakeEhr({ conditionalCreate: true, transactions: false });
    server.use(...ehr.handlers);
    const storage = browserStorage();
    const first = renderReview({ storage });
    await waitForScreening();
    await answer(first.user, { 'night-pain': true });
    const id = await previewedScreeningId(first.user);
    await first.user.click(screen.getByTestId('confirm-write'));
    await waitFor(() =>
      expect(screen.getByTestId('write-status')).toHaveAttribute('data-state', 'created'),
    );
    const probe = await storage.open();
    await waitFor(async () => expect(await probe.load(KEY)).toBeUndefined());
    expect(
      screen.getByRole('button', { name: 'Start a new screening for this patient' }),
    ).toBeInTheDocument();
    first.unmount();

    const second = renderReview({ storage });
    await waitForScreening();
    expect(screen.queryByTestId('draft-restored')).not.toBeInTheDocument();
    expect(pressed('night-pain')).toBeUndefined();
    expect(await previewedScreeningId(second.user)).not.toBe(id);
  });

  it('are cleared by a launch for another patient', async () => {
    const storage = browserStorage();
    const first = renderReview({ storage });
    await waitForScreening();
    await answer(first.user, { 'night-pain': true });
    const probe = await storage.open();
    await waitFor(async () => expect(await probe.load(KEY)).toBeDefined());
    first.unmount();

    server.use(...chartHandlers({ patient: { ...aPatient(30), id: 'pt-2' } }));
    const other = renderReview({ storage, session: aSession({ patientId: 'pt-2' }) });
    await waitForScreening();
    await waitFor(async () => expect(await probe.load(KEY)).toBeUndefined());
    other.unmount();

    server.use(...chartHandlers({ patient: aPatient(45) }));
    renderReview({ storage });
    await waitForScreening();
    expect(pressed('night-pain')).toBeUndefined();
  });

  it('are cleared by a launch for the same patient by another user, and kept for the same user', async () => {
    const storage = browserStorage();
    const first = renderReview({ storage });
    await waitForScreening();
    await answer(first.user, { 'night-pain': true });
    const probe = await storage.open();
    await waitFor(async () => expect(await probe.load(KEY)).toBeDefined());
    first.unmount();

    const again = renderReview({ storage });
    await waitForScreening();
    expect(pressed('night-pain')).toBe('true');
    again.unmount();

    const colleague = renderReview({
      storage,
      session: aSession({ userRef: 'Practitioner/dr-2' }),
    });
    await waitForScreening();
    expect(pressed('night-pain')).toBeUndefined();
    await waitFor(async () => expect(await probe.load(KEY)).toBeUndefined());
    colleague.unmount();
  });
});
