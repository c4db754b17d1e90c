import { evaluateScreen } from '@/lib/redflags/evaluate';
import { DEFAULT_TERMINOLOGY } from '@/lib/redflags/default-terminology';
import { RULES, ADVISORIES } from '@/lib/redflags/evaluate';
import { ADVISORY_IDS, RULE_IDS } from '@/lib/redflags/types';
import {
  aChart,
  aCondition,
  aPatient,
  answersFor,
  crp,
  esr,
  hoursBefore,
  screen,
  screenCase,
  temperature,
} from '../../fixtures/chart';

describe('registries (spec §5)', () => {
  it('hold every rule in canonical order and every advisory in §5.4 order', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
    expect(ADVISORIES.map((a) => a.id)).toEqual([...ADVISORY_IDS]);
    expect(RULE_IDS).toHaveLength(22);
    expect(ADVISORY_IDS).toHaveLength(7);
  });
});

describe('combination (spec §7)', () => {
  it('takes the highest tier and upgrades MRI_WO to MRI_WWO (CES with cancer history, §7.1)', () => {
    const out = screenCase(40, [], { 'saddle-anesthesia': true, 'hx-cancer': true });
    expect(out.firedRules).toEqual(['RF-CES', 'RF-CANCER-HX']);
    expect(out.tier).toBe('EMERGENT');
    expect(out.imaging).toMatchObject({
      key: 'MRI_WWO',
      priority: 'stat',
      occurrenceLatest: '2026-06-15T16:00:00Z',
    });
  });

  it('writes occurrenceLatest in T0’s offset (§13)', () => {
    const out = screen(
      aChart(aPatient(40)),
      answersFor(40, { 'motor-grade-min': 2 }),
      '2026-06-15T23:30:00-05:00',
    );
    expect(out.evaluatedAt).toBe('2026-06-15T23:30:00-05:00');
    expect(out.imaging?.occurrenceLatest).toBe('2026-06-16T23:30:00-05:00');
    const plus = screen(
      aChart(aPatient(40)),
      answersFor(40, { 'motor-grade-min': 2 }),
      '2026-06-15T12:00+00:00',
    );
    expect(plus.imaging?.occurrenceLatest).toBe('2026-06-16T12:00:00+00:00');
  });

  it('says imaging is pending (null) when only work-up rules fired', () => {
    expect(screenCase(40, [], { 'hx-ivdu': 'current' })).toMatchObject({
      tier: 'URGENT',
      imaging: null,
    });
  });

  it('orders labs ESR, CRP, CBC, BLOOD_CULTURE, URINALYSIS with their LOINC codes (§7.4, §10.7)', () => {
    const out = screenCase(40, [], { 'fever-reported': true, 'visceral-signs': true });
    expect(out.labs).toEqual([
      { analyte: 'ESR', loinc: '4537-7' },
      { analyte: 'CRP', loinc: '1988-5' },
      { analyte: 'CBC', loinc: '58410-2' },
      { analyte: 'BLOOD_CULTURE', loinc: '600-7' },
      { analyte: 'URINALYSIS', loinc: '24357-6' },
    ]);
  });

  it('lists each advisory once, in §5.4 order', () => {
    const out = screenCase(1, [aCondition('E11.9')], {
      'radicular-pain': true,
      'visceral-signs': true,
      'hx-diabetes': false,
      trauma: 'minor-fall',
    });
    expect(out.advisories).toEqual([
      'ADV-RADICULOPATHY',
      'ADV-VISCERAL',
      'ADV-DISCREPANCY',
      'ADV-NAI',
    ]);
  });

  it('gives every fired rule and advisory at least one evidence entry, in output order', () => {
    const out = screenCase(60, [esr(40), crp(3), temperature(38.5, hoursBefore(2))], {
      'hx-ivdu': 'current',
      'radicular-pain': true,
    });
    const rules = [...out.firedRules, ...out.advisories];
    expect([...new Set(out.evidence.map((e) => e.rule))]).toEqual(rules);
  });
});

