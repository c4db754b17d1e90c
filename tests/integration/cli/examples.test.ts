/**
 * The worked examples of ../shared/examples/screen (spec §13): each expected.json lists the fields
 * the output object must match (`imaging.cpt`/`imaging.loinc` stand for `imaging.codes.*`; `labs`
 * lists the analytes).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ScreenOutput } from '@/lib/redflags/types';
import { EXAMPLES, runInProcess, runNpm } from '../../fixtures/cli';

const CASES = ['01', '02', '17', '35'];
const file = (n: string, kind: string) => path.join(EXAMPLES, `example-${n}.${kind}.json`);

function project(output: ScreenOutput, expected: Record<string, unknown>): Record<string, unknown> {
  const full: Record<string, unknown> = {
    ...output,
    labs: output.labs.map((l) => l.analyte),
    imaging:
      output.imaging === null
        ? null
        : {
            key: output.imaging.key,
            region: output.imaging.region,
            priority: output.imaging.priority,
            cpt: output.imaging.codes.cpt,
            loinc: output.imaging.codes.loinc,
          },
  };
  return Object.fromEntries(Object.keys(expected).map((key) => [key, full[key]]));
}

describe('shared worked examples', () => {
  it.each(CASES)('example-%s matches its expected fields', async (n) => {
    const run = await runInProcess([
      '--bundle',
      file(n, 'bundle'),
      '--answers',
      file(n, 'answers'),
      '--now',
      '2026-06-15T12:00:00Z',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const expected = JSON.parse(readFileSync(file(n, 'expected'), 'utf8'));
    expect(project(JSON.parse(run.stdout), expected)).toEqual(expected);
  });

  it('runs through npm exactly as the README shows (paths relative to the repository root)', async () => {
    const run = await runNpm([
      '--bundle',
      '../shared/examples/screen/example-02.bundle.json',
      '--answers',
      '../shared/examples/screen/example-02.answers.json',
      '--now',
      '2026-06-15T12:00:00Z',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const expected = JSON.parse(readFileSync(file('02', 'expected'), 'utf8'));
    expect(project(JSON.parse(run.stdout), expected)).toEqual(expected);
  }, 30_000);

  it('resolves paths against the caller’s directory when run from elsewhere (INIT_CWD)', async () => {
    const run = await runNpm(
      [
        '--bundle',
        'example-17.bundle.json',
        '--answers',
        'example-17.answers.json',
        '--now',
        '2026-06-15T12:00:00Z',
      ],
      {
        cwd: EXAMPLES,
      },
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout).firedRules).toEqual(['RF-CES']);
  }, 30_000);

  it('exit 2 through npm prints one line, no stack trace', async () => {
    const run = await runNpm(['--bundle', 'does-not-exist.json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^screen: cannot read the bundle file/),
    ]);
  }, 30_000);

  it('exit 3 through npm on a network failure (--fhir to a closed loopback port), one line', async () => {
    const run = await runNpm([
      '--fhir',
      'http://127.0.0.1:9/fhir',
      '--patient',
      'p1',
      '--now',
      '2026-06-15T12:00:00Z',
    ]);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^screen: GET Patient\/p1 failed: network failure/),
    ]);
  }, 30_000);
});
