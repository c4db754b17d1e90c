/**
 * Audit — the `screen` command contract (clinical-spec §13): every listed exit-2 case, exit 3,
 * answers semantics (no value[x], nesting, unknown linkIds), subject matching, `evaluatedAt`, and
 * one run through `npm run --silent screen` exactly as a user would. Files are hand-built.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInProcess, runNpm, type RunResult } from '../../fixtures/cli';
import {
  FULL_URL,
  PID,
  born,
  bundle,
  complete,
  item,
  qr,
  type Json,
} from '../../unit/redflags/audit/harness';

const NOW = '2026-06-15T12:00:00Z';
let dir: string;
let n = 0;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'screen-audit-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a JSON (or raw text) file and returns its absolute path. */
function file(content: unknown): string {
  n += 1;
  const p = path.join(dir, `f${n}.json`);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

const ADULT_BUNDLE = () => file(bundle(born(40)));
const ANSWERS = () => complete(40);

function expectInputError(run: RunResult): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

/** A QuestionnaireResponse with one item's answer replaced by `answer` (raw FHIR). */
function qrWith(linkId: string, answer: Json[]): Json {
  const base = qr(ANSWERS());
  const items = (base.item as Json[]).filter((i) => i.linkId !== linkId);
  return { ...base, item: [...items, { linkId, answer }] };
}

describe('audit §13 exit 2 — unusable input', () => {
  const cases: [string, () => string[]][] = [
    ['no arguments (missing --bundle)', () => []],
    ['only --answers (no chart source)', () => ['--answers', file(qr(ANSWERS()))]],
    ['unknown option', () => ['--bundle', ADULT_BUNDLE(), '--verbose']],
    [
      'two chart sources (--bundle and --ndjson)',
      () => ['--bundle', ADULT_BUNDLE(), '--ndjson', dir],
    ],
    ['--fhir without --patient', () => ['--fhir', 'http://127.0.0.1:9/fhir']],
    ['--patient without --fhir', () => ['--bundle', ADULT_BUNDLE(), '--patient', 'p1']],
    ['--ndjson folder without Patient.ndjson', () => ['--ndjson', dir]],
    ['--now= with an empty value', () => ['--bundle', ADULT_BUNDLE(), '--now=']],
    ['stray positional argument', () => ['--bundle', ADULT_BUNDLE(), 'extra']],
    ['repeated --now', () => ['--bundle', ADULT_BUNDLE(), '--now', NOW, '--now', NOW]],
    ['repeated --bundle', () => ['--bundle', ADULT_BUNDLE(), '--bundle', ADULT_BUNDLE()]],
    ['--bundle without value (last)', () => ['--bundle']],
    [
      '--answers without value (followed by an option)',
      () => ['--bundle', ADULT_BUNDLE(), '--answers', '--now', NOW],
    ],
    ['--now without an offset', () => ['--bundle', ADULT_BUNDLE(), '--now', '2026-06-15T12:00:00']],
    ['--now date only', () => ['--bundle', ADULT_BUNDLE(), '--now', '2026-06-15']],
    ['--now 30 February', () => ['--bundle', ADULT_BUNDLE(), '--now', '2026-02-30T12:00:00Z']],
    ['--now hour 25', () => ['--bundle', ADULT_BUNDLE(), '--now', '2026-06-15T25:00:00Z']],
    [
      '--now offset without colon',
      () => ['--bundle', ADULT_BUNDLE(), '--now', '2026-06-15T12:00:00+0200'],
    ],
    ['unreadable bundle file', () => ['--bundle', path.join(dir, 'missing.json')]],
    ['bundle not JSON', () => ['--bundle', file('{"resourceType": "Bundle",')]],
    ['bundle is not a Bundle', () => ['--bundle', file({ resourceType: 'Patient', id: PID })]],
    [
      'Bundle without a Patient',
      () => ['--bundle', file({ resourceType: 'Bundle', type: 'collection', entry: [] })],
    ],
    [
      'Bundle with two Patients',
      () => [
        '--bundle',
        file({
          resourceType: 'Bundle',
          type: 'collection',
          entry: [
            { resource: { resourceType: 'Patient', id: 'a' } },
            { resource: { resourceType: 'Patient', id: 'b' } },
          ],
        }),
      ],
    ],
    ['answers not JSON', () => ['--bundle', ADULT_BUNDLE(), '--answers', file('nope')]],
    [
      'answers unreadable',
      () => ['--bundle', ADULT_BUNDLE(), '--answers', path.join(dir, 'none.json')],
    ],
    [
      'answers not a QuestionnaireResponse',
      () => ['--bundle', ADULT_BUNDLE(), '--answers', file(bundle(born(40)))],
    ],
    [
      'answers to another Questionnaire',
      () => [
        '--bundle',
        ADULT_BUNDLE(),
        '--answers',
        file(qr(ANSWERS(), { questionnaire: 'http://example.org/Questionnaire/phq9' })),
      ],
    ],
    [
      'answers to version 1.0',
      () => [
        '--bundle',
        ADULT_BUNDLE(),
        '--answers',
        file(
          qr(ANSWERS(), {
            questionnaire: 'http://spine-redflags.org/fhir/Questionnaire/back-pain-redflags|1.0',
          }),
        ),
      ],
    ],
    [
      'answers for another patient',
      () => [
        '--bundle',
        ADULT_BUNDLE(),
        '--answers',
        file(qr(ANSWERS(), { subject: { reference: 'Patient/other' } })),
      ],
    ],
    [
      'boolean item answered with valueString',
      () => [
        '--bundle',
        ADULT_BUNDLE(),
        '--answers',
        file(qrWith('night-pain', [{ valueString: 'no' }])),
      ],
    ],
    [
      'integer item answered with valueDecimal',
      () => [
        '--bundle',
        ADULT_BUNDLE(),
        '--answers',
        file(qrWith('duration-days', [{ valueDecimal: 3.5 }])),
      ],
    ],
    [
      'integer item with a non-integer valueInteger',
      () => [
        '--bundle',
        ADULT_BUNDLE(),
        '--answers',
        file(qrWith('duration-days', [{ valueInteger: 3.5 }])),
      ],
    ],
    [
      'choice item answered with valueString',
      () => [
        '--bundle',
        ADULT_BUNDLE(),
        '--answers',
        file(qrWith('pain-location', [{ valueString: 'lumbar' }])),
      ],
    ],
    [
      'choice code outside the options',
      () => [
        '--bundle',
        ADULT_BUNDLE(),
        '--answers',
        file(qrWith('pain-location', [{ valueCoding: { code: 'cervical' } }])),
      ],
    ],
    [
      'choice code of another system',
      () => [
        '--bundle',
        ADULT_BUNDLE(),
        '--answers',
        file(
          qrWith('trauma', [{ valueCoding: { system: 'http://snomed.info/sct', code: 'none' } }]),
        ),
      ],
    ],
    [
      'motor-grade-min 6 (out of 0–5)',
      () => [
        '--bundle',
        ADULT_BUNDLE(),
        '--answers',
        file(qrWith('motor-grade-min', [{ valueInteger: 6 }])),
      ],
    ],
    [
      'duration-days −1',
      () => [
        '--bundle',
        ADULT_BUNDLE(),
        '--answers',
        file(qrWith('duration-days', [{ valueInteger: -1 }])),
      ],
    ],
    [
      'slr-angle 91',
      () => [
        '--bundle',
        ADULT_BUNDLE(),
        '--answers',
        file(qrWith('slr-angle', [{ valueInteger: 91 }])),
      ],
    ],
    [
      'pain-nrs 11',
      () => [
        '--bundle',
        ADULT_BUNDLE(),
        '--answers',
        file(qrWith('pain-nrs', [{ valueInteger: 11 }])),
      ],
    ],
    [
      'two answers to one item',
      () => [
        '--bundle',
        ADULT_BUNDLE(),
        '--answers',
        file(qrWith('night-pain', [{ valueBoolean: false }, { valueBoolean: true }])),
      ],
    ],
    [
      'one item answered twice',
      () => {
        const base = qr(ANSWERS());
        return [
          '--bundle',
          ADULT_BUNDLE(),
          '--answers',
          file({ ...base, item: [...(base.item as Json[]), item('night-pain', false)] }),
        ];
      },
    ],
    [
      'one item answered twice across groups',
      () => {
        const base = qr(ANSWERS());
        return [
          '--bundle',
          ADULT_BUNDLE(),
          '--answers',
          file({
            ...base,
            item: [
              ...(base.item as Json[]),
              { linkId: 'grp-exam', item: [item('radicular-pain', false)] },
            ],
          }),
        ];
      },
    ],
  ];

  it.each(cases)('%s', async (_label, args) => {
    expectInputError(await runInProcess(args()));
  });
});

describe('audit §13 exit 3 — FHIR server failure', () => {
  it('a network failure of --fhir exits 3 with one line naming the request', async () => {
    const run = await runInProcess([
      '--fhir',
      'http://127.0.0.1:9/fhir',
      '--patient',
      'p1',
      '--now',
      NOW,
    ]);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/Patient\/p1/);
  });
});

