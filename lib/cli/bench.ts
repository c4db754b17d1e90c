/**
 * `npm run bench`: the performance table. Each line is measured side by side in one run, so the
 * ratios are meaningful on any machine; nothing here asserts a time (tests never do).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { toChartFromBundle } from './screen-bundle';
import { DEFAULT_TERMINOLOGY } from '@/lib/redflags/default-terminology';
import { evaluateScreen, evaluateSnapshot } from '@/lib/redflags/evaluate';
import { parseT0 } from '@/lib/redflags/dates';
import { toChartSnapshot } from '@/lib/redflags/snapshot';
import type { ChartInputs } from '@/lib/redflags/types';
import { DEFAULT_VALUE_SETS, VALUE_SET_URLS } from '@/lib/terminology';

const ROOT = process.cwd();
const NOW = '2026-06-15T12:00:00Z';

function chartOf(file: string): ChartInputs {
  const result = toChartFromBundle(JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')));
  if (!result.ok) throw new Error(`${file}: ${result.reason}`);
  return result.chart;
}

function answersOf(id: string): unknown {
  return JSON.parse(
    readFileSync(path.join(ROOT, `tests/fixtures/seed-answers/${id}.answers.json`), 'utf8'),
  );
}

/** Median milliseconds per call over `runs` calls (after a warm-up). */
function measure(runs: number, work: () => void): number {
  for (let i = 0; i < Math.min(5, runs); i += 1) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const rows: [string, string][] = [];
const small = chartOf('lib/sandbox/patients/ped-discitis.json');
const large = chartOf('lib/sandbox/patients/large-chart.json');
const smallAnswers = answersOf('ped-discitis');
const largeAnswers = answersOf('large-chart');
const evalSmall = measure(200, () => evaluateScreen(small, smallAnswers, NOW, DEFAULT_TERMINOLOGY));
const evalLarge = measure(20, () => evaluateScreen(large, largeAnswers, NOW, DEFAULT_TERMINOLOGY));
rows.push([
  'evaluate ped-discitis (chart of ' + small.observations.length + ' Observations)',
  `${evalSmall.toFixed(3)} ms`,
]);
rows.push([
  'evaluate large-chart (' +
    large.observations.length +
    ' Observations, ' +
    large.conditions.length +
    ' Conditions)',
  `${evalLarge.toFixed(3)} ms`,
]);
rows.push(['  ratio large / small', `${(evalLarge / evalSmall).toFixed(1)}×`]);

const t0 = parseT0(NOW);
if (!t0) throw new Error('bad T0');
const largeSnapshot = toChartSnapshot(large, t0, DEFAULT_TERMINOLOGY);
const answerChange = measure(50, () =>
  evaluateSnapshot(largeSnapshot, largeAnswers, NOW, DEFAULT_TERMINOLOGY),
);
rows.push([
  're-evaluate large-chart after an answer change (chart read once)',
  `${answerChange.toFixed(3)} ms`,
]);
rows.push(['  ratio full evaluation / answer change', `${(evalLarge / answerChange).toFixed(1)}×`]);

const unknownAge: ChartInputs = { ...small, patient: { ...small.patient, birthDate: undefined } };
const evalUnknown = measure(200, () =>
  evaluateScreen(unknownAge, smallAnswers, NOW, DEFAULT_TERMINOLOGY),
);
rows.push([
  'evaluate ped-discitis with unknown birth date (every age class)',
  `${evalUnknown.toFixed(3)} ms`,
]);
rows.push(['  ratio unknown age / known age', `${(evalUnknown / evalSmall).toFixed(1)}×`]);

const malignancy = DEFAULT_VALUE_SETS.valueSet(VALUE_SET_URLS.CONDITION_MALIGNANCY);
const esr = DEFAULT_VALUE_SETS.valueSet(VALUE_SET_URLS.ESR_DECISION);
const icdConcept = { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E11.9' }] };
const loincConcept = { coding: [{ system: 'http://loinc.org', code: '8867-4' }] };
const N = 100_000;
const regexMs = measure(5, () => {
  for (let i = 0; i < N; i += 1) malignancy.matchesConcept(icdConcept);
});
const explicitMs = measure(5, () => {
  for (let i = 0; i < N; i += 1) esr.matchesConcept(loincConcept);
});
rows.push([
  `ValueSet matcher, ICD-10-CM regex ranges (${N.toLocaleString('en-US')} concepts)`,
  `${regexMs.toFixed(1)} ms`,
]);
rows.push([
  `ValueSet matcher, explicit LOINC codes (${N.toLocaleString('en-US')} concepts)`,
  `${explicitMs.toFixed(1)} ms`,
]);
rows.push(['  ratio regex / explicit', `${(regexMs / explicitMs).toFixed(1)}×`]);

const width = Math.max(...rows.map(([label]) => label.length));
console.log(`Benchmark (median; node ${process.version}; ${new Date().toISOString()})`);
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
