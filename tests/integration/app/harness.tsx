/**
 * Harness for the screening-screen tests: a chart served by msw (dated relative to the real clock,
 * since the screen takes T0 from it), the fake EHR for writes, a real fhirclient Client, a draft
 * store on fake-indexeddb (one IDBFactory per "browser", a new store per "page load"), and the
 * screen rendered under a fresh SWR cache.
 */
import { webcrypto } from 'node:crypto';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { SWRConfig } from 'swr';
import type {
  Condition,
  MedicationRequest,
  Observation,
  Patient,
  Procedure,
  Questionnaire,
} from 'fhir/r4';
import { createDraftStore, type DraftStore } from '@/lib/drafts';
import type { ChartKind } from '@/lib/redflags/types';
import type { SmartSession } from '@/lib/smart/session';
import { DraftStoreProvider } from '@/app/_providers/draft-store';
import { SmartSessionProvider } from '@/app/_providers/smart-session';
import { ReviewScreen } from '@/app/review/_components/review-screen';
import { FHIR_BASE } from '../../msw/server';
import { makeTestClient } from '../../msw/test-client';

export const PATIENT_ID = 'pt-1';
export const USER_REF = 'Practitioner/dr-1';
const SUBJECT = { reference: `Patient/${PATIENT_ID}` };

/** An instant `hours` before now (the screen's T0 is the real clock). */
export function hoursAgo(hours: number): string {
  return new Date(Date.now() - hours * 3_600_000).toISOString();
}

/** A birthDate giving `age` completed years today (birthday 40 days ago). */
export function birthDateForAge(age: number): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - age);
  return new Date(date.getTime() - 40 * 86_400_000).toISOString().slice(0, 10);
}

