/**
 * Helpers for the screening-workflow end-to-end tests. They drive the screen only through the QA
 * contract of issue #5 §7 (`data-linkid`/`data-answer` on answer controls, the `data-testid`
 * markers) and read what the app wrote through the sandbox QA surface (README, "QA surface").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type {
  Bundle,
  Coding,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
  ServiceRequest,
} from 'fhir/r4';
import { sandboxLaunchUrl } from './helpers';

// ---------------------------------------------------------------------------------------------
// Constants from the clinical specification and the project's canonical URLs.
// ---------------------------------------------------------------------------------------------

/** Questionnaire canonical (spec §9.1), with or without its version. */
export const QUESTIONNAIRE_URL = 'http://spine-redflags.org/fhir/Questionnaire/back-pain-redflags';
/** CodeSystem of the choice answers (spec §9.1). */
export const ANSWERS_SYSTEM = 'http://spine-redflags.org/fhir/CodeSystem/back-pain-answers';
/** Identifier system of a screening's QuestionnaireResponse (lib/builders/identifiers.ts). */
export const SCREENING_IDENTIFIER_SYSTEM = 'http://spine-redflags.org/fhir/identifier/screening';
/** Identifier system of a screening's imaging proposals (lib/builders/identifiers.ts). */
export const SUGGESTION_IDENTIFIER_SYSTEM = 'http://spine-redflags.org/fhir/identifier/suggestion';
/** The default user of sandbox launches (README, "Seed patients"). */
export const SANDBOX_CLINICIAN = 'Practitioner/sandbox-clinician';

const CPT = 'http://www.ama-assn.org/go/cpt';
const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const RADLEX = 'http://radlex.org';

/** Latest occurrence after T0 per `ServiceRequest.priority` (spec §2). */
const OCCURRENCE_WINDOW_MS: Readonly<Record<string, number>> = {
  stat: 4 * 3600_000,
  urgent: 24 * 3600_000,
  routine: 7 * 24 * 3600_000,
};

/**
 * The presentation groups with a "None of these" button and the items the button may answer
 * (spec §9.5; integer items are never filled by it). The negative value is `false`, `never` for
 * `hx-ivdu`.
 */
export const NONE_GROUPS: Readonly<Record<string, readonly string[]>> = {
  'grp-emergency-neuro': [
    'urinary-retention',
    'incontinence-new',
    'saddle-anesthesia',
    'bilateral-leg-deficit',
    'sexual-dysfunction-new',
    'neuro-progressive',
    'motor-multilevel',
    'cord-signs',
  ],
  'grp-redflag-symptoms': [
    'fever-reported',
    'weight-loss-unexplained',
    'night-pain',
    'constant-pain',
    'ibp-features',
    'visceral-signs',
  ],
  'grp-exam': [
    'point-tenderness',
    'radicular-pain',
    'radicular-severe-worsening',
    'slr-positive',
    'abnormal-neuro-exam',
  ],
  'grp-pediatric': ['limp', 'irritability', 'decreased-rom', 'morning-stiffness'],
  'grp-history': [
    'hx-cancer',
    'hx-osteoporosis',
    'hx-chronic-steroids',
    'hx-immunosuppression',
    'hx-ivdu',
    'hx-diabetes',
    'hx-chronic-liver',
    'hx-spine-surgery',
    'hx-spine-procedure-90d',
    'hx-recent-infection-30d',
    'hx-dialysis-catheter',
    'hx-ankylosing',
  ],
};

/** Optional items (spec §9.1): never required, so a story's answers file may leave them out. */
const OPTIONAL_ITEMS = new Set(['pain-nrs', 'slr-positive', 'slr-angle', 'visceral-signs']);

// ---------------------------------------------------------------------------------------------
// Seed fixtures (hand-derived expected engine outputs per seed patient).
// ---------------------------------------------------------------------------------------------

/** An answer as the screen sets it: a boolean, an integer, or the code of a choice option. */
export type AnswerValue = boolean | number | string;

/** Answers by linkId, in the order they are to be given (enabling items before dependants). */
export type Answers = Readonly<Record<string, AnswerValue>>;

/** A study of the expected output (spec §7.5). */
export interface ExpectedImaging {
  readonly key: string;
  readonly region: string;
  readonly priority: string;
  readonly codes: {
    readonly cpt: readonly string[];
    readonly loinc: string;
    readonly radlex: string | null;
    readonly snomed: string;
  };
}

