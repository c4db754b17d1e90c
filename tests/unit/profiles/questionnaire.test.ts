import type { Patient, QuestionnaireItem, QuestionnaireResponse } from 'fhir/r4';
import { evaluate } from 'fhirpath';

/** fhirpath.js evaluates synchronously unless an async function is used; these expressions use none. */
function evaluateSync(...args: Parameters<typeof evaluate>): unknown[] {
  const result = evaluate(...args);
  if (result instanceof Promise) throw new Error('unexpected async FHIRPath evaluation');
  return result;
}
import r4 from 'fhirpath/fhir-context/r4';
import { BACK_PAIN_QUESTIONNAIRE, flattenItems } from '@/lib/profiles/questionnaire';
import {
  CODE_SYSTEM_URLS,
  DEFAULT_VALUE_SETS,
  QUESTIONNAIRE_URL,
  QUESTIONNAIRE_VERSION,
  VALUE_SET_URLS,
} from '@/lib/terminology';
import { expectValid } from '@/tests/helpers/validate';

/** Spec §9.1, in order: linkId, type, requirement code. Test data mirroring the spec table. */
const SPEC_ITEMS: readonly (readonly [
  string,
  string,
  'R' | 'R12' | 'A' | 'P' | 'cond' | 'A-cond' | 'optional',
])[] = [
  ['duration-days', 'integer', 'R'],
  ['pain-location', 'choice', 'R'],
  ['pain-nrs', 'integer', 'optional'],
  ['night-pain', 'boolean', 'R'],
  ['fever-reported', 'boolean', 'R'],
  ['weight-loss-unexplained', 'boolean', 'R'],
  ['trauma', 'choice', 'R'],
  ['urinary-retention', 'boolean', 'R'],
  ['incontinence-new', 'boolean', 'R'],
  ['saddle-anesthesia', 'boolean', 'R'],
  ['bilateral-leg-deficit', 'boolean', 'R'],
  ['sexual-dysfunction-new', 'boolean', 'R12'],
  ['neuro-progressive', 'boolean', 'R'],
  ['motor-multilevel', 'boolean', 'R'],
  ['cord-signs', 'boolean', 'R'],
  ['motor-grade-min', 'integer', 'A'],
  ['point-tenderness', 'boolean', 'R'],
  ['radicular-pain', 'boolean', 'R'],
  ['radicular-severe-worsening', 'boolean', 'A-cond'],
  ['slr-positive', 'boolean', 'optional'],
  ['slr-angle', 'integer', 'optional'],
  ['conservative-tried', 'boolean', 'A-cond'],
  ['surgical-candidate', 'boolean', 'A-cond'],
  ['ibp-features', 'boolean', 'A'],
  ['visceral-signs', 'boolean', 'optional'],
  ['limp', 'boolean', 'P'],
  ['irritability', 'boolean', 'P'],
  ['decreased-rom', 'boolean', 'P'],
  ['constant-pain', 'boolean', 'P'],
  ['abnormal-neuro-exam', 'boolean', 'P'],
  ['morning-stiffness', 'boolean', 'P'],
  ['hx-cancer', 'boolean', 'R'],
  ['hx-osteoporosis', 'boolean', 'R'],
  ['hx-chronic-steroids', 'boolean', 'R'],
  ['hx-immunosuppression', 'boolean', 'R'],
  ['hx-ivdu', 'choice', 'R'],
  ['hx-diabetes', 'boolean', 'R'],
  ['hx-spine-surgery', 'boolean', 'R'],
  ['postop-new-symptoms', 'boolean', 'cond'],
  ['hx-spine-procedure-90d', 'boolean', 'R'],
  ['hx-recent-infection-30d', 'boolean', 'R'],
  ['hx-dialysis-catheter', 'boolean', 'R'],
  ['hx-chronic-liver', 'boolean', 'R'],
  ['hx-ankylosing', 'boolean', 'A'],
];

