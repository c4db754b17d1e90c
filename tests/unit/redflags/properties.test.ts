/**
 * Property-based tests (fast-check): the core never throws on FHIR data it cannot use, never
 * reports a complete evaluation while a required item is unanswered, is deterministic, and its
 * provisional tier is a lower bound (§8.4).
 */
import fc from 'fast-check';
import type { QuestionnaireResponse } from 'fhir/r4';
import { DEFAULT_TERMINOLOGY } from '@/lib/redflags/default-terminology';
import { evaluateScreen } from '@/lib/redflags/evaluate';
import { ITEMS, isEnabled, type AnswerValue, type LinkId } from '@/lib/redflags/items';
import {
  ADVISORY_IDS,
  RULE_IDS,
  TIERS,
  type ChartInputs,
  type ScreenOutput,
} from '@/lib/redflags/types';
import { T0 } from '../../fixtures/chart';

const ANSWERS = 'http://spine-redflags.org/fhir/CodeSystem/back-pain-answers';
const CODES = [
  '4537-7',
  '1988-5',
  '30522-7',
  '6690-2',
  '8310-5',
  '29463-7',
  '600-7',
  '72514-3',
  '18184-2',
];
const UNITS = [
  'mm/h',
  'mg/L',
  'mg/dL',
  'ug/L',
  'nmol/L',
  '10*3/uL',
  '/uL',
  '10*6/uL',
  'Cel',
  '[degF]',
  'kg',
  'lb',
  'K',
  '',
  'µg/mL',
];
const STATUSES = [
  'final',
  'amended',
  'corrected',
  'preliminary',
  'cancelled',
  'entered-in-error',
  'registered',
  'unknown',
  'bogus',
];
const DATES = [
  '2026-06-15T11:00:00Z',
  '2026-06-15',
  '2026-06-16',
  '2026-06',
  '2025',
  '2026-06-12T12:00:00+02:00',
  '2026-03-01T00:00:00Z',
  'garbage',
  '',
];

const observation = fc.record(
  {
    resourceType: fc.constant('Observation'),
    id: fc.string({ maxLength: 6 }),
    status: fc.constantFrom(...STATUSES),
    code: fc.record({
      coding: fc.array(
        fc.record({
          system: fc.constantFrom('http://loinc.org', 'x'),
          code: fc.constantFrom(...CODES),
        }),
        { maxLength: 3 },
      ),
    }),
    subject: fc.constantFrom({ reference: 'Patient/p' }, { reference: 'Patient/q' }, {}),
    effectiveDateTime: fc.constantFrom(...DATES),
    valueQuantity: fc.record(
      {
        value: fc.oneof(fc.double({ min: -10, max: 20000, noNaN: false }), fc.constant('12')),
        unit: fc.constantFrom(...UNITS),
        code: fc.constantFrom(...UNITS),
        comparator: fc.constantFrom('<', '<=', '>=', '>', 'ad'),
      },
      { requiredKeys: [] },
    ),
    dataAbsentReason: fc.constant({ text: 'x' }),
  },
  { requiredKeys: ['resourceType'] },
);

const condition = fc.record(
  {
    resourceType: fc.constant('Condition'),
    id: fc.string({ maxLength: 4 }),
    subject: fc.constantFrom(
      { reference: 'Patient/p' },
      { reference: 'https://x/Patient/p/_history/2' },
    ),
    code: fc.record({
      coding: fc.array(
        fc.record({
          system: fc.constantFrom('http://hl7.org/fhir/sid/icd-10-cm', 'http://snomed.info/sct'),
          code: fc.constantFrom(
            'C50.911',
            'E11.9',
            'B20',
            'Z99.2',
            'M45.9',
            'M81.0',
            'Z79.52',
            '228388006',
            'K70.30',
            'x',
          ),
        }),
        { maxLength: 2 },
      ),
    }),
    clinicalStatus: fc.constantFrom(
      undefined,
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' },
        ],
      },
      { coding: 'bad' },
    ),
    verificationStatus: fc.constantFrom(undefined, {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'refuted' },
      ],
    }),
    abatementDateTime: fc.constantFrom(...DATES),
  },
  { requiredKeys: ['resourceType', 'subject'] },
);

const junk = fc.oneof(fc.anything(), observation, condition);

function chartOf(
  patient: unknown,
  observations: unknown[],
  conditions: unknown[],
  other: unknown[],
): ChartInputs {
  // The engine must survive anything at runtime, whatever the static types say.
  const raw: ChartInputs = JSON.parse(
    JSON.stringify({
      patient,
      observations,
      conditions,
      procedures: other,
      medicationRequests: other,
    }),
  );
  return { ...raw, failures: new Map() };
}

const birthDates = fc.constantFrom(
  undefined,
  '2023-02-15',
  '2008',
  '1950-06-15',
  '2010-02-29',
  'x',
  '2026-07-01',
  '2014-06-16',
);

function checkShape(out: ScreenOutput): void {
  expect(TIERS).toContain(out.tier);
  for (const id of out.firedRules) expect(RULE_IDS).toContain(id);
  for (const id of out.advisories) expect(ADVISORY_IDS).toContain(id);
  expect(out.imaging?.key).not.toBe('XR_PELVIS');
}