describe('audit §13 exit 0 — answers and chart semantics', () => {
  async function evaluate(b: Json, answers: Json | undefined, extra: string[] = ['--now', NOW]) {
    const args = [
      '--bundle',
      file(b),
      ...(answers === undefined ? [] : ['--answers', file(answers)]),
      ...extra,
    ];
    const run = await runInProcess(args);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as Record<string, unknown>;
  }

  it('an answer element without value[x] and an empty answer array are unanswered', async () => {
    const base = qr(ANSWERS());
    const items = (base.item as Json[]).filter(
      (i) => i.linkId !== 'night-pain' && i.linkId !== 'hx-diabetes',
    );
    const out = await evaluate(bundle(born(40)), {
      ...base,
      item: [
        ...items,
        { linkId: 'night-pain', answer: [{}] },
        { linkId: 'hx-diabetes', answer: [] },
      ],
    });
    expect(out).toMatchObject({
      status: 'incomplete',
      missingItems: ['night-pain', 'hx-diabetes'],
    });
  });

  it('a valued answer next to an empty one counts once', async () => {
    const out = await evaluate(
      bundle(born(40)),
      qrWith('night-pain', [{}, { valueBoolean: false }]),
    );
    expect(out).toMatchObject({ status: 'complete', missingItems: [] });
  });

  it('nested group items and answer.item are read; unknown linkIds and age-years are ignored', async () => {
    const answers = complete(10, { 'saddle-anesthesia': true });
    const flat = (qr(answers).item as Json[]).filter(
      (i) => i.linkId !== 'saddle-anesthesia' && i.linkId !== 'limp',
    );
    const nested: Json = {
      ...qr({}),
      item: [
        { linkId: 'age-years', answer: [{ valueInteger: 40 }] },
        { linkId: 'unknown-thing', answer: [{ valueString: 'whatever' }] },
        { linkId: 'grp-emergency-neuro', item: [item('saddle-anesthesia', true)] },
        {
          linkId: 'grp-pediatric',
          item: [
            {
              linkId: 'limp',
              answer: [{ valueBoolean: false, item: [item('irritability', false)] }],
            },
          ],
        },
        ...flat.filter((i) => i.linkId !== 'irritability'),
      ],
    };
    const out = await evaluate(bundle(born(10)), nested);
    expect(out).toMatchObject({
      status: 'complete',
      missingItems: [],
      tier: 'EMERGENT',
      firedRules: ['RF-CES'],
      imaging: expect.objectContaining({ key: 'MRI_WO', region: 'LUMBAR' }),
    });
  });

  it.each([
    ['the fullUrl', FULL_URL],
    ['an absolute URL ending in /Patient/<id>', `https://ehr.example.org/fhir/Patient/${PID}`],
    ['Patient/<id>/_history/<v>', `Patient/${PID}/_history/4`],
  ])('answers whose subject is %s belong to the patient', async (_label, reference) => {
    const out = await evaluate(bundle(born(40)), qr(ANSWERS(), { subject: { reference } }));
    expect(out).toMatchObject({ status: 'complete' });
  });

  it('an unversioned questionnaire canonical and a QR without subject are accepted', async () => {
    const answers = qr(ANSWERS(), {
      questionnaire: 'http://spine-redflags.org/fhir/Questionnaire/back-pain-redflags',
    });
    delete answers.subject;
    expect(await evaluate(bundle(born(40)), answers)).toMatchObject({ status: 'complete' });
  });

  it('a QR that is not completed/amended is incomplete with nothing missing; amended is complete', async () => {
    expect(
      await evaluate(bundle(born(40)), qr(ANSWERS(), { status: 'in-progress' })),
    ).toMatchObject({
      status: 'incomplete',
      missingItems: [],
    });
    expect(await evaluate(bundle(born(40)), qr(ANSWERS(), { status: 'amended' }))).toMatchObject({
      status: 'complete',
    });
  });

  it('any Bundle type; entries without a resource and other resource types are ignored', async () => {
    const b = bundle(born(40));
    const entries = b.entry as Json[];
    const out = await evaluate(
      {
        ...b,
        type: 'searchset',
        entry: [
          { fullUrl: 'urn:uuid:x' },
          {
            resource: {
              resourceType: 'Encounter',
              id: 'e1',
              subject: { reference: `Patient/${PID}` },
            },
          },
          ...entries,
        ],
      },
      qr(ANSWERS()),
    );
    expect(out).toMatchObject({ status: 'complete', tier: 'ROUTINE', firedRules: [] });
  });

  it('without --answers the evaluation is incomplete; --now=VALUE is accepted and echoed', async () => {
    const out = await evaluate(bundle(born(40)), undefined, ['--now=2026-06-15T07:00:00-05:00']);
    expect(out).toMatchObject({ status: 'incomplete', evaluatedAt: '2026-06-15T07:00:00-05:00' });
  });

  it('default --now is the current time in UTC', async () => {
    const out = await evaluate(bundle(born(40)), qr(ANSWERS()), []);
    expect(out.evaluatedAt).toBe('2026-06-15T12:00:00Z');
  });

  it('unusable chart data is evaluated, not refused (future, no value, unknown unit)', async () => {
    const obs = (id: string, extra: Json): Json => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      subject: { reference: `Patient/${PID}` },
      code: { coding: [{ system: 'http://loinc.org', code: '1988-5' }] },
      ...extra,
    });
    const out = await evaluate(
      bundle(born(40), [
        obs('a', {
          effectiveDateTime: '2026-07-01T00:00:00Z',
          valueQuantity: { value: 3, code: 'mg/L' },
        }),
        obs('b', { effectiveDateTime: '2026-06-14T00:00:00Z' }),
        obs('c', {
          effectiveDateTime: '2026-06-14T00:00:00Z',
          valueQuantity: { value: 3, code: 'mg/kg' },
        }),
      ]),
      qr(ANSWERS()),
    );
    expect(out).toMatchObject({ status: 'complete', advisories: ['ADV-DATA-QUALITY'] });
    const evidence = out.evidence as { rule: string; reference: string | null }[];
    expect(evidence.filter((e) => e.rule === 'ADV-DATA-QUALITY').map((e) => e.reference)).toEqual([
      'Observation/a',
      'Observation/b',
      'Observation/c',
    ]);
  });
});

describe('audit §13 through npm, as a user runs it', () => {
  it('relative paths, --now in an offset, one JSON document, nothing on stderr', async () => {
    const b = file(bundle(born(8)));
    const a = file(qr(complete(8, { limp: true, irritability: true })));
    const run = await runNpm(
      [
        '--bundle',
        path.basename(b),
        '--answers',
        path.basename(a),
        '--now',
        '2026-06-15T08:00:00-04:00',
      ],
      { cwd: dir },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      ruleSet: 'bp-redflag-1.1',
      evaluatedAt: '2026-06-15T08:00:00-04:00',
      status: 'complete',
      tier: 'URGENT',
      firedRules: ['RF-PED-DISC-WORKUP'],
      pathwayLabel: 'PED-DISC',
      imaging: null,
      labs: [
        { analyte: 'ESR', loinc: '4537-7' },
        { analyte: 'CRP', loinc: '1988-5' },
        { analyte: 'CBC', loinc: '58410-2' },
      ],
    });
  }, 30_000);
});
