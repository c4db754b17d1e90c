/**
 * Command-line options of `screen` (clinical-spec §13): exactly one chart source per call
 * (`--bundle`, `--fhir` with `--patient`, or `--ndjson`), optional `--answers` and `--now`; an
 * unknown or repeated option, or an option without its value, is unusable input (exit 2).
 */

/** Where the chart comes from. */
export type ChartSource =
  | { readonly kind: 'bundle'; readonly file: string }
  | { readonly kind: 'fhir'; readonly base: string; readonly patient: string }
  | { readonly kind: 'ndjson'; readonly folder: string };

/** Parsed options. */
export interface ScreenOptions {
  readonly source: ChartSource;
  readonly answers: string | undefined;
  readonly now: string | undefined;
}

const OPTIONS = ['--bundle', '--answers', '--now', '--fhir', '--patient', '--ndjson'] as const;
type OptionName = (typeof OPTIONS)[number];

function isOption(value: string): value is OptionName {
  return OPTIONS.some((o) => o === value);
}

/**
 * Parses the arguments after `--`.
 * @param argv - the arguments
 * @returns the options, or a one-line reason
 */
export function parseScreenArgs(
  argv: readonly string[],
):
  | { readonly ok: true; readonly options: ScreenOptions }
  | { readonly ok: false; readonly reason: string } {
  const values = new Map<OptionName, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!isOption(name)) return { ok: false, reason: `unknown option or argument: ${arg}` };
    if (values.has(name)) return { ok: false, reason: `option ${name} is given more than once` };
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i += 1;
      }
    }
    if (value === undefined || value === '')
      return { ok: false, reason: `option ${name} needs a value` };
    values.set(name, value);
  }
  const bundle = values.get('--bundle');
  const fhir = values.get('--fhir');
  const patient = values.get('--patient');
  const ndjson = values.get('--ndjson');
  const sources = [bundle, fhir, ndjson].filter((v) => v !== undefined).length;
  if (sources === 0) {
    return {
      ok: false,
      reason:
        'missing chart source: give --bundle <file>, --fhir <base> --patient <id>, or --ndjson <folder>',
    };
  }
  if (sources > 1) {
    return { ok: false, reason: 'give exactly one chart source: --bundle, --fhir or --ndjson' };
  }
  if (fhir !== undefined && patient === undefined) {
    return { ok: false, reason: '--fhir needs --patient <id>' };
  }
  if (patient !== undefined && fhir === undefined) {
    return { ok: false, reason: '--patient is only used with --fhir <base>' };
  }
  const answers = values.get('--answers');
  if (ndjson !== undefined && answers !== undefined) {
    return {
      ok: false,
      reason:
        '--ndjson screens a Bulk Data export without answers; --answers cannot be used with it',
    };
  }
  let source: ChartSource;
  if (bundle !== undefined) source = { kind: 'bundle', file: bundle };
  else if (ndjson !== undefined) source = { kind: 'ndjson', folder: ndjson };
  else source = { kind: 'fhir', base: fhir ?? '', patient: patient ?? '' };
  return { ok: true, options: { source, answers, now: values.get('--now') } };
}
