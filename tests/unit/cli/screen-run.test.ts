import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXAMPLES, runInProcess } from '../../fixtures/cli';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'screen-run-'));
const write = (name: string, content: unknown) => {
  const file = path.join(tmp, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
const bundle = write('bundle.json', {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      fullUrl: 'urn:uuid:p',
      resource: { resourceType: 'Patient', id: 'p', birthDate: '1980-01-01' },
    },
  ],
});
const example = (n: string, kind: string) => path.join(EXAMPLES, `example-${n}.${kind}.json`);

describe('runScreen exit codes (spec §13)', () => {
  it('exit 0: prints one JSON document and nothing on stderr', async () => {
    const run = await runInProcess([
      '--bundle',
      example('17', 'bundle'),
      '--answers',
      example('17', 'answers'),
      '--now',
      '2026-06-15T12:00:00Z',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toMatchObject({
      ruleSet: 'bp-redflag-1.1',
      tier: 'EMERGENT',
      firedRules: ['RF-CES'],
    });
  });

  it('exit 0 for an incomplete evaluation (no answers)', async () => {
    const run = await runInProcess(['--bundle', bundle, '--now', '2026-06-15T12:00:00Z']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'incomplete' });
  });

  it('defaults --now to the current time in UTC', async () => {
    const run = await runInProcess(['--bundle', bundle]);
    expect(JSON.parse(run.stdout).evaluatedAt).toBe('2026-06-15T12:00:00Z');
  });

  it('resolves relative paths against INIT_CWD (the caller’s directory)', async () => {
    const run = await runInProcess(['--bundle', 'bundle.json'], { INIT_CWD: tmp });
    expect(run.code).toBe(0);
  });

  it.each([
    ['missing --bundle', [], /missing chart source/],
    ['an unknown option', ['--bundle', 'x', '--foo'], /unknown option/],
    ['a repeated option', ['--bundle', 'x', '--bundle', 'y'], /more than once/],
    ['an option without value', ['--bundle'], /needs a value/],
    ['an invalid --now', ['--bundle', 'x', '--now', '2026-06-15T12:00:00'], /invalid --now/],
    [
      'an unreadable file',
      ['--bundle', path.join(tmp, 'missing.json')],
      /cannot read the bundle file/,
    ],
    ['a file that is not JSON', ['--bundle', write('bad.json', '{not json')], /is not JSON/],
    [
      'not a Bundle',
      ['--bundle', write('nb.json', { resourceType: 'Patient' })],
      /not a FHIR Bundle/,
    ],
    [
      'no Patient',
      ['--bundle', write('np.json', { resourceType: 'Bundle', entry: [] })],
      /no Patient/,
    ],
    [
      'two Patients',
      [
        '--bundle',
        write('two.json', {
          resourceType: 'Bundle',
          entry: [
            { resource: { resourceType: 'Patient', id: 'a' } },
            { resource: { resourceType: 'Patient', id: 'b' } },
          ],
        }),
      ],
      /2 Patients/,
    ],
    [
      'answers that are not a QuestionnaireResponse',
      ['--bundle', bundle, '--answers', bundle],
      /not a FHIR QuestionnaireResponse/,
    ],
    [
      'answers for another patient',
      [
        '--bundle',
        bundle,
        '--answers',
        write('other.json', {
          resourceType: 'QuestionnaireResponse',
          questionnaire: 'http://spine-redflags.org/fhir/Questionnaire/back-pain-redflags|1.1',
          status: 'completed',
          subject: { reference: 'Patient/other' },
        }),
      ],
      /another patient/,
    ],
    [
      'an answer of the wrong type',
      [
        '--bundle',
        bundle,
        '--answers',
        write('wrong.json', {
          resourceType: 'QuestionnaireResponse',
          questionnaire: 'http://spine-redflags.org/fhir/Questionnaire/back-pain-redflags',
          status: 'completed',
          item: [{ linkId: 'trauma', answer: [{ valueBoolean: true }] }],
        }),
      ],
      /valueCoding/,
    ],
    ['an --ndjson folder without Patient.ndjson', ['--ndjson', tmp], /no Patient.ndjson/],
    [
      'an invalid --fhir base',
      ['--fhir', 'not a url', '--patient', 'p'],
      /invalid --fhir base URL/,
    ],
  ] as const)('exit 2 for %s, with exactly one line on stderr', async (_label, args, reason) => {
    const run = await runInProcess(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(reason);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\s+at /);
  });
});
