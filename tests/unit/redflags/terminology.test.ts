import type { ValueSet } from 'fhir/r4';
import { DEFAULT_TERMINOLOGY } from '@/lib/redflags/default-terminology';
import { REQUIRED_VALUE_SETS, missingValueSets } from '@/lib/redflags/terminology';
import { aCondition, clinical, esr, screenCase } from '../../fixtures/chart';
import { FIXTURE_VALUE_SETS, terminologyWithout } from '../../fixtures/value-sets';
import { aChart, aPatient, answersFor, screen } from '../../fixtures/chart';

describe('default terminology (fhir-profiles ValueSets)', () => {
  it('has every ValueSet the engine reads', () => {
    expect(missingValueSets(DEFAULT_TERMINOLOGY)).toEqual([]);
    expect(REQUIRED_VALUE_SETS.length).toBeGreaterThan(40);
  });

  const listed = (vs: ValueSet) =>
    vs.compose?.include.flatMap((inc) =>
      (inc.concept ?? []).map((c) => ({ system: inc.system ?? '', code: c.code })),
    ) ?? [];
  const excluded = (vs: ValueSet) =>
    vs.compose?.exclude?.flatMap((inc) =>
      (inc.concept ?? []).map((c) => ({ system: inc.system ?? '', code: c.code })),
    ) ?? [];

  it.each(FIXTURE_VALUE_SETS.map((vs) => [vs.url ?? '', vs] as const))(
    '%s matches every code the spec lists and none it excludes',
    (url, vs) => {
      for (const coding of listed(vs)) {
        expect([coding.code, DEFAULT_TERMINOLOGY.matches(url, { coding: [coding] })]).toEqual([
          coding.code,
          true,
        ]);
      }
      for (const coding of excluded(vs)) {
        expect([coding.code, DEFAULT_TERMINOLOGY.matches(url, { coding: [coding] })]).toEqual([
          coding.code,
          false,
        ]);
      }
    },
  );

  it.each([
    ['C50.911', true],
    ['C50911', true],
    ['c50.911', true],
    ['C44.91', false],
    ['C79.51', true],
    ['D46.9', true],
    ['D47.Z9', true],
    ['Z85.3', true],
    ['Z85.828', false],
    ['D37.0', false],
    ['D05.10', false],
  ])('ICD-10-CM %s in condition-malignancy → %s (dot and case ignored, §3.6)', (code, expected) => {
    expect(
      DEFAULT_TERMINOLOGY.matches('http://spine-redflags.org/fhir/ValueSet/condition-malignancy', {
        coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code }],
      }),
    ).toBe(expected);
  });

  it('never throws on malformed concepts', () => {
    for (const junk of [
      null,
      3,
      'x',
      { coding: 'x' },
      { coding: [null, 5, { system: 3, code: {} }] },
    ]) {
      expect(
        DEFAULT_TERMINOLOGY.matches('http://spine-redflags.org/fhir/ValueSet/esr-decision', junk),
      ).toBe(false);
    }
    expect(
      DEFAULT_TERMINOLOGY.matches('http://example.org/unknown', {
        coding: [{ system: 'a', code: 'b' }],
      }),
    ).toBe(false);
  });
});

describe('code sets are a parameter', () => {
  it('removing a SNOMED malignancy concept makes RF-CANCER-HX stop firing for it', () => {
    const condition = aCondition('363346000', {
      system: 'http://snomed.info/sct',
      clinicalStatus: clinical('active'),
    });
    const chart = aChart(aPatient(40), [condition]);
    expect(screen(chart, answersFor(40)).firedRules).toContain('RF-CANCER-HX');
    const without = terminologyWithout('condition-malignancy', '363346000');
    expect(screen(chart, answersFor(40), undefined, without).firedRules).not.toContain(
      'RF-CANCER-HX',
    );
  });

  it('removing an ESR decision code makes that ESR invisible', () => {
    const chart = aChart(aPatient(40), [esr(80)]);
    const answers = answersFor(40, { 'hx-diabetes': true });
    expect(screen(chart, answers).firedRules).toContain('RF-INFECTION');
    expect(
      screen(chart, answers, undefined, terminologyWithout('esr-decision', '4537-7')).firedRules,
    ).not.toContain('RF-INFECTION');
  });

  it('the default terminology is what screenCase uses', () => {
    expect(screenCase(40, [esr(80)], { 'hx-diabetes': true }).firedRules).toContain('RF-INFECTION');
  });
});