/** The fields of the expected output (spec §7.5) that the tests check. */
export interface ExpectedOutput {
  readonly status: 'complete' | 'incomplete';
  readonly tier: 'EMERGENT' | 'URGENT' | 'SOON' | 'ROUTINE';
  readonly firedRules: readonly string[];
  readonly imaging: ExpectedImaging | null;
  readonly secondaryImaging: readonly ExpectedImaging[];
}

const FIXTURES = path.resolve(__dirname, '..', 'fixtures');

function answerValue(answer: QuestionnaireResponseItemAnswer | undefined): AnswerValue | string {
  if (answer === undefined) return '<no answer>';
  if (typeof answer.valueBoolean === 'boolean') return answer.valueBoolean;
  if (typeof answer.valueInteger === 'number') return answer.valueInteger;
  if (answer.valueCoding) {
    if (answer.valueCoding.system !== undefined && answer.valueCoding.system !== ANSWERS_SYSTEM) {
      return `<coding from ${answer.valueCoding.system}>`;
    }
    return answer.valueCoding.code ?? '<coding without code>';
  }
  return `<unsupported answer ${Object.keys(answer).join(',')}>`;
}

/**
 * Every answered item of a QuestionnaireResponse, flattened (group items, `item.item` and
 * `answer.item` nesting), in document order. An item that appears twice appears twice here.
 */
export function flattenAnswers(qr: QuestionnaireResponse): [string, AnswerValue | string][] {
  const out: [string, AnswerValue | string][] = [];
  const walk = (items: readonly QuestionnaireResponseItem[] | undefined) => {
    for (const item of items ?? []) {
      const answers = item.answer ?? [];
      if (answers.length > 1) out.push([item.linkId, `<${answers.length} answers>`]);
      else if (answers.length === 1) out.push([item.linkId, answerValue(answers[0])]);
      walk(item.item);
      for (const answer of answers) walk(answer.item);
    }
  };
  walk(qr.item);
  return out;
}

/** A seed patient's story answers (`tests/fixtures/seed-answers/<id>.answers.json`), in file order. */
export function seedAnswers(patient: string): Record<string, AnswerValue> {
  const file = path.join(FIXTURES, 'seed-answers', `${patient}.answers.json`);
  const qr = JSON.parse(readFileSync(file, 'utf8')) as QuestionnaireResponse;
  const answers: Record<string, AnswerValue> = {};
  for (const [linkId, value] of flattenAnswers(qr)) {
    if (typeof value === 'string' && value.startsWith('<')) {
      throw new Error(`${file}: unexpected answer for ${linkId}: ${value}`);
    }
    answers[linkId] = value;
  }
  return answers;
}

