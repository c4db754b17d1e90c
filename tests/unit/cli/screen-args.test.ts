import { parseScreenArgs } from '@/lib/cli/screen-args';

describe('parseScreenArgs (spec §13)', () => {
  it.each([
    [
      ['--bundle', 'b.json'],
      { source: { kind: 'bundle', file: 'b.json' }, answers: undefined, now: undefined },
    ],
    [
      ['--bundle=b.json', '--answers', 'a.json', '--now', '2026-06-15T12:00:00Z'],
      {
        source: { kind: 'bundle', file: 'b.json' },
        answers: 'a.json',
        now: '2026-06-15T12:00:00Z',
      },
    ],
    [
      ['--fhir', 'https://x/fhir', '--patient', 'p1'],
      {
        source: { kind: 'fhir', base: 'https://x/fhir', patient: 'p1' },
        answers: undefined,
        now: undefined,
      },
    ],
    [
      ['--ndjson', 'dir'],
      { source: { kind: 'ndjson', folder: 'dir' }, answers: undefined, now: undefined },
    ],
  ])('accepts %j', (argv, options) => {
    expect(parseScreenArgs(argv)).toEqual({ ok: true, options });
  });

  it.each([
    [[], /missing chart source/],
    [['--answers', 'a.json'], /missing chart source/],
    [['--bundle', 'a', '--ndjson', 'b'], /exactly one chart source/],
    [['--bundle', 'a', '--fhir', 'https://x', '--patient', 'p'], /exactly one chart source/],
    [['--bundle', 'a', '--bundle', 'b'], /more than once/],
    [['--bundle'], /needs a value/],
    [['--bundle', '--now', 'x'], /needs a value/],
    [['--bundle', 'a', '--verbose'], /unknown option/],
    [['--bundle', 'a', 'extra'], /unknown option or argument: extra/],
    [['--fhir', 'https://x'], /needs --patient/],
    [['--bundle', 'a', '--patient', 'p'], /only used with --fhir/],
    [['--ndjson', 'd', '--answers', 'a'], /cannot be used/],
  ])('refuses %j', (argv, reason) => {
    const parsed = parseScreenArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toMatch(reason);
  });
});
