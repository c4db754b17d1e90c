import type { ValueSet } from 'fhir/r4';
import {
  CODE_SYSTEM_URLS,
  DEFAULT_VALUE_SETS,
  EXTERNAL_SYSTEMS,
  TERMINOLOGY_BUNDLE,
  VALUE_SET_URLS,
  imagingValueSetUrl,
  type ImagingKey,
  type ImagingRegion,
} from '@/lib/terminology';

const { ICD_10_CM: ICD, SNOMED_CT: SCT, LOINC, CPT, RADLEX } = EXTERNAL_SYSTEMS;
const vs = (url: string) => DEFAULT_VALUE_SETS.valueSet(url);
const has = (url: string, system: string, code: string) => vs(url).matchesCoding({ system, code });
const resources: ValueSet[] = (TERMINOLOGY_BUNDLE.entry ?? []).flatMap((e) =>
  e.resource?.resourceType === 'ValueSet' ? [e.resource] : [],
);
const resource = (url: string) => resources.find((r) => r.url === url);

describe('VALUE_SET_URLS', () => {
  it('names every generated ValueSet, and every constant resolves', () => {
    expect(new Set(Object.values(VALUE_SET_URLS))).toEqual(new Set(resources.map((r) => r.url)));
    for (const url of Object.values(VALUE_SET_URLS)) expect(() => vs(url)).not.toThrow();
  });

  it('are version 1.1 of the project canonical base', () => {
    for (const r of resources) {
      expect(r.url).toBe(`http://spine-redflags.org/fhir/ValueSet/${r.id}`);
      expect(r.version).toBe('1.1');
      expect(r.description).toBeTruthy();
    }
  });
});

describe('observation value sets (§10.1)', () => {
  it.each([
    [
      VALUE_SET_URLS.ESR_DECISION,
      ['30341-2', '4537-7', '4538-5', '82477-1'],
      ['18184-2', '43402-7'],
    ],
    [
      VALUE_SET_URLS.CRP_DECISION,
      ['1988-5', '30522-7', '71426-1', '48421-2'],
      ['76485-2', '11039-5'],
    ],
    [
      VALUE_SET_URLS.WBC_DECISION,
      ['6690-2', '26464-8', '804-5', '33256-9', '12227-5'],
      ['49498-9', '92635-2'],
    ],
    [
      VALUE_SET_URLS.BODY_TEMPERATURE,
      ['8310-5', '8331-1', '8332-9', '8328-7', '8333-7', '8334-5', '60834-9', '60836-4', '75539-7'],
      [],
    ],
    [VALUE_SET_URLS.BODY_WEIGHT, ['29463-7', '3141-9'], ['8335-2']],
    [VALUE_SET_URLS.PAIN_SCORE, ['72514-3', '38208-5'], []],
    [VALUE_SET_URLS.BLOOD_CULTURE, ['600-7'], []],
  ])('%s holds exactly its decision codes', (url, inside, outside) => {
    expect(vs(url).codings.map((c) => c.code)).toEqual(inside);
    for (const code of outside) expect(has(url, LOINC, code)).toBe(false);
    expect(vs(url).codings.every((c) => c.system === LOINC)).toBe(true);
  });
});

