import type { CodeSystem, ValueSet } from 'fhir/r4';
import {
  DEFAULT_VALUE_SETS,
  EXTERNAL_SYSTEMS,
  TERMINOLOGY_BUNDLE,
  VALUE_SET_URLS,
  compileValueSet,
  loadValueSets,
  normalizeCode,
} from '@/lib/terminology';

const ICD = EXTERNAL_SYSTEMS.ICD_10_CM;
const SCT = EXTERNAL_SYSTEMS.SNOMED_CT;
const icd = (code: string) => ({ system: ICD, code });

/** The generated ValueSets as plain data, for tests that inject modified copies. */
function generatedValueSets(): ValueSet[] {
  return (TERMINOLOGY_BUNDLE.entry ?? []).flatMap((e) =>
    e.resource?.resourceType === 'ValueSet' ? [e.resource] : [],
  );
}
function generatedCodeSystems(): CodeSystem[] {
  return (TERMINOLOGY_BUNDLE.entry ?? []).flatMap((e) =>
    e.resource?.resourceType === 'CodeSystem' ? [e.resource] : [],
  );
}
const clone = <T>(value: T): T => structuredClone(value);

describe('normalizeCode', () => {
  it('strips the dot and upper-cases ICD-10-CM codes only', () => {
    expect(normalizeCode(ICD, ' c50.911 ')).toBe('C50911');
    expect(normalizeCode(SCT, '363346000')).toBe('363346000');
    expect(normalizeCode('http://example.org', 'a.b')).toBe('a.b');
  });
});

describe('compileValueSet', () => {
  const vs: ValueSet = {
    resourceType: 'ValueSet',
    url: 'http://example.org/ValueSet/t',
    status: 'draft',
    compose: {
      include: [
        {
          system: ICD,
          filter: [
            {
              property: 'code',
              op: 'regex',
              value: 'C(0[0-9]|[1-8][0-9]|9[0-6]|4A)(\\.?[0-9A-Z]{1,4})?',
            },
          ],
        },
        { system: ICD, concept: [{ code: 'D45' }, { code: 'Z79.52' }] },
        { system: SCT, concept: [{ code: '363346000', display: 'Malignant neoplastic disease' }] },
        { system: 'http://example.org/cs' },
      ],
      exclude: [
        {
          system: ICD,
          filter: [{ property: 'code', op: 'regex', value: 'C44(\\.?[0-9A-Z]{1,4})?' }],
        },
        { system: ICD, concept: [{ code: 'C50.911' }] },
      ],
    },
  };
  const matcher = compileValueSet(vs);

  it.each([
    ['C50.912', true],
    ['c50912', true],
    ['C96', true],
    ['C97', false],
    ['C4A.0', true],
    ['C44.91', false],
    ['C44', false],
    ['C50.911', false],
    ['C50911', false],
    ['D45', true],
    ['d45', true],
    ['Z79.52', true],
    ['Z7952', true],
    ['Z79.5', false],
    ['C5', false],
  ])('ICD-10-CM %s -> %s', (code, expected) => {
    expect(matcher.matchesCoding(icd(code))).toBe(expected);
  });

  it('matches SNOMED CT exactly and by system', () => {
    expect(matcher.matchesCoding({ system: SCT, code: '363346000' })).toBe(true);
    expect(matcher.matchesCoding({ system: 'http://other', code: '363346000' })).toBe(false);
    expect(matcher.matchesCoding({ code: '363346000' })).toBe(false);
    expect(matcher.matchesCoding({ system: SCT })).toBe(false);
    expect(matcher.matchesCoding(undefined)).toBe(false);
  });

  it('includes a whole code system when an include has neither concept nor filter', () => {
    expect(matcher.matchesCoding({ system: 'http://example.org/cs', code: 'anything' })).toBe(true);
  });

  it('scans every coding of a CodeableConcept', () => {
    const concept = { coding: [{ system: 'http://local', code: 'x' }, icd('C34.90')] };
    expect(matcher.matchesConcept(concept)).toBe(true);
    expect(matcher.findCoding(concept)).toEqual(icd('C34.90'));
    expect(matcher.matchesConcept({ text: 'cancer' })).toBe(false);
    expect(matcher.matchesConcept(undefined)).toBe(false);
  });

  it('enumerates explicit concepts but not regex ranges', () => {
    expect(matcher.codings.map((c) => c.code)).toEqual(['D45', 'Z79.52', '363346000']);
  });

  it('refuses what it cannot evaluate instead of matching nothing', () => {
    const isA: ValueSet = {
      ...vs,
      compose: {
        include: [
          { system: SCT, filter: [{ property: 'concept', op: 'is-a', value: '363346000' }] },
        ],
      },
    };
    expect(() => compileValueSet(isA)).toThrow(/needs that CodeSystem/);
    const other: ValueSet = {
      ...vs,
      compose: {
        include: [{ system: ICD, filter: [{ property: 'parent', op: 'exists', value: 'true' }] }],
      },
    };
    expect(() => compileValueSet(other)).toThrow(/unsupported filter/);
    expect(() => compileValueSet({ ...vs, compose: undefined })).toThrow(/no compose/);
  });
});