describe('the core never throws on FHIR data it cannot use', () => {
  it('random and malformed resources', () => {
    fc.assert(
      fc.property(
        birthDates,
        fc.array(junk, { maxLength: 8 }),
        fc.array(junk, { maxLength: 5 }),
        fc.array(fc.anything(), { maxLength: 3 }),
        (birthDate, observations, conditions, other) => {
          const chart = chartOf(
            { resourceType: 'Patient', id: 'p', birthDate },
            observations,
            conditions,
            other,
          );
          const result = evaluateScreen(chart, undefined, T0, DEFAULT_TERMINOLOGY);
          expect(result.ok).toBe(true);
          if (result.ok) checkShape(result.evaluation.output);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random answers: refused as a value or evaluated, never thrown', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.array(
          fc.record(
            {
              linkId: fc.constantFrom(...ITEMS.map((i) => i.linkId), 'grp-x'),
              answer: fc.anything(),
            },
            { requiredKeys: ['linkId'] },
          ),
        ),
        (anything, items) => {
          for (const answers of [
            anything,
            {
              resourceType: 'QuestionnaireResponse',
              questionnaire: 'http://spine-redflags.org/fhir/Questionnaire/back-pain-redflags',
              status: 'completed',
              item: items,
            },
          ]) {
            const result = evaluateScreen(
              chartOf({ resourceType: 'Patient', id: 'p' }, [], [], []),
              answers,
              T0,
              DEFAULT_TERMINOLOGY,
            );
            if (result.ok) checkShape(result.evaluation.output);
            else expect(result.reason).not.toMatch(/\n/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** A random valid answer per item, or unanswered. */
function answerArb(): fc.Arbitrary<Map<LinkId, AnswerValue>> {
  const entries = ITEMS.map((item) => {
    let value: fc.Arbitrary<AnswerValue>;
    if (item.type === 'boolean') value = fc.boolean();
    else if (item.type === 'choice') value = fc.constantFrom(...(item.options ?? ['none']));
    else value = fc.integer({ min: item.min ?? 0, max: item.max ?? 200 });
    return fc.option(value, { nil: undefined, freq: 3 }).map((v) => [item.linkId, v] as const);
  });
  return fc.tuple(...entries).map((pairs) => {
    const map = new Map<LinkId, AnswerValue>();
    for (const [k, v] of pairs) if (v !== undefined) map.set(k, v);
    return map;
  });
}

function toResponse(answers: ReadonlyMap<LinkId, AnswerValue>): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: 'http://spine-redflags.org/fhir/Questionnaire/back-pain-redflags|1.1',
    status: 'completed',
    subject: { reference: 'Patient/p' },
    item: [...answers.entries()].map(([linkId, v]) => ({
      linkId,
      answer: [
        typeof v === 'boolean'
          ? { valueBoolean: v }
          : typeof v === 'number'
            ? { valueInteger: v }
            : { valueCoding: { system: ANSWERS, code: v } },
      ],
    })),
  };
}

const ages = fc.constantFrom(1, 2, 4, 5, 8, 12, 13, 16, 17, 18, 50, 51, 70, 71);
const birthFor = (age: number) => `${2026 - age}-05-15`;

describe('answers and completeness (spec §8.4)', () => {
  it('never complete (so never a complete ROUTINE) while a required enabled item is unanswered', () => {
    fc.assert(
      fc.property(ages, answerArb(), (age, answers) => {
        const chart = chartOf(
          { resourceType: 'Patient', id: 'p', birthDate: birthFor(age) },
          [],
          [],
          [],
        );
        const result = evaluateScreen(chart, toResponse(answers), T0, DEFAULT_TERMINOLOGY);
        if (!result.ok) throw new Error(result.reason);
        const out = result.evaluation.output;
        const ctx = { age, answers, spineSurgery: answers.get('hx-spine-surgery') === true };
        const missing = ITEMS.filter(
          (i) => i.requirement !== 'optional' && isEnabled(i, ctx) && !answers.has(i.linkId),
        );
        if (missing.length > 0) {
          expect(out.status).toBe('incomplete');
          expect(out.missingItems).toEqual(missing.map((i) => i.linkId));
        } else {
          expect(out.status).toBe('complete');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(
        ages,
        answerArb(),
        fc.array(observation, { maxLength: 5 }),
        (age, answers, observations) => {
          const chart = chartOf(
            { resourceType: 'Patient', id: 'p', birthDate: birthFor(age) },
            observations,
            [],
            [],
          );
          const a = evaluateScreen(chart, toResponse(answers), T0, DEFAULT_TERMINOLOGY);
          const b = evaluateScreen(
            chartOf(
              { resourceType: 'Patient', id: 'p', birthDate: birthFor(age) },
              observations,
              [],
              [],
            ),
            toResponse(answers),
            T0,
            DEFAULT_TERMINOLOGY,
          );
          expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the provisional tier is a lower bound: answering an unanswered boolean or choice item never lowers it', () => {
    fc.assert(
      fc.property(
        ages,
        answerArb(),
        fc.nat(),
        fc.array(observation, { maxLength: 3 }),
        (age, answers, pick, observations) => {
          const chart = chartOf(
            { resourceType: 'Patient', id: 'p', birthDate: birthFor(age) },
            observations,
            [],
            [],
          );
          const open = ITEMS.filter((i) => i.type !== 'integer' && !answers.has(i.linkId));
          const item = open[pick % Math.max(open.length, 1)];
          if (item === undefined) return;
          const before = evaluateScreen(chart, toResponse(answers), T0, DEFAULT_TERMINOLOGY);
          for (const value of item.type === 'boolean' ? [true, false] : (item.options ?? [])) {
            const after = evaluateScreen(
              chart,
              toResponse(new Map([...answers, [item.linkId, value]])),
              T0,
              DEFAULT_TERMINOLOGY,
            );
            if (!before.ok || !after.ok) throw new Error('refused');
            expect(TIERS.indexOf(after.evaluation.output.tier)).toBeGreaterThanOrEqual(
              TIERS.indexOf(before.evaluation.output.tier),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
