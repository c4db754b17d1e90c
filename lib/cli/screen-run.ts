/**
 * The `screen` command (clinical-spec §13) as a function: arguments and environment in, an exit
 * code out, the output object on stdout and one-line reasons on stderr. It calls the same core as
 * the app (`evaluateScreen`), and for `--fhir` the same chart-reading module (`fetchChart`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fetchChart } from '@/lib/fhir/chart';
import { FhirRequestError } from '@/lib/fhir/errors';
import { parseT0 } from '@/lib/redflags/dates';
import { evaluateScreen } from '@/lib/redflags/evaluate';
import type { Terminology } from '@/lib/redflags/terminology';
import type { ChartInputs } from '@/lib/redflags/types';
import { createNodeClient } from '@/lib/smart/node-client';
import { toOffsetDateTime } from '@/lib/time';
import { parseScreenArgs } from './screen-args';
import { toChartFromBundle } from './screen-bundle';
import { screenNdjson } from './screen-ndjson';

/** Exit codes of §13: 0 evaluated, 2 unusable input, 3 FHIR server failure; 1 internal error. */
export const EXIT = { ok: 0, internal: 1, input: 2, fhir: 3 } as const;

/** Where the command writes, and what it may read from its environment. */
export interface ScreenIo {
  /** The caller's working directory (relative paths resolve against it). */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** The clock, read only for the default `--now`. */
  readonly clock: () => Date;
  /** Code sets, or why they are not available. */
  readonly terminology: () => {
    readonly terminology: Terminology;
    readonly missing: readonly string[];
  };
}

class InputError extends Error {}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new InputError(`cannot read the ${what} file ${file} (${code})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new InputError(`the ${what} file ${file} is not JSON`);
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function describeFailure(error: FhirRequestError): string {
  const status = error.status === 0 ? 'network failure' : `HTTP ${error.status}`;
  return oneLine(`GET ${error.url} failed: ${status} — ${error.outcome ?? error.message}`);
}

/**
 * Runs `screen` with the arguments after `--`.
 * @param argv - arguments
 * @param io - streams, environment and clock
 * @returns the exit code
 */
export async function runScreen(argv: readonly string[], io: ScreenIo): Promise<number> {
  const fail = (code: number, reason: string): number => {
    io.stderr.write(`screen: ${oneLine(reason)}\n`);
    return code;
  };
  try {
    const parsed = parseScreenArgs(argv);
    if (!parsed.ok) return fail(EXIT.input, parsed.reason);
    const { source, answers: answersFile } = parsed.options;
    const now = parsed.options.now ?? toOffsetDateTime(io.clock(), 0);
    const base = io.env.INIT_CWD ?? io.cwd;
    const resolve = (file: string) => path.resolve(base, file);
    // Validate T0 before any I/O (§13: an invalid --now is exit 2).
    if (parseT0(now) === undefined) {
      return fail(
        EXIT.input,
        `invalid --now ${now}: an ISO-8601 date-time with a UTC offset is needed`,
      );
    }
    const { terminology, missing } = io.terminology();
    if (missing.length > 0) {
      return fail(
        EXIT.internal,
        `fhir-profiles ValueSets missing (${missing.length}), e.g. ${missing[0] ?? ''}`,
      );
    }

    if (source.kind === 'ndjson') {
      return await screenNdjson(resolve(source.folder), now, terminology, io.stdout, io.stderr);
    }
    const answers =
      answersFile === undefined ? undefined : readJson(resolve(answersFile), 'answers');
    let chart: ChartInputs;
    if (source.kind === 'bundle') {
      const read = toChartFromBundle(readJson(resolve(source.file), 'bundle'));
      if (!read.ok) return fail(EXIT.input, read.reason);
      chart = read.chart;
    } else {
      if (!isHttpUrl(source.base)) {
        return fail(EXIT.input, `invalid --fhir base URL ${source.base}: an http(s) URL is needed`);
      }
      const client = createNodeClient(source.base, io.env.SCREEN_BEARER_TOKEN);
      try {
        chart = await fetchChart(client, source.patient, { now, terminology });
      } catch (error) {
        if (error instanceof FhirRequestError) return fail(EXIT.fhir, describeFailure(error));
        throw error;
      }
      const [failure] = chart.failures.values();
      if (failure instanceof FhirRequestError) return fail(EXIT.fhir, describeFailure(failure));
      if (failure !== undefined) return fail(EXIT.fhir, failure.message);
    }
    const result = evaluateScreen(chart, answers, now, terminology);
    if (!result.ok) return fail(EXIT.input, result.reason);
    io.stdout.write(`${JSON.stringify(result.evaluation.output, null, 2)}\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof InputError) return fail(EXIT.input, error.message);
    return fail(
      EXIT.internal,
      `internal error: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
