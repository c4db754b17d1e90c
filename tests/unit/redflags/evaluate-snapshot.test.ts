import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { toChartFromBundle } from '@/lib/cli/screen-bundle';
import { parseT0 } from '@/lib/redflags/dates';
import { DEFAULT_TERMINOLOGY } from '@/lib/redflags/default-terminology';
import { evaluateScreen, evaluateSnapshot } from '@/lib/redflags/evaluate';
import { toChartSnapshot } from '@/lib/redflags/snapshot';

const ROOT = path.resolve(__dirname, '../../..');
const NOW = '2026-06-15T12:00:00Z';
const ids = readdirSync(path.join(ROOT, 'tests/fixtures/seed-answers')).map((f) =>
  f.replace('.answers.json', ''),
);

describe('evaluateSnapshot', () => {
  it.each(ids)('gives exactly what evaluateScreen gives for %s', (id) => {
    const parsed = toChartFromBundle(
      JSON.parse(readFileSync(path.join(ROOT, `lib/sandbox/patients/${id}.json`), 'utf8')),
    );
    if (!parsed.ok) throw new Error(parsed.reason);
    const answers: unknown = JSON.parse(
      readFileSync(path.join(ROOT, `tests/fixtures/seed-answers/${id}.answers.json`), 'utf8'),
    );
    const t0 = parseT0(NOW);
    if (!t0) throw new Error('bad T0');
    const snapshot = toChartSnapshot(parsed.chart, t0, DEFAULT_TERMINOLOGY);
    const viaSnapshot = evaluateSnapshot(snapshot, answers, NOW, DEFAULT_TERMINOLOGY);
    const direct = evaluateScreen(parsed.chart, answers, NOW, DEFAULT_TERMINOLOGY);
    expect(viaSnapshot.ok && viaSnapshot.evaluation.output).toEqual(
      direct.ok && direct.evaluation.output,
    );
    expect(evaluateSnapshot(snapshot, undefined, NOW, DEFAULT_TERMINOLOGY)).toMatchObject({
      ok: true,
    });
  });
});