/** Spec §9.5 groups, in order. */
const SPEC_GROUPS: readonly (readonly [string, readonly string[]])[] = [
  [
    'grp-emergency-neuro',
    [
      'urinary-retention',
      'incontinence-new',
      'saddle-anesthesia',
      'bilateral-leg-deficit',
      'sexual-dysfunction-new',
      'neuro-progressive',
      'motor-multilevel',
      'cord-signs',
    ],
  ],
  [
    'grp-redflag-symptoms',
    [
      'fever-reported',
      'weight-loss-unexplained',
      'night-pain',
      'constant-pain',
      'ibp-features',
      'visceral-signs',
    ],
  ],
  [
    'grp-exam',
    [
      'point-tenderness',
      'radicular-pain',
      'radicular-severe-worsening',
      'slr-positive',
      'slr-angle',
      'abnormal-neuro-exam',
      'motor-grade-min',
    ],
  ],
  ['grp-pediatric', ['limp', 'irritability', 'decreased-rom', 'morning-stiffness']],
  [
    'grp-history',
    [
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
  ],
  [
    'grp-context',
    [
      'duration-days',
      'pain-location',
      'pain-nrs',
      'trauma',
      'conservative-tried',
      'surgical-candidate',
      'postop-new-symptoms',
    ],
  ],
];

const items = flattenItems(BACK_PAIN_QUESTIONNAIRE.item);
const byLinkId = new Map(items.map((item) => [item.linkId, item]));
const item = (linkId: string): QuestionnaireItem => {
  const found = byLinkId.get(linkId);
  if (!found) throw new Error(`no item ${linkId}`);
  return found;
};
const ext = (it: QuestionnaireItem, suffix: string) =>
  it.extension?.filter((e) => e.url.endsWith(suffix)) ?? [];
const enableExpression = (it: QuestionnaireItem) =>
  ext(it, 'sdc-questionnaire-enableWhenExpression')[0]?.valueExpression?.expression;

/** A birth date `years` years and `days` days before today (UTC). */
function birthDate(years: number, days = 0): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}
const patient = (date: string | undefined): Patient => ({
  resourceType: 'Patient',
  id: 'p',
  ...(date ? { birthDate: date } : {}),
});

function evalOn(
  expression: string,
  pt: Patient,
  response: QuestionnaireResponse = emptyResponse(),
): unknown[] {
  return evaluateSync(
    response,
    expression,
    { patient: pt, resource: response, questionnaire: BACK_PAIN_QUESTIONNAIRE },
    r4,
  );
}
function emptyResponse(
  answers: Record<string, QuestionnaireResponse['item']> = {},
): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    status: 'in-progress',
    item: [{ linkId: 'grp-context', item: Object.values(answers).flatMap((a) => a ?? []) }],
  };
}
const answer = (linkId: string, value: { valueBoolean: boolean } | { valueInteger: number }) => ({
  [linkId]: [{ linkId, answer: [value] }],
});

