/**
 * Audit — order codes of every imaging key and region (§10.6) and lab (§10.7) as they appear in
 * the output object, priority/occurrence per tier (§2, §7.2) and the §13 time format
 * (`evaluatedAt` echo, `occurrenceLatest` in T0's offset with seconds precision).
 * Expected values copied by hand from the spec tables.
 */
import { DEFAULT_TERMINOLOGY } from '@/lib/redflags/default-terminology';
import { imagingCodes } from '@/lib/redflags/orders';
import type { ImagingKey, Region } from '@/lib/redflags/types';
import { born, bundle, complete, qr, run } from './harness';

const CODES: readonly [ImagingKey, Region, string[], string, string | null, string][] = [
  ['MRI_WO', 'LUMBAR', ['72148'], '30679-5', 'RPID541', '394451000119106'],
  ['MRI_WWO', 'LUMBAR', ['72158'], '24967-2', 'RPID500', '41333006'],
  ['MRI_WO', 'THORACIC', ['72146'], '36532-0', 'RPID542', '396171000119100'],
  ['MRI_WWO', 'THORACIC', ['72157'], '24981-3', 'RPID544', '91333005'],
  ['MRI_WO', 'COMPLETE', ['72141', '72146', '72148'], '30854-4', null, '411611000119102'],
  ['MRI_WWO', 'COMPLETE', ['72156', '72157', '72158'], '30855-1', null, '495741000119105'],
  ['CT_WO', 'LUMBAR', ['72131'], '30620-9', 'RPID31', '572091000119106'],
  ['CT_WO', 'THORACIC', ['72128'], '30597-9', 'RPID51', '572081000119108'],
  ['CT_WO', 'COMPLETE', ['72128', '72131'], '83310-3', null, '702487007'],
  ['XR', 'LUMBAR', ['72100'], '24970-6', 'RPID2652', '840361000'],
  ['XR', 'THORACIC', ['72070'], '30753-8', 'RPID2666', '1290654008'],
  ['XR', 'COMPLETE', ['72082'], '24984-7', 'RPID2667', '444634007'],
  ['XR_PELVIS', 'PELVIS', ['72170'], '28561-9', 'RPID2709', '713021002'],
];

describe('audit §10.6 imaging codes', () => {
  it.each(CODES)('%s %s', (key, region, cpt, loinc, radlex, snomed) => {
    expect(imagingCodes(DEFAULT_TERMINOLOGY, key, region)).toEqual({ cpt, loinc, radlex, snomed });
  });

  it('§13 the output object carries the codes of the chosen study (CES + cancer + thoracic → MRI_WWO COMPLETE)', () => {
    const out = run(
      bundle(born(40)),
      qr(
        complete(40, { 'saddle-anesthesia': true, 'hx-cancer': true, 'pain-location': 'thoracic' }),
      ),
    );
    expect(out.imaging).toEqual({
      key: 'MRI_WWO',
      region: 'COMPLETE',
      priority: 'stat',
      occurrenceLatest: '2026-06-15T16:00:00Z',
      codes: {
        cpt: ['72156', '72157', '72158'],
        loinc: '30855-1',
        radlex: null,
        snomed: '495741000119105',
      },
    });
  });
});

describe('audit §10.7 lab order codes', () => {
  it('ESR 4537-7, CRP 1988-5, CBC 58410-2, blood culture 600-7, urinalysis 24357-6, in that order', () => {
    const out = run(
      bundle(born(40)),
      qr(complete(40, { 'fever-reported': true, 'visceral-signs': true })),
    );
    expect(out.labs).toEqual([
      { analyte: 'ESR', loinc: '4537-7' },
      { analyte: 'CRP', loinc: '1988-5' },
      { analyte: 'CBC', loinc: '58410-2' },
      { analyte: 'BLOOD_CULTURE', loinc: '600-7' },
      { analyte: 'URINALYSIS', loinc: '24357-6' },
    ]);
  });
});