describe('condition value sets (§10.3)', () => {
  it.each([
    // A. malignancy: C00–C96 incl. C4A/C7A/C7B, minus C44; D45, D46.*, D47.Z*; Z85.* minus Z85.828
    [
      VALUE_SET_URLS.CONDITION_MALIGNANCY,
      [
        'C00.0',
        'C34.90',
        'C50.911',
        'C4A.9',
        'C7A.00',
        'C7B.02',
        'C79.51',
        'C90.00',
        'C96.9',
        'D45',
        'D46.9',
        'D47.Z1',
        'Z85.3',
        'Z85.820',
        'Z85.821',
        'c50911',
      ],
      ['C44.91', 'C44.01', 'C97', 'D00.0', 'D47.1', 'D47.9', 'Z85.828', 'D37.1'],
    ],
    // B. osteoporosis
    [VALUE_SET_URLS.CONDITION_OSTEOPOROSIS, ['M80.08XA', 'M81.0', 'M81.8'], ['Z87.310', 'M82']],
    [
      VALUE_SET_URLS.CONDITION_OSTEOPOROSIS_HISTORY_FRACTURE,
      ['Z87.310', 'Z87310'],
      ['Z87.31', 'M81.0'],
    ],
    // C. steroids: Z79.52 authoritative, Z92.241 suggestion only
    [VALUE_SET_URLS.CONDITION_STEROID_LONGTERM, ['Z79.52'], ['Z92.241', 'Z79.5']],
    [VALUE_SET_URLS.CONDITION_STEROID_HISTORY, ['Z92.241'], ['Z79.52']],
    // D. immunosuppression (Z94.5/.6/.7 excluded)
    [
      VALUE_SET_URLS.CONDITION_IMMUNOSUPPRESSION,
      [
        'B20',
        'Z21',
        'D80.0',
        'D84.821',
        'D84.9',
        'Z94.0',
        'Z94.4',
        'Z94.81',
        'Z94.82',
        'Z94.89',
        'Z79.60',
        'Z79.620',
        'Z79.621',
      ],
      ['Z94.5', 'Z94.6', 'Z94.7', 'D85', 'Z79.52'],
    ],
    // E. IVDU prompt only
    [
      VALUE_SET_URLS.CONDITION_SUBSTANCE_USE_PROMPT,
      ['F11.10', 'F11.20', 'F14.20', 'F15.10', 'F19.20'],
      ['F10.20', 'F12.10'],
    ],
    // F. diabetes
    [
      VALUE_SET_URLS.CONDITION_DIABETES,
      ['E08.9', 'E09.9', 'E10.9', 'E11.9', 'E11.65', 'E13.9'],
      ['E14.9', 'E07.9', 'O24.4'],
    ],
    // G. spine surgery; Z98.1 prompt only
    [VALUE_SET_URLS.CONDITION_SPINE_SURGERY, ['M96.0', 'M96.1'], ['Z98.1']],
    [VALUE_SET_URLS.CONDITION_ARTHRODESIS_STATUS_PROMPT, ['Z98.1'], ['M96.1']],
    // H–J
    [VALUE_SET_URLS.CONDITION_DIALYSIS, ['Z99.2'], ['Z99.1']],
    [
      VALUE_SET_URLS.CONDITION_ANKYLOSED_SPINE,
      ['M45.9', 'M45.6', 'M48.10', 'M48.19'],
      ['M48.0', 'M46.1'],
    ],
    [
      VALUE_SET_URLS.CONDITION_CHRONIC_LIVER,
      ['K70.30', 'K70.31', 'K74.60', 'K74.69', 'F10.20', 'F10.239'],
      ['K70.0', 'K74.0', 'F10.10'],
    ],
    [
      VALUE_SET_URLS.CONDITION_BACK_PAIN,
      ['M54.50', 'M54.51', 'M54.59', 'M62.830', 'M54.6'],
      ['M54.2', 'M62.831'],
    ],
    [VALUE_SET_URLS.REASON_BACK_PAIN, ['M54.50', 'M54.59', 'M54.6', 'M62.830'], ['M54.5']],
  ])('%s (ICD-10-CM)', (url, inside, outside) => {
    for (const code of inside) expect([code, has(url, ICD, code)]).toEqual([code, true]);
    for (const code of outside) expect([code, has(url, ICD, code)]).toEqual([code, false]);
  });

  it.each([
    [VALUE_SET_URLS.CONDITION_MALIGNANCY, '363346000', 40],
    [VALUE_SET_URLS.CONDITION_IMMUNOSUPPRESSION, '234532001', 10],
    [VALUE_SET_URLS.CONDITION_DIABETES, '73211009', 10],
    [VALUE_SET_URLS.CONDITION_OSTEOPOROSIS, '64859006', 20],
    [VALUE_SET_URLS.CONDITION_CHRONIC_LIVER, '19943007', 20],
    [VALUE_SET_URLS.CONDITION_ANKYLOSED_SPINE, '9631008', 7],
    [VALUE_SET_URLS.PROCEDURE_SPINE_SURGERY, '55705006', 21],
  ])(
    '%s ships a curated SNOMED CT expansion of << %s and says a server could widen it',
    (url, root, atLeast) => {
      const snomed = vs(url).codings.filter((c) => c.system === SCT);
      expect(snomed.map((c) => c.code)).toContain(root);
      expect(snomed.length).toBeGreaterThanOrEqual(atLeast);
      expect(snomed.every((c) => c.display)).toBe(true);
      expect(resource(url)?.description).toMatch(/terminology server/);
    },
  );

  it('lists ankylosing spondylitis variants and DISH, not axial spondyloarthritis (§10.3 I)', () => {
    const url = VALUE_SET_URLS.CONDITION_ANKYLOSED_SPINE;
    // Verified ids (OpenSAFELY / GM-SDE code lists, VSAC 2.16.840.1.113762.1.4.1021.95).
    for (const code of ['239805001', '239810002', '239811003', '786077003', '31487001'])
      expect([code, has(url, SCT, code)]).toEqual([code, true]);
    // Axial spondyloarthritis and non-radiographic axSpA are not an ankylosed spine (spec §12).
    for (const code of ['723116002', '713777005'])
      expect([code, has(url, SCT, code)]).toEqual([code, false]);
    expect(resource(url)?.description).not.toMatch(/need a terminology server/);
  });

  it('lists the common osteoporosis concepts, vertebral fractures included (§10.3 B)', () => {
    const url = VALUE_SET_URLS.CONDITION_OSTEOPOROSIS;
    // Verified ids (VSAC 2.16.840.1.113883.3.464.1003.113.12.1038, SNOMED CT US 2023-09).
    for (const code of ['18040001', '390833005', '203451004', '240198002'])
      expect([code, has(url, SCT, code)]).toEqual([code, true]);
  });

  it('lists the common cirrhosis concepts beside alcohol dependence (§10.3 J)', () => {
    const url = VALUE_SET_URLS.CONDITION_CHRONIC_LIVER;
    // Verified ids (VSAC 2.16.840.1.113883.3.464.1003.199.12.1035 and 2.16.840.1.113762.1.4.1047.42).
    for (const code of ['31712002', '831000119103', '21861000', '66590003'])
      expect([code, has(url, SCT, code)]).toEqual([code, true]);
    // Chronic hepatitis without cirrhosis is not CHRONIC_LIVER.
    expect(has(url, SCT, '128302006')).toBe(false);
  });

  it('keeps non-melanoma skin cancer out and melanoma in', () => {
    const url = VALUE_SET_URLS.CONDITION_MALIGNANCY;
    expect(has(url, SCT, '254701007')).toBe(false);
    expect(has(url, SCT, '372244006')).toBe(true);
    expect(has(url, ICD, 'C43.9')).toBe(true);
  });

  it('documents the ICD-10-CM normalisation in every value set that holds ICD-10-CM codes', () => {
    for (const r of resources) {
      const icdInclude = [...(r.compose?.include ?? []), ...(r.compose?.exclude ?? [])].some(
        (i) => i.system === ICD,
      );
      if (icdInclude)
        expect([r.id, r.description]).toEqual([
          r.id,
          expect.stringMatching(/without the dot and case-insensitively/),
        ]);
    }
  });

  it('writes ICD-10-CM ranges as regex filters', () => {
    const filters = (resource(VALUE_SET_URLS.CONDITION_MALIGNANCY)?.compose?.include ?? []).flatMap(
      (i) => i.filter ?? [],
    );
    expect(filters.length).toBeGreaterThan(0);
    expect(filters.every((f) => f.property === 'code' && f.op === 'regex')).toBe(true);
  });
});