describe('loadValueSets', () => {
  it('compiles the generated ValueSets, including value-set includes and CodeSystem filters', () => {
    const reasons = DEFAULT_VALUE_SETS.valueSet(VALUE_SET_URLS.IMAGING_REQUEST_REASON);
    expect(reasons.matchesCoding({ system: ICD, code: 'M54.50' })).toBe(true);
    expect(
      reasons.matchesCoding({
        system: 'http://spine-redflags.org/fhir/CodeSystem/red-flag-rules',
        code: 'RF-CES',
      }),
    ).toBe(true);
    expect(
      reasons.matchesCoding({
        system: 'http://spine-redflags.org/fhir/CodeSystem/red-flag-rules',
        code: 'EMERGENT',
      }),
    ).toBe(false);
    expect(
      reasons.matchesCoding({
        system: 'http://spine-redflags.org/fhir/CodeSystem/red-flag-rules',
        code: 'rule',
      }),
    ).toBe(false);
    expect(DEFAULT_VALUE_SETS.valueSet(VALUE_SET_URLS.RED_FLAG_RULE_IDS).codings).toHaveLength(22);
  });

  it('ignores a version suffix and throws for an unknown URL', () => {
    expect(DEFAULT_VALUE_SETS.valueSet(`${VALUE_SET_URLS.CONDITION_DIABETES}|1.1`).url).toBe(
      VALUE_SET_URLS.CONDITION_DIABETES,
    );
    expect(DEFAULT_VALUE_SETS.has('http://spine-redflags.org/fhir/ValueSet/nope')).toBe(false);
    expect(() =>
      DEFAULT_VALUE_SETS.valueSet('http://spine-redflags.org/fhir/ValueSet/nope'),
    ).toThrow(/Unknown ValueSet/);
  });

  it('reads the ValueSets as data: removing a code from the resource stops it matching', () => {
    const steroid = { system: ICD, code: 'Z79.52' };
    expect(
      DEFAULT_VALUE_SETS.valueSet(VALUE_SET_URLS.CONDITION_STEROID_LONGTERM).matchesCoding(steroid),
    ).toBe(true);

    const modified = generatedValueSets().map(clone);
    const target = modified.find((v) => v.url === VALUE_SET_URLS.CONDITION_STEROID_LONGTERM);
    for (const include of target?.compose?.include ?? []) {
      include.concept = include.concept?.filter((c) => c.code !== 'Z79.52');
    }
    const registry = loadValueSets([...modified, ...generatedCodeSystems()]);
    expect(
      registry.valueSet(VALUE_SET_URLS.CONDITION_STEROID_LONGTERM).matchesCoding(steroid),
    ).toBe(false);
  });

  it('reads regex ranges as data: removing the C00–C96 filter stops a cancer code matching', () => {
    const lung = icd('C34.90');
    expect(
      DEFAULT_VALUE_SETS.valueSet(VALUE_SET_URLS.CONDITION_MALIGNANCY).matchesCoding(lung),
    ).toBe(true);
    const modified = generatedValueSets().map(clone);
    const target = modified.find((v) => v.url === VALUE_SET_URLS.CONDITION_MALIGNANCY);
    if (target?.compose) {
      target.compose.include = target.compose.include.filter(
        (inc) => !inc.filter?.some((f) => f.value.startsWith('C(')),
      );
    }
    expect(
      loadValueSets(modified).valueSet(VALUE_SET_URLS.CONDITION_MALIGNANCY).matchesCoding(lung),
    ).toBe(false);
  });

  it('propagates a change to a value set that others include', () => {
    const modified = generatedValueSets().map(clone);
    const row = modified.find((v) => v.url === VALUE_SET_URLS.IMAGING_XR_PELVIS_PELVIS);
    if (row?.compose)
      row.compose.include = row.compose.include.filter(
        (inc) => inc.system !== EXTERNAL_SYSTEMS.CPT,
      );
    const registry = loadValueSets(modified);
    const pelvisCpt = DEFAULT_VALUE_SETS.valueSet(
      VALUE_SET_URLS.IMAGING_XR_PELVIS_PELVIS,
    ).codings.find((c) => c.system === EXTERNAL_SYSTEMS.CPT);
    expect(pelvisCpt).toBeDefined();
    expect(DEFAULT_VALUE_SETS.valueSet(VALUE_SET_URLS.IMAGING_SPINE).matchesCoding(pelvisCpt)).toBe(
      true,
    );
    expect(registry.valueSet(VALUE_SET_URLS.IMAGING_SPINE).matchesCoding(pelvisCpt)).toBe(false);
  });
});
