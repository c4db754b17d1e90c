import type { ScreenOutput } from '@/lib/redflags/types';
import { RULES } from '@/lib/redflags/evaluate';
import {
  buildImagingServiceRequests,
  imagingProposalsAllowed,
  studiesToPropose,
  type ImagingRequestInput,
} from '@/lib/builders/service-request';
import { DEFAULT_VALUE_SETS } from '@/lib/terminology';
import { expectValid } from '../../helpers/validate';

/** Spec example-02 (classic paediatric discitis, age 3) at T0 2026-06-15T12:00:00Z, by hand from §7 and §10.6. */
const DISCITIS: ScreenOutput = {
  ruleSet: 'bp-redflag-1.1',
  evaluatedAt: '2026-06-15T12:00:00Z',
  status: 'complete',
  missingItems: [],
  tier: 'URGENT',
  firedRules: ['RF-INFECTION', 'RF-PED-INFLAM'],
  advisories: [],
  pathwayLabel: 'PED-DISC',
  imaging: {
    key: 'MRI_WWO',
    region: 'COMPLETE',
    priority: 'urgent',
    occurrenceLatest: '2026-06-16T12:00:00Z',
    codes: {
      cpt: ['72156', '72157', '72158'],
      loinc: '30855-1',
      radlex: null,
      snomed: '495741000119105',
    },
  },
  secondaryImaging: [],
  labs: [{ analyte: 'BLOOD_CULTURE', loinc: '600-7' }],
  evidence: [
    { rule: 'RF-INFECTION', reference: 'Observation/t-1', detail: 'temperature 38.4 Cel' },
    { rule: 'RF-PED-INFLAM', reference: 'Observation/esr-1', detail: 'ESR 48 mm/h' },
    { rule: 'RF-PED-INFLAM', reference: 'QuestionnaireResponse#limp', detail: 'limp' },
  ],
};

/** A major-trauma CES case: EMERGENT, MRI_WO primary plus the CT trauma study (§7.2), and IBP's pelvis radiograph. */
const TRAUMA: ScreenOutput = {
  ...DISCITIS,
  tier: 'EMERGENT',
  firedRules: ['RF-CES', 'RF-TRAUMA-MAJOR', 'RF-IBP'],
  pathwayLabel: null,
  imaging: {
    key: 'MRI_WO',
    region: 'LUMBAR',
    priority: 'stat',
    occurrenceLatest: '2026-06-15T16:00:00Z',
    codes: { cpt: ['72148'], loinc: '30679-5', radlex: 'RPID541', snomed: '394451000119106' },
  },
  secondaryImaging: [
    {
      key: 'CT_WO',
      region: 'LUMBAR',
      priority: 'stat',
      occurrenceLatest: '2026-06-15T16:00:00Z',
      codes: { cpt: ['72131'], loinc: '30620-9', radlex: 'RPID31', snomed: '572091000119106' },
    },
    {
      key: 'XR_PELVIS',
      region: 'PELVIS',
      priority: 'routine',
      occurrenceLatest: '2026-06-22T12:00:00Z',
      codes: { cpt: ['72170'], loinc: '28561-9', radlex: 'RPID2709', snomed: '713021002' },
    },
  ],
  evidence: [
    {
      rule: 'RF-CES',
      reference: 'QuestionnaireResponse#saddle-anesthesia',
      detail: 'saddle anaesthesia',
    },
    { rule: 'RF-IBP', reference: 'Condition/c-as', detail: 'ankylosing spondylitis' },
  ],
};

function input(
  output: ScreenOutput,
  extra: Partial<ImagingRequestInput> = {},
): ImagingRequestInput {
  return {
    output,
    patientId: 'pt-1',
    authoredOn: '2026-06-15T12:00:00Z',
    screeningId: '6f1d2c3b-0000-4000-8000-000000000001',
    questionnaireResponseRef: 'urn:uuid:6f1d2c3b-0000-4000-8000-000000000001',
    requesterRef: 'Practitioner/dr-1',
    rules: RULES,
    valueSets: DEFAULT_VALUE_SETS,
    ...extra,
  };
}