/** A seed patient's expected output (`tests/fixtures/seed-expected/<id>.expected.json`). */
export function seedExpected(patient: string): ExpectedOutput {
  const file = path.join(FIXTURES, 'seed-expected', `${patient}.expected.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as ExpectedOutput;
}

// ---------------------------------------------------------------------------------------------
// The sandbox and the launch.
// ---------------------------------------------------------------------------------------------

/** `POST /sandbox/reset`: the seeded state again, so every test starts from the same chart. */
export async function resetSandbox(request: APIRequestContext): Promise<void> {
  const response = await request.post('/sandbox/reset');
  expect(response.status(), 'POST /sandbox/reset').toBe(200);
}

/** The `evaluation-status` marker that says the assessment shown matches the current answers. */
export function settledStatus(page: Page): Locator {
  return page.locator('[data-testid="evaluation-status"][data-settled="true"]');
}

/** Waits until the assessment shown matches the current answers (`data-settled="true"`). */
export async function waitSettled(page: Page, timeout = 30_000): Promise<void> {
  await expect(settledStatus(page), 'evaluation-status with data-settled="true"').toHaveCount(1, {
    timeout,
  });
}

/**
 * EHR launch of a seed patient through the sandbox (no consent screen), then waits for the
 * patient banner and the first settled evaluation (the chart has loaded).
 */
export async function launchPatient(page: Page, baseURL: string, patient: string): Promise<void> {
  await page.goto(sandboxLaunchUrl(baseURL, patient));
  await expect(page).toHaveURL(/\/review/);
  await expect(page.getByTestId('patient-name')).not.toBeEmpty();
  await expect(
    page.getByTestId('evaluation-status'),
    'evaluation-status appears once the chart has loaded',
  ).toHaveCount(1, { timeout: 30_000 });
  await waitSettled(page);
}

// ---------------------------------------------------------------------------------------------
// Answering.
// ---------------------------------------------------------------------------------------------

/** Whether the item is on the screen at all (items disabled for this patient are not shown). */
export async function itemPresent(page: Page, linkId: string): Promise<boolean> {
  return (await page.locator(`[data-linkid="${linkId}"]`).count()) > 0;
}

/** The option of a boolean (`true`/`false`) or choice (its code) item. */
export function answerOption(page: Page, linkId: string, value: boolean | string): Locator {
  return page.locator(`[data-linkid="${linkId}"][data-answer="${String(value)}"]`);
}

/** The `<input>` of an integer item. */
export function integerInput(page: Page, linkId: string): Locator {
  return page.locator(`input[data-linkid="${linkId}"]`);
}

/**
 * Sets one answer through the contract's elements: clicks the option (boolean, choice), or fills
 * the integer `<input>`. The element must be on the screen exactly once.
 */
export async function answerItem(page: Page, linkId: string, value: AnswerValue): Promise<void> {
  if (typeof value === 'number') {
    const input = integerInput(page, linkId);
    await expect(input, `input[data-linkid="${linkId}"]`).toHaveCount(1);
    await input.fill(String(value));
    await expect(input).toHaveValue(String(value));
    return;
  }
  const option = answerOption(page, linkId, value);
  await expect(option, `[data-linkid="${linkId}"][data-answer="${String(value)}"]`).toHaveCount(1);
  await expect(option).toBeVisible();
  await option.click();
}

/**
 * Answers each item in order. With `ifPresent`, items that are not on the screen (disabled for
 * this patient's age, or a condition not met) are skipped and returned; without it every item
 * must be there.
 */
export async function answerItems(
  page: Page,
  answers: Answers,
  options: { ifPresent?: boolean } = {},
): Promise<string[]> {
  const skipped: string[] = [];
  for (const [linkId, value] of Object.entries(answers)) {
    if (options.ifPresent && !(await itemPresent(page, linkId))) {
      skipped.push(linkId);
      continue;
    }
    await answerItem(page, linkId, value);
  }
  await waitSettled(page);
  return skipped;
}

/** The "None of these" button of a presentation group (spec §9.5). */
export function noneOfTheseButton(page: Page, group: string): Locator {
  return page.locator(`[data-testid="none-of-these"][data-group="${group}"]`);
}

/**
 * Clicks the group's "None of these" button.
 * @returns false when the button is disabled (an item of the group is positive)
 */
export async function noneOfThese(page: Page, group: string): Promise<boolean> {
  const button = noneOfTheseButton(page, group);
  await expect(button, `none-of-these for ${group}`).toHaveCount(1);
  if (await button.isDisabled()) return false;
  await button.click();
  return true;
}

function isNegative(linkId: string, value: AnswerValue): boolean {
  return linkId === 'hx-ivdu' ? value === 'never' : value === false;
}

/**
 * Gives a group's negative answers: its "None of these" button when it is enabled, otherwise (an
 * item of the group is positive, e.g. pre-populated from the chart) each negative answer of
 * `answers` that belongs to the group, one by one.
 * @returns the linkIds whose negative answer the button gave (empty when it was not used)
 */
export async function answerGroupNegatives(
  page: Page,
  group: string,
  answers: Answers,
  options: { skip?: readonly string[] } = {},
): Promise<string[]> {
  const items = NONE_GROUPS[group] ?? [];
  if (await noneOfThese(page, group)) return [...items];
  for (const linkId of items) {
    const value = answers[linkId];
    if (value === undefined || options.skip?.includes(linkId)) continue;
    if (isNegative(linkId, value)) await answerItem(page, linkId, value);
  }
  return [];
}

/**
 * Answers a story the fast way: every group's negatives first ({@link answerGroupNegatives}; groups
 * not on the screen, e.g. the paediatric group of an adult, are passed over), then every answer
 * that is not a negative one already given. `skip` leaves items alone (e.g. chart pre-populated
 * ones whose pre-population the test checks).
 */
export async function answerStory(
  page: Page,
  answers: Answers,
  options: { skip?: readonly string[] } = {},
): Promise<void> {
  const covered = new Set<string>();
  for (const group of Object.keys(NONE_GROUPS)) {
    if ((await noneOfTheseButton(page, group).count()) === 0) continue;
    const byButton = await answerGroupNegatives(page, group, answers, options);
    const given = byButton.length > 0 ? byButton : (NONE_GROUPS[group] ?? []);
    for (const item of given) covered.add(item);
  }
  for (const [linkId, value] of Object.entries(answers)) {
    if (options.skip?.includes(linkId)) continue;
    if (covered.has(linkId) && isNegative(linkId, value)) continue;
    await answerItem(page, linkId, value);
  }
  await waitSettled(page);
}

// ---------------------------------------------------------------------------------------------
// What the screen shows.
// ---------------------------------------------------------------------------------------------

/** The `data-rule-id`s of the `fired-rule` markers, sorted. */
export async function firedRuleIds(page: Page): Promise<string[]> {
  const ids = await page
    .getByTestId('fired-rule')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-rule-id') ?? '<no data-rule-id>'));
  return ids.sort();
}

/** What the assessment must show (spec §7.5 fields, through the contract's markers). */
export interface ShownAssessment {
  readonly status: 'complete' | 'incomplete';
  readonly tier: string;
  /** Exactly these rules (any order). */
  readonly firedRules: readonly string[];
  /** The primary imaging suggestion; null: none shown; undefined: not checked. */
  readonly imaging?: { readonly key: string; readonly region: string } | null;
}

/** Waits for a settled evaluation, then checks status, tier, fired rules and imaging. */
export async function expectAssessment(page: Page, expected: ShownAssessment): Promise<void> {
  await waitSettled(page);
  await expect(page.getByTestId('evaluation-status')).toHaveText(expected.status);
  await expect(page.getByTestId('tier')).toHaveCount(1);
  await expect(page.getByTestId('tier')).toHaveText(expected.tier);
  await expect
    .poll(() => firedRuleIds(page), { message: 'fired-rule data-rule-id set' })
    .toEqual([...expected.firedRules].sort());
  if (expected.imaging === null) {
    await expect(page.getByTestId('imaging-suggestion')).toHaveCount(0);
  } else if (expected.imaging !== undefined) {
    const imaging = page.getByTestId('imaging-suggestion');
    await expect(imaging).toHaveCount(1);
    await expect(imaging).toHaveAttribute('data-key', expected.imaging.key);
    await expect(imaging).toHaveAttribute('data-region', expected.imaging.region);
  }
  await waitSettled(page);
}

// ---------------------------------------------------------------------------------------------
// Saving.
// ---------------------------------------------------------------------------------------------

/**
 * Waits until exactly `count` `write-status` markers are all `created`, and returns their
 * `data-reference`s (`Type/id`).
 */
export async function expectWritesCreated(page: Page, count: number): Promise<string[]> {
  const statuses = page.getByTestId('write-status');
  await expect(
    page.locator('[data-testid="write-status"][data-state="created"]'),
    `${count} write-status marker(s) with data-state="created"`,
  ).toHaveCount(count, { timeout: 30_000 });
  await expect(statuses, 'one write-status per resource written or attempted').toHaveCount(count);
  const refs = await statuses.evaluateAll((els) =>
    els.map((el) => el.getAttribute('data-reference') ?? ''),
  );
  for (const ref of refs) expect(ref).toMatch(/^(QuestionnaireResponse|ServiceRequest)\/[^/]+$/);
  return refs;
}

/** Opens the preview (`save-screening`) and returns the `confirm-write` button. */
export async function openPreview(page: Page): Promise<Locator> {
  const save = page.getByTestId('save-screening');
  await expect(save, 'save-screening').toHaveCount(1);
  await save.click();
  const confirm = page.getByTestId('confirm-write');
  await expect(confirm, 'confirm-write in the preview').toHaveCount(1);
  await expect(confirm).toBeVisible();
  return confirm;
}

/**
 * Saves the screening: `save-screening`, then `confirm-write` (a single or a double click), then
 * waits for `writes` created resources.
 * @returns the `data-reference`s of the `write-status` markers
 */
export async function saveScreening(
  page: Page,
  writes: number,
  options: { doubleClick?: boolean } = {},
): Promise<string[]> {
  const confirm = await openPreview(page);
  if (options.doubleClick) await confirm.dblclick();
  else await confirm.click();
  return expectWritesCreated(page, writes);
}

// ---------------------------------------------------------------------------------------------
// What the sandbox FHIR server holds (QA token).
// ---------------------------------------------------------------------------------------------

/** `POST /sandbox/qa/token`: a token that reads and searches everything. */
export async function qaToken(request: APIRequestContext): Promise<string> {
  const response = await request.post('/sandbox/qa/token');
  expect(response.status(), 'POST /sandbox/qa/token').toBe(200);
  const body = (await response.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string') throw new Error('QA token: no access_token');
  return body.access_token;
}

/** A FHIR search on the sandbox with the QA token; checks the Bundle and returns its resources. */
export async function qaSearch<T extends { resourceType: string }>(
  request: APIRequestContext,
  type: T['resourceType'],
  params: Readonly<Record<string, string>>,
  token?: string,
): Promise<T[]> {
  const bearer = token ?? (await qaToken(request));
  const query = new URLSearchParams({ ...params, _count: '100' }).toString();
  const response = await request.get(`/sandbox/fhir/${type}?${query}`, {
    headers: { authorization: `Bearer ${bearer}`, accept: 'application/fhir+json' },
  });
  expect(response.status(), `GET ${type}?${query}`).toBe(200);
  const bundle = (await response.json()) as Bundle;
  expect(bundle.resourceType).toBe('Bundle');
  expect(bundle.type).toBe('searchset');
  const resources = (bundle.entry ?? [])
    .map((entry) => entry.resource)
    .filter((r): r is NonNullable<typeof r> => r !== undefined && r.resourceType === type);
  expect(bundle.total, `${type} search: total equals the entries`).toBe(resources.length);
  return resources as unknown as T[];
}

/** Everything the app can have written for a patient: its QuestionnaireResponses and ServiceRequests. */
export async function writtenFor(
  request: APIRequestContext,
  patient: string,
): Promise<{ qrs: QuestionnaireResponse[]; srs: ServiceRequest[] }> {
  const token = await qaToken(request);
  const [qrs, srs] = await Promise.all([
    qaSearch<QuestionnaireResponse>(request, 'QuestionnaireResponse', { patient }, token),
    qaSearch<ServiceRequest>(request, 'ServiceRequest', { patient }, token),
  ]);
  return { qrs, srs };
}

/** What the saved QuestionnaireResponse must hold. */
export interface ExpectedQuestionnaireResponse {
  readonly patient: string;
  readonly status: 'completed' | 'in-progress';
  /** Every one of these must be answered with exactly this value. */
  readonly answers: Answers;
  /**
   * Items that may also be answered (chart pre-population the test did not touch); when present,
   * with this value. Optional items (§9.1) the "None of these" buttons fill are allowed as `false`,
   * and `pain-nrs` (pre-populated from the chart) as any value 0–10.
   */
  readonly mayAlsoHave?: Answers;
}

/** Checks a saved QuestionnaireResponse: questionnaire, status, subject, author, identifier, answers. */
export function expectQuestionnaireResponse(
  qr: QuestionnaireResponse,
  expected: ExpectedQuestionnaireResponse,
): void {
  expect(qr.resourceType).toBe('QuestionnaireResponse');
  expect(qr.id).toBeTruthy();
  expect(qr.questionnaire ?? '').toMatch(
    new RegExp(`^${QUESTIONNAIRE_URL.replace(/[.]/g, '\\.')}(\\|1\\.1)?$`),
  );
  expect(qr.status).toBe(expected.status);
  expect(qr.subject?.reference).toBe(`Patient/${expected.patient}`);
  expect(qr.author?.reference).toBe(SANDBOX_CLINICIAN);
  expect(qr.identifier?.system).toBe(SCREENING_IDENTIFIER_SYSTEM);
  expect(qr.identifier?.value ?? '').not.toBe('');

  const flat = flattenAnswers(qr);
  const linkIds = flat.map(([linkId]) => linkId);
  const repeated = linkIds.filter((linkId, index) => linkIds.indexOf(linkId) !== index);
  expect(repeated, 'items answered more than once').toEqual([]);
  const actual = Object.fromEntries(flat);

  const wanted: Record<string, AnswerValue | string> = { ...expected.answers };
  for (const [linkId, value] of Object.entries(actual)) {
    if (linkId in wanted) continue;
    if (expected.mayAlsoHave && linkId in expected.mayAlsoHave) {
      wanted[linkId] = expected.mayAlsoHave[linkId] as AnswerValue;
    } else if (linkId === 'pain-nrs' && typeof value === 'number' && value >= 0 && value <= 10) {
      wanted[linkId] = value;
    } else if (OPTIONAL_ITEMS.has(linkId) && linkId !== 'slr-angle' && linkId !== 'pain-nrs') {
      wanted[linkId] = false;
    }
  }
  expect(actual, 'the answers of the saved QuestionnaireResponse').toEqual(wanted);
}

function codesOf(codings: readonly Coding[], system: string): string[] {
  return codings
    .filter((c) => c.system === system)
    .map((c) => c.code ?? '')
    .sort();
}

/** Checks an imaging proposal (spec §7.6, §10.6) against the expected study. */
export function expectImagingProposal(
  sr: ServiceRequest,
  expected: { readonly patient: string; readonly qrId: string; readonly imaging: ExpectedImaging },
): void {
  const { imaging } = expected;
  expect(sr.resourceType).toBe('ServiceRequest');
  expect(sr.status).toBe('draft');
  expect(sr.intent).toBe('proposal');
  expect(sr.subject.reference).toBe(`Patient/${expected.patient}`);
  expect(sr.priority).toBe(imaging.priority);
  expect(sr.identifier?.[0]?.system).toBe(SUGGESTION_IDENTIFIER_SYSTEM);
  const codings = sr.code?.coding ?? [];
  expect(codesOf(codings, CPT), `CPT of ${imaging.key} ${imaging.region}`).toEqual(
    [...imaging.codes.cpt].sort(),
  );
  expect(codesOf(codings, LOINC), `LOINC of ${imaging.key} ${imaging.region}`).toEqual([
    imaging.codes.loinc,
  ]);
  expect(codesOf(codings, SNOMED), `SNOMED of ${imaging.key} ${imaging.region}`).toEqual([
    imaging.codes.snomed,
  ]);
  expect(codesOf(codings, RADLEX), `RadLex of ${imaging.key} ${imaging.region}`).toEqual(
    imaging.codes.radlex ? [imaging.codes.radlex] : [],
  );
  const supporting = (sr.supportingInfo ?? []).map((r) => r.reference ?? '');
  expect(supporting, 'supportingInfo points at the saved QuestionnaireResponse').toContain(
    `QuestionnaireResponse/${expected.qrId}`,
  );
  expect(supporting.filter((ref) => ref.startsWith('urn:'))).toEqual([]);
  // Latest occurrence = T0 + the tier's window (spec §2).
  const start = sr.occurrencePeriod?.start ?? sr.authoredOn;
  const end = sr.occurrencePeriod?.end;
  expect(start, 'occurrencePeriod.start or authoredOn').toBeTruthy();
  expect(end, 'occurrencePeriod.end').toBeTruthy();
  const window = Date.parse(end ?? '') - Date.parse(start ?? '');
  expect(Math.abs(window - (OCCURRENCE_WINDOW_MS[imaging.priority] ?? NaN))).toBeLessThan(2000);
}

/**
 * Checks the server holds exactly one QuestionnaireResponse and exactly the expected imaging
 * proposals for the patient, and that they are the resources the screen reported.
 */
export async function expectWritten(
  request: APIRequestContext,
  expected: ExpectedQuestionnaireResponse & {
    readonly imaging: readonly ExpectedImaging[];
    /** The `write-status` `data-reference`s the screen showed. */
    readonly shownReferences?: readonly string[];
  },
): Promise<{ qr: QuestionnaireResponse; srs: ServiceRequest[] }> {
  const { qrs, srs } = await writtenFor(request, expected.patient);
  expect(qrs, 'exactly one QuestionnaireResponse for the patient').toHaveLength(1);
  const qr = qrs[0] as QuestionnaireResponse;
  expectQuestionnaireResponse(qr, expected);
  expect(
    srs.map((sr) => `${sr.code?.coding?.find((c) => c.system === LOINC)?.code ?? '?'}`).sort(),
    'the ServiceRequests for the patient (by LOINC)',
  ).toEqual(expected.imaging.map((i) => i.codes.loinc).sort());
  for (const imaging of expected.imaging) {
    const sr = srs.find((s) =>
      (s.code?.coding ?? []).some((c) => c.system === LOINC && c.code === imaging.codes.loinc),
    );
    expect(sr, `a ServiceRequest for ${imaging.key} ${imaging.region}`).toBeDefined();
    if (sr) expectImagingProposal(sr, { patient: expected.patient, qrId: qr.id ?? '', imaging });
  }
  if (expected.shownReferences) {
    expect([...expected.shownReferences].sort(), 'write-status data-reference').toEqual(
      [`QuestionnaireResponse/${qr.id}`, ...srs.map((sr) => `ServiceRequest/${sr.id}`)].sort(),
    );
  }
  return { qr, srs };
}
