/**
 * Golden tests on the sandbox seed patients (lib/sandbox/patients): answers and expected outputs
 * derived by hand from the spec (tests/fixtures/SEED-GOLDEN.md).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ScreenOutput } from '@/lib/redflags/types';
import { ROOT, runInProcess } from '../../fixtures/cli';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
const ids = readdirSync(path.join(FIXTURES, 'seed-expected')).map((f) =>
  f.replace('.expected.json', ''),
);

describe('seed patients (golden, hand-derived)', () => {
  it('covers every seed patient', () => {
    const seeds = readdirSync(path.join(ROOT, 'lib', 'sandbox', 'patients'))
      .filter((f) => f.endsWith('.json') && f !== 'practitioners.json')
      .map((f) => f.replace('.json', ''));
    expect(ids.sort()).toEqual(seeds.sort());
  });

  it.each(ids)('%s', async (id) => {
    const bundleFile = path.join(ROOT, 'lib', 'sandbox', 'patients', `${id}.json`);
    const run = await runInProcess([
      '--bundle',
      bundleFile,
      '--answers',
      path.join(FIXTURES, 'seed-answers', `${id}.answers.json`),
      '--now',
      '2026-06-15T12:00:00Z',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const parsed: ScreenOutput = JSON.parse(run.stdout);
    const { evidence, ...output } = parsed;
    const { _derivation: derivation, ...expected } = JSON.parse(
      readFileSync(path.join(FIXTURES, 'seed-expected', `${id}.expected.json`), 'utf8'),
    );
    expect(typeof derivation).toBe('string');
    expect(output).toEqual(expected);

    const bundle = JSON.parse(readFileSync(bundleFile, 'utf8'));
    const refs = new Set<string>(
      bundle.entry.map(
        (e: { resource: { resourceType: string; id: string } }) =>
          `${e.resource.resourceType}/${e.resource.id}`,
      ),
    );
    const fired = [...expected.firedRules, ...expected.advisories];
    expect([...new Set(evidence.map((e) => e.rule))]).toEqual(fired);
    for (const e of evidence) {
      if (e.reference !== null && !e.reference.startsWith('QuestionnaireResponse#'))
        expect(refs).toContain(e.reference);
    }
  });
});
