/**
 * `screen --ndjson` (spec §13): one output object per patient per line in Patient.ndjson order,
 * malformed lines reported as `<file>:<line>: <reason>`, a closing summary line, streaming with
 * bounded memory (checked on a generated export of more than 100,000 lines, in a child process).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, runInProcess } from '../../fixtures/cli';
import { generateExport } from '../../fixtures/ndjson';

const NOW = '2026-06-15T12:00:00Z';

function folderWith(files: Record<string, string[]>): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ndjson-'));
  for (const [name, lines] of Object.entries(files))
    writeFileSync(path.join(folder, name), `${lines.join('\n')}\n`);
  return folder;
}

const patient = (id: string, birthDate: string) =>
  JSON.stringify({ resourceType: 'Patient', id, birthDate });
const obs = (id: string, subject: string, code: string, value: number, unit: string) =>
  JSON.stringify({
    resourceType: 'Observation',
    id,
    status: 'final',
    subject: { reference: subject },
    code: { coding: [{ system: 'http://loinc.org', code }] },
    effectiveDateTime: '2026-06-15T08:00:00Z',
    valueQuantity: { value, code: unit },
  });

describe('screen --ndjson', () => {
  it('screens each patient chart-only, in Patient.ndjson order, reporting malformed lines', async () => {
    const folder = folderWith({
      'Patient.ndjson': [
        patient('kid', '2018-03-01'),
        '{oops',
        patient('adult', '1980-01-01'),
        '',
        JSON.stringify({ resourceType: 'Patient' }),
        patient('kid', '2018-03-01'),
      ],
      'Observation.ndjson': [
        obs('t1', 'Patient/kid', '8310-5', 38.4, 'Cel'),
        obs('e1', 'https://ehr/fhir/Patient/kid', '4537-7', 45, 'mm/h'),
        '[1,2]',
        obs('w1', 'Patient/unknown', '4537-7', 45, 'mm/h'),
        obs('x1', 'Patient/adult', '6690-2', 7, '10*6/uL'),
      ],
      'Condition.ndjson': ['not json at all'],
    });
    const run = await runInProcess(['--ndjson', folder, '--now', NOW]);
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.patient)).toEqual(['Patient/kid', 'Patient/adult']);
    expect(lines[0]).toMatchObject({
      status: 'incomplete',
      tier: 'URGENT',
      firedRules: ['RF-INFECTION', 'RF-PED-INFLAM'],
      pathwayLabel: 'PED-DISC',
    });
    expect(lines[1]).toMatchObject({
      status: 'incomplete',
      tier: 'ROUTINE',
      advisories: ['ADV-DATA-QUALITY'],
    });
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      'Patient.ndjson:2: not JSON',
      'Patient.ndjson:5: Patient without id',
      'Patient.ndjson:6: duplicate Patient id kid',
      'Condition.ndjson:1: not JSON',
      'Observation.ndjson:3: not a FHIR resource (no resourceType)',
      'screened 2 patients, skipped 5 lines',
    ]);
    rmSync(folder, { recursive: true });
  });

  it('exit 2 when the folder has no Patient.ndjson', async () => {
    const folder = folderWith({ 'Observation.ndjson': [] });
    const run = await runInProcess(['--ndjson', folder]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no Patient.ndjson/);
  });

  it('streams an export of more than 100,000 lines with bounded memory', async () => {
    const large = generateExport(2100, 49);
    expect(large.lines).toBeGreaterThanOrEqual(100_000);
    // About 22 MB of NDJSON: held as objects it would need well over 100 MB of heap. The command
    // runs under a 64 MB heap cap and its sampled peak heap stays far below the export's size.
    const run = await measure(large.folder, 64);
    expect(run.code).toBe(0);
    expect(run.patients).toBe(2100);
    expect(run.summary).toBe('screened 2100 patients, skipped 0 lines');
    expect(run.peakHeapMb).toBeLessThan(48);
    rmSync(large.folder, { recursive: true });
  }, 120_000);
});

/** Runs the CLI in a child process with a heap cap and a memory sampler (node --import tsx). */
function measure(
  folder: string,
  heapCapMb: number,
): Promise<{
  code: number;
  patients: number;
  summary: string;
  peakHeapMb: number;
  peakRssMb: number;
}> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sampler-'));
  const sampler = path.join(dir, 'sampler.cjs');
  const report = path.join(dir, 'peak.json');
  writeFileSync(
    sampler,
    `let heap = 0, rss = 0;
const sample = () => { const m = process.memoryUsage(); heap = Math.max(heap, m.heapUsed); rss = Math.max(rss, m.rss); };
setInterval(sample, 10).unref();
process.on('exit', () => { sample(); require('fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify({ heap, rss })); });\n`,
  );
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        `--max-old-space-size=${heapCapMb}`,
        '--require',
        sampler,
        '--import',
        'tsx',
        'lib/cli/screen.ts',
        '--ndjson',
        folder,
        '--now',
        NOW,
      ],
      { cwd: ROOT },
    );
    let patients = 0;
    let stderr = '';
    let partial = '';
    child.stdout.on('data', (d: Buffer) => {
      const text = partial + d.toString();
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      patients += parts.length;
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const peak: { heap: number; rss: number } = JSON.parse(readFileSync(report, 'utf8'));
      rmSync(dir, { recursive: true });
      resolve({
        code: code ?? -1,
        patients,
        summary: stderr.trimEnd().split('\n').pop() ?? '',
        peakHeapMb: peak.heap / 2 ** 20,
        peakRssMb: peak.rss / 2 ** 20,
      });
    });
  });
}
