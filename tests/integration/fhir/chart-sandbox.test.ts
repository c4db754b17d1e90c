/**
 * @jest-environment node
 *
 * The chart-reading module against the project's sandbox FHIR server (Medplum's router, which
 * answers 400 to any unsupported search parameter): every seed patient is read with the same
 * queries as the app and `screen --fhir`, then evaluated with its hand-derived answers; the result
 * must equal the seed golden file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { http } from 'msw';
import { fetchChart } from '@/lib/fhir/chart';
import { DEFAULT_TERMINOLOGY } from '@/lib/redflags/default-terminology';
import { evaluateScreen } from '@/lib/redflags/evaluate';
import type { ScreenOutput } from '@/lib/redflags/types';
import { createSandboxEngine, type SandboxEngine } from '@/lib/sandbox/fhir/engine';
import { handleFhirRequest } from '@/lib/sandbox/fhir/handler';
import { FHIR_BASE, server, setUpMswServer } from '../../msw/server';
import { makeTestClient } from '../../msw/test-client';

jest.setTimeout(60_000);
setUpMswServer();

const NOW = '2026-06-15T12:00:00Z';
const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures');
const SEEDS = [
  'ped-discitis',
  'ped-discitis-afebrile',
  'adult-cancer-night-pain',
  'cauda-equina',
  'elderly-osteoporotic-fall',
  'fever-ivdu',
  'benign-strain',
  'missing-labs',
  'crp-mg-dl',
  'entered-in-error-lab',
  'refuted-cancer',
  'large-chart',
  'adolescent-redflag',
  'toddler-afebrile-limp',
  'immunosuppressed-transplant',
];

let engine: SandboxEngine;

beforeAll(async () => {
  engine = await createSandboxEngine({ now: new Date(NOW) });
});

beforeEach(() => {
  server.use(
    http.all(`${FHIR_BASE}/*`, ({ request }) =>
      handleFhirRequest(request, {
        baseUrl: FHIR_BASE,
        grant: { clientId: 'screen-test', scopes: ['user/*.rs'] },
        engine,
      }),
    ),
  );
});

describe('fetchChart on the sandbox FHIR server', () => {
  it.each(SEEDS)(
    '%s: the searches succeed and the evaluation equals the golden file',
    async (id) => {
      const chart = await fetchChart(makeTestClient(id), id, {
        now: NOW,
        terminology: DEFAULT_TERMINOLOGY,
      });
      expect(
        [...chart.failures.entries()].map(([kind, e]) => `${kind}: ${e.status} ${e.outcome ?? ''}`),
      ).toEqual([]);
      const answers: unknown = JSON.parse(
        readFileSync(path.join(FIXTURES, 'seed-answers', `${id}.answers.json`), 'utf8'),
      );
      const result = evaluateScreen(chart, answers, NOW, DEFAULT_TERMINOLOGY);
      if (!result.ok) throw new Error(result.reason);
      const { evidence, ...output }: ScreenOutput = result.evaluation.output;
      expect(evidence.length).toBeGreaterThan(output.firedRules.length > 0 ? 0 : -1);
      const { _derivation, ...expected } = JSON.parse(
        readFileSync(path.join(FIXTURES, 'seed-expected', `${id}.expected.json`), 'utf8'),
      );
      expect(typeof _derivation).toBe('string');
      expect(output).toEqual(expected);
    },
  );
});
