import {
  aCondition,
  aMedicationRequest,
  aProcedure,
  clinical,
  daysBefore,
  hoursBefore,
  screenCase,
} from '../../fixtures/chart';

describe('Condition filters (spec §3.6)', () => {
  const diabetes = (extra: Parameters<typeof aCondition>[1]) => aCondition('E11.9', extra);
  it.each([
    ['no statuses (absent counts)', diabetes({}), true],
    ['active', diabetes({ clinicalStatus: clinical('active') }), true],
    ['recurrence', diabetes({ clinicalStatus: clinical('recurrence') }), true],
    ['relapse', diabetes({ clinicalStatus: clinical('relapse') }), true],
    ['inactive', diabetes({ clinicalStatus: clinical('inactive') }), false],
    ['remission', diabetes({ clinicalStatus: clinical('remission') }), false],
    ['resolved', diabetes({ clinicalStatus: clinical('resolved') }), false],
    [
      'a non-HL7 clinical status coding is ignored',
      diabetes({ clinicalStatus: { coding: [{ system: 'http://x', code: 'resolved' }] } }),
      true,
    ],
    [
      'abatementDateTime at T0 (at or before T0: abated)',
      diabetes({ abatementDateTime: '2026-06-15T12:00:00Z' }),
      false,
    ],
    [
      'abatementPeriod.end after T0',
      diabetes({ abatementPeriod: { end: hoursBefore(-24) } }),
      true,
    ],
    [
      'abatementPeriod.start before T0',
      diabetes({ abatementPeriod: { start: daysBefore(3) } }),
      false,
    ],
    ['abatementPeriod without dates', diabetes({ abatementPeriod: {} }), false],
    ['abatementAge', diabetes({ abatementAge: { value: 30 } }), false],
    ['abatementRange', diabetes({ abatementRange: {} }), false],
    ['an unreadable abatement date', diabetes({ abatementDateTime: 'last year' }), false],
    [
      'a partial abatement year containing T0 (not yet reached)',
      diabetes({ abatementDateTime: '2026' }),
      true,
    ],
    ['a partial abatement month before T0', diabetes({ abatementDateTime: '2026-05' }), false],
  ] as const)('CURRENT filter: diabetes %s → counts %s', (_label, condition, counts) => {
    // DIABETES with a raised CRP → RF-INFECTION (IRF_ANY AND CRP_ELEV).
    const out = screenCase(40, [condition, { ...crpObservation() }], {});
    expect(out.firedRules.includes('RF-INFECTION')).toBe(counts);
  });

  it('HISTORY filter: a resolved or inactive malignancy still counts', () => {
    for (const status of ['resolved', 'inactive', 'remission']) {
      expect(
        screenCase(40, [aCondition('C61', { clinicalStatus: clinical(status) })], {}).firedRules,
      ).toContain('RF-CANCER-HX');
    }
  });
});

function crpObservation() {
  return {
    resourceType: 'Observation' as const,
    id: 'crp-raised',
    status: 'final' as const,
    code: { coding: [{ system: 'http://loinc.org', code: '1988-5' }] },
    subject: { reference: 'Patient/pt-1' },
    effectiveDateTime: hoursBefore(5),
    valueQuantity: { value: 30, unit: 'mg/L', code: 'mg/L' },
  };
}

describe('Procedure filters (spec §3.6, §10.4)', () => {
  it.each([
    [
      'completed fusion, any date',
      aProcedure('22612', { performedDateTime: '2001-01-01' }),
      'SPINE_SURGERY',
    ],
    ['fusion without date', aProcedure('22612'), 'SPINE_SURGERY'],
    [
      'fusion 30 days ago (also recent)',
      aProcedure('22612', { performedPeriod: { start: daysBefore(31), end: daysBefore(30) } }),
      'RECENT',
    ],
    [
      'injection with a partial date containing T0 (counts as recent)',
      aProcedure('62321', { performedDateTime: '2026-06' }),
      'RECENT',
    ],
    [
      'injection in progress',
      aProcedure('62321', { status: 'in-progress', performedDateTime: daysBefore(2) }),
      'NONE',
    ],
    [
      'injection entered-in-error',
      aProcedure('62321', { status: 'entered-in-error', performedDateTime: daysBefore(2) }),
      'NONE',
    ],
    [
      'injection stopped',
      aProcedure('62321', { status: 'stopped', performedDateTime: daysBefore(2) }),
      'NONE',
    ],
    [
      'a procedure of another code',
      aProcedure('99213', { performedDateTime: daysBefore(2) }),
      'NONE',
    ],
  ] as const)('%s', (_label, procedure, expected) => {
    // RECENT_PROC is IRF_WORKUP → RF-INFECT-RISK-WORKUP; SPINE_SURGERY enables postop-new-symptoms.
    const out = screenCase(40, [procedure], { 'postop-new-symptoms': true });
    expect(out.firedRules.includes('RF-INFECT-RISK-WORKUP')).toBe(expected === 'RECENT');
    expect(out.firedRules.includes('RF-POSTOP-NEW')).toBe(
      expected !== 'NONE' && procedure.code?.coding?.[0]?.code === '22612',
    );
  });
});

describe('MedicationRequests are suggestions only (spec §3.6, §10.5)', () => {
  it('an active long-term prednisone never changes the output', () => {
    const withMed = screenCase(
      40,
      [aMedicationRequest('8640', { authoredOn: daysBefore(200) })],
      {},
    );
    const without = screenCase(40, [], {});
    expect({ ...withMed, evidence: [] }).toEqual({ ...without, evidence: [] });
    expect(withMed.firedRules).toEqual([]);
  });
});