describe('BACK_PAIN_QUESTIONNAIRE', () => {
  it('is version 1.1 of the canonical Questionnaire', () => {
    expect(BACK_PAIN_QUESTIONNAIRE.url).toBe(QUESTIONNAIRE_URL);
    expect(BACK_PAIN_QUESTIONNAIRE.version).toBe(QUESTIONNAIRE_VERSION);
    expect(BACK_PAIN_QUESTIONNAIRE.subjectType).toEqual(['Patient']);
  });

  it('validates against R4', () => {
    expectValid(BACK_PAIN_QUESTIONNAIRE);
  });

  it('carries every item of §9.1 exactly once, and no other answerable item', () => {
    const answerable = items.filter(
      (it) => it.type !== 'group' && it.type !== 'display' && it.linkId !== 'age-years',
    );
    expect(answerable.map((it) => it.linkId).sort()).toEqual(SPEC_ITEMS.map(([id]) => id).sort());
    expect(new Set(items.map((it) => it.linkId)).size).toBe(items.length);
  });

  it('nests the items in the §9.5 groups, in the §9.5 order', () => {
    const groups = (BACK_PAIN_QUESTIONNAIRE.item ?? []).filter((it) => it.type === 'group');
    expect(groups.map((g) => [g.linkId, (g.item ?? []).map((it) => it.linkId)])).toEqual(
      SPEC_GROUPS.map(([g, ids]) => [g, [...ids]]),
    );
  });

  it.each(SPEC_ITEMS)('%s is a %s item with requirement %s', (linkId, type, req) => {
    const it = item(linkId);
    expect(it.type).toBe(type);
    expect(it.text).toBeTruthy();
    expect(it.required).toBe(req !== 'optional');
    const expression = enableExpression(it);
    switch (req) {
      case 'R':
        expect(expression).toBeUndefined();
        expect(it.enableWhen).toBeUndefined();
        break;
      case 'A':
      case 'A-cond':
        expect(expression).toContain('iif(%patient.birthDate > today() - 18 years, false, true)');
        break;
      case 'P':
        expect(expression).toBe('iif(%patient.birthDate <= today() - 18 years, false, true)');
        break;
      case 'R12':
        expect(expression).toBe('iif(%patient.birthDate > today() - 12 years, false, true)');
        break;
      case 'cond':
        expect(expression).toContain("'hx-spine-surgery'");
        break;
      case 'optional':
        break;
    }
  });

  it('takes choice answers from the answers CodeSystem', () => {
    const answers = DEFAULT_VALUE_SETS.valueSet(VALUE_SET_URLS.BACK_PAIN_ANSWERS);
    const options = (linkId: string) =>
      (item(linkId).answerOption ?? []).map((o) => o.valueCoding?.code);
    expect(options('pain-location')).toEqual(['lumbar', 'thoracic', 'multiple', 'unable']);
    expect(options('trauma')).toEqual(['none', 'lifting-twisting', 'minor-fall', 'major']);
    expect(options('hx-ivdu')).toEqual(['current', 'past', 'never']);
    for (const it of items.filter((i) => i.type === 'choice')) {
      for (const option of it.answerOption ?? []) {
        expect(option.valueCoding?.system).toBe(CODE_SYSTEM_URLS.BACK_PAIN_ANSWERS);
        expect(answers.matchesCoding(option.valueCoding)).toBe(true);
      }
    }
  });

  it.each([
    ['duration-days', 0, undefined],
    ['pain-nrs', 0, 10],
    ['motor-grade-min', 0, 5],
    ['slr-angle', 0, 90],
  ])('bounds %s to %s..%s', (linkId, min, max) => {
    expect(ext(item(linkId), 'minValue')[0]?.valueInteger).toBe(min);
    expect(ext(item(linkId), 'maxValue')[0]?.valueInteger).toBe(max);
  });

  it('shows slr-angle only when slr-positive is true (enableWhen)', () => {
    expect(item('slr-angle').enableWhen).toEqual([
      { question: 'slr-positive', operator: '=', answerBoolean: true },
    ]);
  });

  it('gives fever-reported the antipyretic help text as a help display item', () => {
    const help = item('fever-reported').item?.[0];
    expect(help?.type).toBe('display');
    expect(help?.text).toMatch(/antipyretic/);
    expect(
      ext(help ?? { linkId: '', type: 'display' }, 'questionnaire-itemControl')[0]
        ?.valueCodeableConcept?.coding?.[0]?.code,
    ).toBe('help');
  });

  it('declares the SDC launch context patient', () => {
    const launch = BACK_PAIN_QUESTIONNAIRE.extension?.find((e) =>
      e.url.endsWith('sdc-questionnaire-launchContext'),
    );
    expect(launch?.extension?.find((e) => e.url === 'name')?.valueCoding?.code).toBe('patient');
    expect(launch?.extension?.find((e) => e.url === 'type')?.valueCode).toBe('Patient');
  });

  it('pre-populates from the project ValueSets only (x-fhir-query by canonical URL)', () => {
    const queries = (BACK_PAIN_QUESTIONNAIRE.extension ?? [])
      .filter((e) => e.url === 'http://hl7.org/fhir/StructureDefinition/variable')
      .map((e) => e.valueExpression?.expression ?? '');
    const referenced = queries.flatMap(
      (q) => q.match(/http:\/\/spine-redflags\.org\/fhir\/ValueSet\/[a-z0-9-]+/g) ?? [],
    );
    expect(referenced.length).toBeGreaterThan(15);
    for (const url of referenced) expect(DEFAULT_VALUE_SETS.has(url)).toBe(true);
    for (const linkId of [
      'hx-cancer',
      'hx-osteoporosis',
      'hx-chronic-steroids',
      'hx-immunosuppression',
      'hx-ivdu',
      'hx-diabetes',
      'hx-spine-surgery',
      'hx-spine-procedure-90d',
      'hx-dialysis-catheter',
      'hx-chronic-liver',
      'hx-ankylosing',
      'pain-nrs',
    ]) {
      expect([linkId, ext(item(linkId), 'sdc-questionnaire-initialExpression')]).toEqual([
        linkId,
        [expect.anything()],
      ]);
    }
    // Suggestions only (§3.7, §9.3): never pre-filled.
    for (const linkId of ['weight-loss-unexplained', 'hx-recent-infection-30d']) {
      expect(ext(item(linkId), 'sdc-questionnaire-initialExpression')).toEqual([]);
    }
  });
});