describe('undetermined age (spec §3.1, §8.4)', () => {
  it('with no birthDate evaluates every age class and merges', () => {
    const out = screen(aChart(aPatient(null)), answersFor(40, { trauma: 'major' }));
    expect(out.status).toBe('incomplete');
    expect(out.missingItems).toEqual([
      'age-years',
      'limp',
      'irritability',
      'decreased-rom',
      'constant-pain',
      'abnormal-neuro-exam',
      'morning-stiffness',
    ]);
    expect(out.firedRules).toEqual(['RF-TRAUMA-MAJOR', 'RF-FRACTURE-RISK']);
    expect(out.advisories).toEqual(['ADV-NAI']);
    expect(out.tier).toBe('EMERGENT');
    expect(out.imaging).toMatchObject({ key: 'CT_WO', region: 'LUMBAR', priority: 'stat' });
    expect(out.secondaryImaging).toEqual([]);
    expect(out.pathwayLabel).toBeNull();
  });

  it('a birth year spanning 17/18 evaluates the classes 16–17 and 18–50', () => {
    const result = evaluateScreen(
      aChart(aPatient('2008')),
      answersFor(40),
      '2026-06-15T12:00:00Z',
      DEFAULT_TERMINOLOGY,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.evaluation.ages.map((a) => a.age)).toEqual([17, 18]);
    expect(result.evaluation.output.missingItems[0]).toBe('age-years');
  });

  it('a birth year inside one class is determined (AGE = AGE_min)', () => {
    const out = screen(aChart(aPatient('2000')), answersFor(25));
    expect(out).toMatchObject({ status: 'complete', missingItems: [] });
  });

  it('a birthDate after T0 is unusable', () => {
    expect(screen(aChart(aPatient('2026-07-01')), answersFor(40)).missingItems[0]).toBe(
      'age-years',
    );
  });

  it('merges: highest tier of any class, broadest region for the highest key', () => {
    const out = screen(
      aChart(aPatient(null)),
      answersFor(40, { 'night-pain': true, 'hx-immunosuppression': true }),
    );
    // Under 5, night pain is a discitis feature → RF-PED-DISC-WORKUP (URGENT) in those classes.
    expect(out.firedRules).toEqual(['RF-PED-DISC-WORKUP', 'RF-IMMUNOSUPP', 'RF-FRACTURE-RISK']);
    expect(out.tier).toBe('URGENT');
    // MRI_WWO in every class; COMPLETE under 5 (§7.3 row 1) is the broadest.
    expect(out.imaging).toMatchObject({ key: 'MRI_WWO', region: 'COMPLETE', priority: 'urgent' });
  });
});

describe('determinism and purity', () => {
  it('identical inputs give identical outputs', () => {
    const chart = aChart(aPatient(8), [esr(40, hoursBefore(3)), temperature(38.2, hoursBefore(3))]);
    const answers = answersFor(8, { limp: true });
    expect(screen(chart, answers)).toEqual(screen(chart, answers));
  });

  it('refuses an invalid T0 and unusable answers as values, not exceptions', () => {
    expect(evaluateScreen(aChart(), undefined, 'tomorrow', DEFAULT_TERMINOLOGY)).toMatchObject({
      ok: false,
    });
    expect(
      evaluateScreen(
        aChart(),
        { resourceType: 'Patient' },
        '2026-06-15T12:00:00Z',
        DEFAULT_TERMINOLOGY,
      ),
    ).toMatchObject({
      ok: false,
    });
  });

  it('a failed chart search makes the evaluation incomplete (facts unknown, never negative)', () => {
    const chart = {
      ...aChart(aPatient(40)),
      failures: new Map([['Condition', { status: 403, message: 'no' }]] as const),
    };
    expect(screen(chart, answersFor(40))).toMatchObject({ status: 'incomplete', missingItems: [] });
  });
});