describe('buildImagingServiceRequests', () => {
  it('proposes the primary study as a draft with the §10.6 codes, priority and occurrence of the tier', () => {
    const [sr, ...rest] = buildImagingServiceRequests(input(DISCITIS));
    expect(rest).toEqual([]);
    expect(sr).toMatchObject({
      status: 'draft',
      intent: 'proposal',
      category: [{ coding: [{ system: 'http://snomed.info/sct', code: '363679005' }] }],
      priority: 'urgent',
      subject: { reference: 'Patient/pt-1' },
      requester: { reference: 'Practitioner/dr-1' },
      authoredOn: '2026-06-15T12:00:00Z',
      occurrencePeriod: { start: '2026-06-15T12:00:00Z', end: '2026-06-16T12:00:00Z' },
      identifier: [
        {
          system: 'http://spine-redflags.org/fhir/identifier/suggestion',
          value: '6f1d2c3b-0000-4000-8000-000000000001-mri_wwo-complete',
        },
      ],
    });
    expect(sr?.code?.coding?.map((c) => `${c.system}|${c.code}`)).toEqual([
      'http://www.ama-assn.org/go/cpt|72156',
      'http://www.ama-assn.org/go/cpt|72157',
      'http://www.ama-assn.org/go/cpt|72158',
      'http://loinc.org|30855-1',
      'http://snomed.info/sct|495741000119105',
    ]);
    expect(sr?.reasonCode?.map((r) => r.coding?.[0]?.code)).toEqual([
      'M54.50',
      'RF-INFECTION',
      'RF-PED-INFLAM',
    ]);
    expect(sr?.supportingInfo).toEqual([
      { reference: 'urn:uuid:6f1d2c3b-0000-4000-8000-000000000001' },
      { reference: 'Observation/t-1' },
      { reference: 'Observation/esr-1' },
    ]);
    expect(sr?.note?.[0]?.text).toMatch(
      /^Suggested by rule set bp-redflag-1\.1: RF-INFECTION \(.+\); RF-PED-INFLAM \(.+\)\. Tier URGENT/,
    );
    if (sr) expectValid(sr);
  });

  it('writes each secondary study as its own proposal with its own rules and tier (§7.2)', () => {
    const requests = buildImagingServiceRequests(input(TRAUMA, { painLocation: 'thoracic' }));
    expect(
      requests.map((r) => [
        r.priority,
        r.code?.coding?.find((c) => c.system === 'http://loinc.org')?.code,
      ]),
    ).toEqual([
      ['stat', '30679-5'],
      ['stat', '30620-9'],
      ['routine', '28561-9'],
    ]);
    expect(requests[1]?.reasonCode?.map((r) => r.coding?.[0]?.code)).toEqual([
      'M54.6',
      'RF-TRAUMA-MAJOR',
    ]);
    expect(requests[2]?.reasonCode?.map((r) => r.coding?.[0]?.code)).toEqual(['M54.6', 'RF-IBP']);
    expect(requests[2]?.reasonReference).toEqual([{ reference: 'Condition/c-as' }]);
    expect(requests[2]?.note?.[0]?.text).toContain('Tier SOON');
    expect(new Set(requests.map((r) => r.identifier?.[0]?.value)).size).toBe(3);
    for (const sr of requests) expectValid(sr);
  });

  it('uses the chart back-pain diagnosis as the reason when there is one', () => {
    const [sr] = buildImagingServiceRequests(
      input(DISCITIS, {
        chartReason: {
          system: 'http://hl7.org/fhir/sid/icd-10-cm',
          code: 'M62.830',
          display: 'Muscle spasm of back',
        },
      }),
    );
    expect(sr?.reasonCode?.[0]?.coding?.[0]?.code).toBe('M62.830');
    if (sr) expectValid(sr);
  });

  it('proposes nothing for ROUTINE, pending-lab or provisional non-EMERGENT results', () => {
    const routine: ScreenOutput = {
      ...DISCITIS,
      tier: 'ROUTINE',
      firedRules: [],
      imaging: null,
      evidence: [],
    };
    const incompleteUrgent: ScreenOutput = {
      ...DISCITIS,
      status: 'incomplete',
      missingItems: ['limp'],
    };
    expect(buildImagingServiceRequests(input(routine))).toEqual([]);
    expect(buildImagingServiceRequests(input(incompleteUrgent))).toEqual([]);
    expect(imagingProposalsAllowed(incompleteUrgent)).toBe(false);
  });

  it('offers only the primary study of an incomplete evaluation with a provisional EMERGENT tier (§8.4)', () => {
    const provisional: ScreenOutput = {
      ...TRAUMA,
      status: 'incomplete',
      missingItems: ['hx-cancer'],
    };
    expect(studiesToPropose(provisional).map((s) => s.key)).toEqual(['MRI_WO']);
    const [sr] = buildImagingServiceRequests(input(provisional));
    expect(sr?.note?.[0]?.text).toContain('Provisional');
    if (sr) expectValid(sr);
  });
});
