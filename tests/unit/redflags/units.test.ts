import { judge, roundTemperature, toCanonical, unitOf } from '@/lib/redflags/units';

describe('toCanonical (spec §3.4 unit table)', () => {
  it.each([
    ['ESR', 20, 'mm/h', 20],
    ['ESR', 20, 'mm/hr', 20],
    ['ESR', 20, 'mm/(1.h)', 20],
    ['ESR', 20, undefined, 20],
    ['CRP', 10, 'mg/L', 10],
    ['CRP', 10, 'mg/l', 10],
    ['CRP', 10, 'ug/mL', 10],
    ['CRP', 10, 'µg/mL', 10],
    ['CRP', 10, 'μg/ml', 10],
    ['CRP', 1.0, 'mg/dL', 10],
    ['CRP', 1.1, 'mg/dl', 11],
    ['CRP', 10000, 'ug/L', 10],
    ['CRP', 10000, 'ng/mL', 10],
    ['WBC', 11, '10*3/uL', 11],
    ['WBC', 11, '10^3/uL', 11],
    ['WBC', 11, 'x10E3/uL', 11],
    ['WBC', 11, 'K/uL', 11],
    ['WBC', 11, 'K/µL', 11],
    ['WBC', 11, '10*9/L', 11],
    ['WBC', 11, '10^9/l', 11],
    ['WBC', 11, 'x10E9/L', 11],
    ['WBC', 11, '/nL', 11],
    ['WBC', 11000, '/uL', 11],
    ['WBC', 11000, '{cells}/uL', 11],
    ['WBC', 11000, 'cells/uL', 11],
    ['WBC', 11000, '/mm3', 11],
    ['TEMPERATURE', 38, 'Cel', 38],
    ['TEMPERATURE', 38, 'degC', 38],
    ['TEMPERATURE', 38, '°C', 38],
    ['TEMPERATURE', 100.4, '[degF]', 38],
    ['TEMPERATURE', 100.4, 'degF', 38],
    ['TEMPERATURE', 100.2, '°F', 37.9],
    ['TEMPERATURE', 37.95, 'Cel', 38],
    ['TEMPERATURE', 37.94, 'Cel', 37.9],
    ['WEIGHT', 70, 'kg', 70],
    ['WEIGHT', 70000, 'g', 70],
    ['WEIGHT', 100, '[lb_av]', 45.359237],
    ['WEIGHT', 100, 'lb', 45.359237],
  ] as const)('%s %d %s → %d', (analyte, value, unit, expected) => {
    expect(toCanonical(analyte, value, unit)).toBe(expected);
  });

  it.each([
    ['ESR', 'mm/min'],
    ['CRP', 'nmol/L'],
    ['CRP', undefined],
    ['CRP', 'MG/L'],
    ['CRP', 'g/L'],
    ['WBC', '10*6/uL'],
    ['WBC', undefined],
    ['WBC', '/L'],
    ['TEMPERATURE', 'K'],
    ['TEMPERATURE', undefined],
    ['WEIGHT', '[stone_av]'],
    ['WEIGHT', 'mg'],
  ] as const)('%s in %s is unusable', (analyte, unit) => {
    expect(toCanonical(analyte, 5, unit)).toBeUndefined();
  });

  it('reads the code before the unit text, and ignores empty strings', () => {
    expect(unitOf('mg/dL', 'mg/L')).toBe('mg/dL');
    expect(unitOf(undefined, 'mg/L')).toBe('mg/L');
    expect(unitOf('', 'mg/L')).toBe('mg/L');
    expect(unitOf(undefined, undefined)).toBeUndefined();
  });

  it('rounds temperatures half-up to 0.1 °C', () => {
    expect(roundTemperature(37.95)).toBe(38);
    expect(roundTemperature(37.949999999)).toBe(38);
    expect(roundTemperature(37.94)).toBe(37.9);
  });
});

describe('judge (spec §3.5 comparator table)', () => {
  it.each([
    // plain values
    [25, undefined, 20, 'ge', 'elevated'],
    [20, undefined, 20, 'ge', 'elevated'],
    [19.9, undefined, 20, 'ge', 'normal'],
    [10, undefined, 10, 'gt', 'normal'],
    [10.1, undefined, 10, 'gt', 'elevated'],
    // ">" b: elevated if b ≥ t
    [10, '>', 10, 'gt', 'elevated'],
    [9, '>', 10, 'gt', 'indeterminate'],
    [20, '>', 20, 'ge', 'elevated'],
    // ">=" b: gt → b > t; ge → b ≥ t
    [10, '>=', 10, 'gt', 'indeterminate'],
    [10.5, '>=', 10, 'gt', 'elevated'],
    [20, '>=', 20, 'ge', 'elevated'],
    [19, '>=', 20, 'ge', 'indeterminate'],
    // "<" b: normal if b ≤ t
    [10, '<', 10, 'gt', 'normal'],
    [11, '<', 10, 'gt', 'indeterminate'],
    [20, '<', 20, 'ge', 'normal'],
    // "<=" b: gt → b ≤ t; ge → b < t
    [10, '<=', 10, 'gt', 'normal'],
    [20, '<=', 20, 'ge', 'indeterminate'],
    [19, '<=', 20, 'ge', 'normal'],
  ] as const)('%d %s vs %d (%s) → %s', (value, comparator, threshold, kind, expected) => {
    expect(judge(value, comparator, threshold, kind)).toBe(expected);
  });
});