/** The patient, with a birth date for `age` (null: none recorded). */
export function aPatient(age: number | null = 40): Patient {
  return {
    resourceType: 'Patient',
    id: PATIENT_ID,
    name: [{ given: ['Test'], family: 'Patient' }],
    gender: 'female',
    ...(age === null ? {} : { birthDate: birthDateForAge(age) }),
  };
}

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${(counter += 1)}`;

/** A LOINC Observation with a valueQuantity, `hours` before now. */
export function anObservation(
  loinc: string,
  value: number,
  unit: string,
  hours: number,
  extra: Partial<Observation> = {},
): Observation {
  return {
    resourceType: 'Observation',
    id: nextId('obs'),
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
    subject: SUBJECT,
    effectiveDateTime: hoursAgo(hours),
    valueQuantity: { value, unit, code: unit, system: 'http://unitsofmeasure.org' },
    ...extra,
  };
}

/** ESR in mm/h. */
export const esr = (value: number, hours = 24, extra?: Partial<Observation>) =>
  anObservation('4537-7', value, 'mm/h', hours, extra);
/** CRP in mg/L. */
export const crp = (value: number, hours = 24, extra?: Partial<Observation>) =>
  anObservation('1988-5', value, 'mg/L', hours, extra);
/** Body temperature in Cel. */
export const temperature = (value: number, hours = 12) =>
  anObservation('8310-5', value, 'Cel', hours);

/** An ICD-10-CM Condition (active unless said otherwise). */
export function aCondition(code: string, extra: Partial<Condition> = {}): Condition {
  return {
    resourceType: 'Condition',
    id: nextId('cond'),
    subject: SUBJECT,
    clinicalStatus: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' },
      ],
    },
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code }] },
    ...extra,
  };
}

/** A chart: the Patient and the four searched kinds. */
export interface ChartFixture {
  readonly patient: Patient;
  readonly observations?: readonly Observation[];
  readonly conditions?: readonly Condition[];
  readonly procedures?: readonly Procedure[];
  readonly medicationRequests?: readonly MedicationRequest[];
}

/** How the chart server misbehaves: an HTTP status per read that fails. */
export type ChartFailures = Partial<Record<'Patient' | ChartKind, number>>;

const bundle = (resources: readonly object[]) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  entry: resources.map((resource) => ({ resource })),
});

const outcome = (status: number) =>
  HttpResponse.json(
    {
      resourceType: 'OperationOutcome',
      issue: [
        { severity: 'error', code: 'forbidden', diagnostics: `Refused by the test (${status})` },
      ],
    },
    { status },
  );

/**
 * msw handlers serving a chart: the Patient read and the four searches. They must come before
 * the fake EHR's handlers (which answer any other search by identifier).
 */
export function chartHandlers(chart: ChartFixture, failures: ChartFailures = {}): HttpHandler[] {
  const serve = (kind: 'Patient' | ChartKind, body: object) => {
    const status = failures[kind];
    return status === undefined ? HttpResponse.json(body) : outcome(status);
  };
  return [
    http.get(`${FHIR_BASE}/Patient/:id`, () => serve('Patient', chart.patient)),
    http.get(`${FHIR_BASE}/Observation`, () =>
      serve('Observation', bundle(chart.observations ?? [])),
    ),
    http.get(`${FHIR_BASE}/Condition`, () => serve('Condition', bundle(chart.conditions ?? []))),
    http.get(`${FHIR_BASE}/Procedure`, () => serve('Procedure', bundle(chart.procedures ?? []))),
    http.get(`${FHIR_BASE}/MedicationRequest`, () =>
      serve('MedicationRequest', bundle(chart.medicationRequests ?? [])),
    ),
  ];
}

/** One browser's draft storage: every `open()` is a new page load over the same IndexedDB. */
export function browserStorage(): { open: () => Promise<DraftStore>; factory: IDBFactory } {
  const factory = new IDBFactory();
  return {
    factory,
    open: () => createDraftStore({ indexedDB: factory, crypto: webcrypto as unknown as Crypto }),
  };
}

/** A connected session for the test patient and clinician. */
export function aSession(overrides: Partial<SmartSession> = {}): SmartSession {
  return {
    client: makeTestClient(overrides.patientId ?? PATIENT_ID),
    serverUrl: FHIR_BASE,
    patientId: PATIENT_ID,
    encounterId: 'enc-1',
    userRef: USER_REF,
    userName: 'Dr Test',
    grantedScopes: [],
    missingScopes: [],
    needPatientBanner: true,
    ...overrides,
  };
}

/** Renders the review screen (one "page load"): fresh SWR cache, a draft store of `storage`. */
export function renderReview(
  options: {
    session?: SmartSession;
    storage?: { open: () => Promise<DraftStore> };
    questionnaire?: Questionnaire;
  } = {},
) {
  const storage = options.storage ?? browserStorage();
  const session = options.session ?? aSession();
  let opened: Promise<DraftStore> | undefined;
  const open = () => (opened ??= storage.open());
  const user = userEvent.setup();
  const view = render(
    <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
      <DraftStoreProvider open={open}>
        <SmartSessionProvider session={session}>
          <ReviewScreen
            {...(options.questionnaire ? { questionnaire: options.questionnaire } : {})}
          />
        </SmartSessionProvider>
      </DraftStoreProvider>
    </SWRConfig>,
  );
  return { ...view, user };
}

/** Waits until the chart has loaded and the questionnaire is shown (the assessment is settled). */
export async function waitForScreening(): Promise<void> {
  await waitFor(() => expect(screen.getByTestId('evaluation-status')).toBeInTheDocument(), {
    timeout: 5000,
  });
  expect(screen.getByTestId('evaluation-status')).toHaveAttribute('data-settled', 'true');
}

/** The elements of an answer option (QA contract). */
export function options(linkId: string, answer?: string): Element[] {
  const selector =
    answer === undefined
      ? `[data-linkid="${linkId}"]`
      : `[data-linkid="${linkId}"][data-answer="${answer}"]`;
  return [...document.querySelectorAll(selector)];
}

/** The one option element of an answer (fails when absent or repeated). */
export function option(linkId: string, answer: string): HTMLElement {
  const found = options(linkId, answer);
  expect(found).toHaveLength(1);
  const [element] = found;
  if (!(element instanceof HTMLElement)) throw new Error(`no ${linkId}=${answer}`);
  return element;
}

/** The integer input of an item. */
export function integerInput(linkId: string): HTMLInputElement {
  const input = document.querySelector(`input[data-linkid="${linkId}"]`);
  if (!(input instanceof HTMLInputElement)) throw new Error(`no input for ${linkId}`);
  return input;
}

/** Answers items through the QA contract's elements (click an option; type into an integer). */
export async function answer(
  user: UserEvent,
  answers: Readonly<Record<string, boolean | number | string>>,
): Promise<void> {
  for (const [linkId, value] of Object.entries(answers)) {
    if (typeof value === 'number') {
      const input = integerInput(linkId);
      await user.clear(input);
      await user.type(input, String(value));
    } else {
      await user.click(option(linkId, String(value)));
    }
  }
}

/** The "None of these" button of a group. */
export function noneOfThese(group: string): HTMLButtonElement {
  const button = document.querySelector(`[data-testid="none-of-these"][data-group="${group}"]`);
  if (!(button instanceof HTMLButtonElement)) throw new Error(`no none-of-these for ${group}`);
  return button;
}

/** Answers every shown group with its "None of these" button where it is enabled. */
export async function noneOfTheseEverywhere(user: UserEvent): Promise<void> {
  for (const button of screen.queryAllByTestId('none-of-these')) {
    if (!(button instanceof HTMLButtonElement) || button.disabled) continue;
    await user.click(button);
  }
}

/** The `data-rule-id`s of the fired rules shown. */
export function firedRules(): string[] {
  return screen.queryAllByTestId('fired-rule').map((el) => el.getAttribute('data-rule-id') ?? '');
}

/** The aria-pressed option of an item, if any (`true`/`false`/code). */
export function pressed(linkId: string): string | undefined {
  return (
    options(linkId)
      .find((el) => el.getAttribute('aria-pressed') === 'true')
      ?.getAttribute('data-answer') ?? undefined
  );
}

export { screen, waitFor, within };