describe('procedure and medication value sets (§10.4, §10.5)', () => {
  it('separates spine surgery from spinal injections', () => {
    for (const code of ['22558', '22612', '22630', '22633', '63030', '63047'])
      expect(has(VALUE_SET_URLS.PROCEDURE_SPINE_SURGERY, CPT, code)).toBe(true);
    for (const code of ['62321', '62323', '64483']) {
      expect(has(VALUE_SET_URLS.PROCEDURE_SPINAL_INJECTION, CPT, code)).toBe(true);
      expect(has(VALUE_SET_URLS.PROCEDURE_SPINE_SURGERY, CPT, code)).toBe(false);
    }
  });

  it('puts SNOMED CT fusion, laminectomy and discectomy concepts in spine surgery only (§10.3 G, §10.4)', () => {
    // Verified ids (HL7/fhir-ips ProceduresSnomedCtIpsFreeSet).
    const surgery = [
      '50172003',
      '34238000',
      '448942003',
      '387731002',
      '427752004',
      '3418002',
      '89355001',
    ];
    for (const code of surgery) {
      expect([code, has(VALUE_SET_URLS.PROCEDURE_SPINE_SURGERY, SCT, code)]).toEqual([code, true]);
      expect([code, has(VALUE_SET_URLS.PROCEDURE_SPINAL_INJECTION, SCT, code)]).toEqual([
        code,
        false,
      ]);
    }
  });

  it('lists the RxNorm ingredients of §10.5', () => {
    expect(vs(VALUE_SET_URLS.MEDICATION_SYSTEMIC_GLUCOCORTICOID).codings).toHaveLength(8);
    expect(vs(VALUE_SET_URLS.MEDICATION_IMMUNOSUPPRESSANT).codings).toHaveLength(12);
  });
});