describe('enableWhenExpression (evaluated with fhirpath.js, the engine of SDC renderers)', () => {
  const enabled = (linkId: string, pt: Patient, response?: QuestionnaireResponse) => {
    const expression = enableExpression(item(linkId));
    if (!expression) throw new Error(`${linkId} has no enableWhenExpression`);
    return evalOn(expression, pt, response);
  };

  it.each([
    ['adult of 40', birthDate(40), true, false, true],
    ['18 today', birthDate(18), true, false, true],
    ['17, one day before the 18th birthday', birthDate(18, -1), false, true, true],
    ['12 today', birthDate(12), false, true, true],
    ['11', birthDate(11, -1), false, true, false],
    ['partial birth date spanning 18 (year only)', birthDate(18).slice(0, 4), true, true, true],
    ['no birth date', undefined, true, true, true],
  ])('%s: A=%s P=%s R12=%s', (_label, date, adult, child, from12) => {
    const pt = patient(date);
    expect(enabled('motor-grade-min', pt)).toEqual([adult]);
    expect(enabled('limp', pt)).toEqual([child]);
    expect(enabled('grp-pediatric', pt)).toEqual([child]);
    expect(enabled('sexual-dysfunction-new', pt)).toEqual([from12]);
  });

  it('enables conditional adult items from the answers', () => {
    const adult = patient(birthDate(40));
    expect(
      enabled(
        'radicular-severe-worsening',
        adult,
        emptyResponse(answer('radicular-pain', { valueBoolean: true })),
      ),
    ).toEqual([true]);
    expect(
      enabled(
        'radicular-severe-worsening',
        adult,
        emptyResponse(answer('radicular-pain', { valueBoolean: false })),
      ),
    ).toEqual([false]);
    expect(enabled('radicular-severe-worsening', adult, emptyResponse())).toEqual([false]);
    expect(
      enabled(
        'conservative-tried',
        adult,
        emptyResponse(answer('duration-days', { valueInteger: 29 })),
      ),
    ).toEqual([true]);
    expect(
      enabled(
        'conservative-tried',
        adult,
        emptyResponse(answer('duration-days', { valueInteger: 28 })),
      ),
    ).toEqual([false]);
    const both = {
      ...answer('duration-days', { valueInteger: 42 }),
      ...answer('conservative-tried', { valueBoolean: true }),
    };
    expect(enabled('surgical-candidate', adult, emptyResponse(both))).toEqual([true]);
    const short = {
      ...answer('duration-days', { valueInteger: 41 }),
      ...answer('conservative-tried', { valueBoolean: true }),
    };
    expect(enabled('surgical-candidate', adult, emptyResponse(short))).toEqual([false]);
    expect(
      enabled(
        'conservative-tried',
        patient(birthDate(10)),
        emptyResponse(answer('duration-days', { valueInteger: 60 })),
      ),
    ).toEqual([false]);
  });

  it('enables postop-new-symptoms from the hx-spine-surgery answer or chart evidence', () => {
    const expression = enableExpression(item('postop-new-symptoms')) ?? '';
    const none = { resourceType: 'Bundle', type: 'searchset' };
    const fusion = {
      ...none,
      entry: [{ resource: { resourceType: 'Procedure', status: 'completed' } }],
    };
    const run = (response: QuestionnaireResponse, procedures: unknown) =>
      evaluate(
        response,
        expression,
        { resource: response, spineSurgeryConditions: none, spineSurgeryProcedures: procedures },
        r4,
      );
    expect(run(emptyResponse(answer('hx-spine-surgery', { valueBoolean: true })), none)).toEqual([
      true,
    ]);
    expect(run(emptyResponse(answer('hx-spine-surgery', { valueBoolean: false })), none)).toEqual([
      false,
    ]);
    // A clinician's No against chart evidence cannot hide it (§9.2).
    expect(run(emptyResponse(answer('hx-spine-surgery', { valueBoolean: false })), fusion)).toEqual(
      [true],
    );
  });

  it('computes age-years in completed years, empty for a partial birth date', () => {
    const expression =
      ext(item('age-years'), 'sdc-questionnaire-calculatedExpression')[0]?.valueExpression
        ?.expression ?? '';
    expect(evalOn(expression, patient(birthDate(40)))).toEqual([40]);
    expect(evalOn(expression, patient(birthDate(18, -1)))).toEqual([17]);
    expect(evalOn(expression, patient('2001'))).toEqual([]);
  });

  it('words the weight-loss item for children, and for an unknown age', () => {
    const expression =
      item('weight-loss-unexplained')._text?.extension?.[0]?.valueExpression?.expression ?? '';
    expect(evalOn(expression, patient(birthDate(40)))).toEqual(['Unexplained weight loss']);
    expect(evalOn(expression, patient(birthDate(10)))[0]).toMatch(/night sweats/);
    expect(evalOn(expression, patient(undefined))[0]).toMatch(/night sweats/);
  });

  it('pre-populates hx-cancer only with a positive answer', () => {
    const expression =
      ext(item('hx-cancer'), 'sdc-questionnaire-initialExpression')[0]?.valueExpression
        ?.expression ?? '';
    const bundle = (verification: string) => ({
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        {
          resource: {
            resourceType: 'Condition',
            verificationStatus: { coding: [{ code: verification }] },
          },
        },
      ],
    });
    const run = (b: unknown) => evaluateSync({}, expression, { malignancyConditions: b }, r4);
    expect(run(bundle('confirmed'))).toEqual([true]);
    expect(run(bundle('refuted'))).toEqual([]);
    expect(run({ resourceType: 'Bundle', type: 'searchset' })).toEqual([]);
  });
});