/** [T0 as given, answers giving the tier, expected occurrenceLatest of the primary study]. */
const TIMING: readonly [
  string,
  string,
  Record<string, boolean | number | string>,
  string,
  string,
][] = [
  [
    'EMERGENT +4 h, Z',
    '2026-06-15T12:00:00Z',
    { 'saddle-anesthesia': true },
    'stat',
    '2026-06-15T16:00:00Z',
  ],
  [
    'URGENT +24 h, Z',
    '2026-06-15T12:00:00Z',
    { 'motor-grade-min': 3 },
    'urgent',
    '2026-06-16T12:00:00Z',
  ],
  [
    'SOON +7 d, Z',
    '2026-06-15T12:00:00Z',
    { 'hx-cancer': true },
    'routine',
    '2026-06-22T12:00:00Z',
  ],
  [
    'T0 without seconds keeps its offset',
    '2026-06-15T12:00-05:00',
    { 'motor-grade-min': 3 },
    'urgent',
    '2026-06-16T12:00:00-05:00',
  ],
  [
    '+00:00 is written +00:00 (not Z)',
    '2026-06-15T12:00:00+00:00',
    { 'saddle-anesthesia': true },
    'stat',
    '2026-06-15T16:00:00+00:00',
  ],
  [
    'half-hour offset',
    '2026-06-15T22:10:30+05:30',
    { 'saddle-anesthesia': true },
    'stat',
    '2026-06-16T02:10:30+05:30',
  ],
  [
    'fractional seconds → seconds precision',
    '2026-06-15T12:00:00.750Z',
    { 'saddle-anesthesia': true },
    'stat',
    '2026-06-15T16:00:00Z',
  ],
  [
    '-00:00 is kept as written (fixed in this audit)',
    '2026-06-15T12:00:00-00:00',
    { 'motor-grade-min': 3 },
    'urgent',
    '2026-06-16T12:00:00-00:00',
  ],
  [
    'SOON across month end in -08:00',
    '2026-06-28T20:00:00-08:00',
    { 'hx-cancer': true },
    'routine',
    '2026-07-05T20:00:00-08:00',
  ],
];

describe('audit §2 / §13 occurrenceLatest and evaluatedAt', () => {
  it.each(TIMING)('%s', (_label, now, overrides, priority, latest) => {
    const out = run(bundle(born(40)), qr(complete(40, overrides)), now);
    expect(out.evaluatedAt).toBe(now);
    expect(out.imaging?.priority).toBe(priority);
    expect(out.imaging?.occurrenceLatest).toBe(latest);
  });

  it('§7.2 secondary studies keep their own rule’s timing: trauma stat +4 h, pelvis routine +7 d', () => {
    const out = run(
      bundle(born(40)),
      qr(
        complete(40, {
          'motor-grade-min': 2,
          trauma: 'major',
          'ibp-features': true,
          'duration-days': 100,
        }),
      ),
      '2026-06-15T12:00:00+02:00',
    );
    expect(out.tier).toBe('EMERGENT');
    expect(out.imaging).toMatchObject({ key: 'MRI_WO', priority: 'stat' });
    expect(out.secondaryImaging).toEqual([
      expect.objectContaining({
        key: 'CT_WO',
        region: 'LUMBAR',
        priority: 'stat',
        occurrenceLatest: '2026-06-15T16:00:00+02:00',
        codes: { cpt: ['72131'], loinc: '30620-9', radlex: 'RPID31', snomed: '572091000119106' },
      }),
      expect.objectContaining({
        key: 'XR_PELVIS',
        region: 'PELVIS',
        priority: 'routine',
        occurrenceLatest: '2026-06-22T12:00:00+02:00',
      }),
    ]);
  });

  it('§13 fixed fields: ruleSet, and field names of the output object', () => {
    const out = run(bundle(born(40)), qr(complete(40)));
    expect(Object.keys(out).sort()).toEqual(
      [
        'ruleSet',
        'evaluatedAt',
        'status',
        'missingItems',
        'tier',
        'firedRules',
        'advisories',
        'pathwayLabel',
        'imaging',
        'secondaryImaging',
        'labs',
        'evidence',
      ].sort(),
    );
    expect(out.ruleSet).toBe('bp-redflag-1.1');
  });
});