describe('imagingValueSetUrl (§10.6)', () => {
  const rows: [ImagingKey, ImagingRegion, string[], string, string | null, string][] = [
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

  it.each(rows)(
    '%s %s carries the codes of its row, CPT first',
    (key, region, cpt, loinc, radlex, snomed) => {
      const url = imagingValueSetUrl(key, region);
      expect(url).toBeDefined();
      const codings = url ? vs(url).codings : [];
      const of = (system: string) => codings.filter((c) => c.system === system).map((c) => c.code);
      expect(of(CPT)).toEqual(cpt);
      expect(of(LOINC)).toEqual([loinc]);
      expect(of(RADLEX)).toEqual(radlex ? [radlex] : []);
      expect(of(SCT)).toEqual([snomed]);
      expect(codings[0]?.system).toBe(CPT);
      expect(url && has(VALUE_SET_URLS.IMAGING_SPINE, LOINC, loinc)).toBe(true);
    },
  );

  it('has no URL for a combination §10.6 lacks', () => {
    expect(imagingValueSetUrl('XR_PELVIS', 'LUMBAR')).toBeUndefined();
    expect(imagingValueSetUrl('MRI_WO', 'PELVIS')).toBeUndefined();
  });
});

describe('laboratory and rule value sets', () => {
  it('puts the reported order code first (§7.5, §10.7)', () => {
    expect(vs(VALUE_SET_URLS.LAB_ORDER_ESR).codings[0]?.code).toBe('4537-7');
    expect(vs(VALUE_SET_URLS.LAB_ORDERS).matchesCoding({ system: LOINC, code: '24357-6' })).toBe(
      true,
    );
  });

  it('lists the 22 rules, 7 advisories and 4 tiers of rule set bp-redflag-1.1', () => {
    const codes = (url: string) => vs(url).codings.map((c) => c.code);
    expect(codes(VALUE_SET_URLS.RED_FLAG_RULE_IDS)).toEqual([
      'RF-CES',
      'RF-NEURO-PROG',
      'RF-TRAUMA-MAJOR',
      'RF-MOTOR-MAJOR',
      'RF-INFECTION',
      'RF-ADULT-INFLAM',
      'RF-FEVER-WORKUP',
      'RF-PED-INFLAM',
      'RF-PED-DISC-WORKUP',
      'RF-PED-NEURO',
      'RF-CANCER-HX',
      'RF-CANCER-MULTI',
      'RF-IMMUNOSUPP',
      'RF-FRACTURE-RISK',
      'RF-POSTOP-NEW',
      'RF-PERSISTENT',
      'RF-RADIC-SEVERE',
      'RF-WEIGHT-LOSS',
      'RF-IBP',
      'RF-INFECT-RISK-WORKUP',
      'RF-FEVER-LABS-NEG',
      'RF-PED-REDFLAG',
    ]);
    expect(codes(VALUE_SET_URLS.RED_FLAG_ADVISORY_IDS)).toEqual([
      'ADV-RADICULOPATHY',
      'ADV-VISCERAL',
      'ADV-DISCREPANCY',
      'ADV-STALE-ELEVATED',
      'ADV-IRF-LABS-NEG',
      'ADV-DATA-QUALITY',
      'ADV-NAI',
    ]);
    expect(codes(VALUE_SET_URLS.RED_FLAG_TIERS)).toEqual(['EMERGENT', 'URGENT', 'SOON', 'ROUTINE']);
    expect(
      vs(VALUE_SET_URLS.RED_FLAG_TIERS).codings.every(
        (c) => c.system === CODE_SYSTEM_URLS.RED_FLAG_RULES,
      ),
    ).toBe(true);
  });
});
