import {
  formatV1Scopes,
  formatV2Scope,
  parseScope,
  toPermissionLetters,
  type Permission,
} from '@/lib/smart/scope-grammar';

const permissions = (letters: string): ReadonlySet<Permission> =>
  new Set([...letters].filter((letter): letter is Permission => 'cruds'.includes(letter)));

describe('parseScope', () => {
  it.each([
    // v1 actions map to v2 letters.
    ['patient/Observation.read', 'patient', 'Observation', 'rs', 'v1', undefined],
    ['patient/Observation.write', 'patient', 'Observation', 'cud', 'v1', undefined],
    ['patient/Observation.*', 'patient', 'Observation', 'cruds', 'v1', undefined],
    ['user/*.read', 'user', '*', 'rs', 'v1', undefined],
    ['system/*.*', 'system', '*', 'cruds', 'v1', undefined],
    // v2 letters: any non-empty in-order subset of cruds.
    ['patient/Patient.r', 'patient', 'Patient', 'r', 'v2', undefined],
    ['patient/Observation.rs', 'patient', 'Observation', 'rs', 'v2', undefined],
    ['patient/QuestionnaireResponse.cs', 'patient', 'QuestionnaireResponse', 'cs', 'v2', undefined],
    ['patient/Observation.ud', 'patient', 'Observation', 'ud', 'v2', undefined],
    ['user/*.cruds', 'user', '*', 'cruds', 'v2', undefined],
    ['system/Patient.s', 'system', 'Patient', 's', 'v2', undefined],
    // Granular restrictions are kept raw, whatever they say.
    [
      'patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory',
      'patient',
      'Observation',
      'rs',
      'v2',
      'category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory',
    ],
    [
      'patient/Observation.rs?category=laboratory&status=final',
      'patient',
      'Observation',
      'rs',
      'v2',
      'category=laboratory&status=final',
    ],
    ['patient/*.rs?category=laboratory', 'patient', '*', 'rs', 'v2', 'category=laboratory'],
    ['patient/Observation.rs?category=', 'patient', 'Observation', 'rs', 'v2', 'category='],
    // SMART v1 has no granular form; whether to honour one is the caller's policy.
    [
      'patient/Observation.read?category=laboratory',
      'patient',
      'Observation',
      'rs',
      'v1',
      'category=laboratory',
    ],
  ])(
    '%s -> %s/%s.%s (%s, restriction %s)',
    (scope, context, type, letters, syntax, restriction) => {
      const parsed = parseScope(scope);
      expect(parsed).toEqual({
        raw: scope,
        context,
        resourceType: type,
        permissions: permissions(letters),
        syntax,
        ...(restriction === undefined ? {} : { restriction }),
      });
      expect(parsed === undefined ? '' : toPermissionLetters(parsed.permissions)).toBe(letters);
    },
  );

  it('leaves restriction out when there is none', () => {
    expect(parseScope('patient/Observation.rs')).not.toHaveProperty('restriction');
  });

  it.each([
    ['patient/Observation.sr', 'out-of-order letters'],
    ['patient/Observation.scrud', 'out-of-order letters'],
    ['patient/Observation.rr', 'repeated letter'],
    ['patient/Observation.rss', 'repeated letter'],
    ['patient/Observation.x', 'unknown letter'],
    ['patient/Observation.crudsx', 'unknown letter'],
    ['patient/Observation.r*', 'wildcard mixed with letters'],
    ['patient/Observation.**', 'double wildcard'],
    ['patient/Observation.', 'empty letters'],
    ['patient/Observation', 'no action'],
    ['patient/Observation.Read', 'capitalised action'],
    ['patient/Observation.RS', 'capital letters'],
    ['patient/Observation.reads', 'v1 action with extra letters'],
    ['patient/observation.rs', 'lowercase type'],
    ['patient/Observation1.rs', 'digit in type'],
    ['patient/.rs', 'empty type'],
    ['Patient/Observation.rs', 'capitalised context'],
    ['admin/Observation.rs', 'unknown context'],
    ['practitioner/Observation.rs', 'unknown context'],
    ['Observation.rs', 'no context'],
    ['patient/Observation.rs?', 'empty restriction'],
    [' patient/Observation.rs', 'surrounding space'],
    ['patient/Observation.rs ', 'surrounding space'],
    ['launch', 'non-resource scope'],
    ['launch/patient', 'non-resource scope'],
    ['openid', 'non-resource scope'],
    ['fhirUser', 'non-resource scope'],
    ['offline_access', 'non-resource scope'],
    ['', 'empty string'],
  ])('%s is not a resource scope (%s)', (scope) => {
    expect(parseScope(scope)).toBeUndefined();
  });

  it('returns a fresh permission set each time', () => {
    const first = parseScope('patient/Observation.read');
    const second = parseScope('patient/Observation.read');
    expect(first?.permissions).not.toBe(second?.permissions);
  });
});

describe('toPermissionLetters', () => {
  it.each([
    ['sr', 'rs'],
    ['dc', 'cd'],
    ['scudr', 'cruds'],
    ['', ''],
  ])('writes {%s} in cruds order as %s', (letters, expected) => {
    expect(toPermissionLetters(permissions(letters))).toBe(expected);
  });
});

describe('formatV2Scope', () => {
  it.each([
    ['patient', 'Observation', 'rs', undefined, 'patient/Observation.rs'],
    ['user', '*', 'cruds', undefined, 'user/*.cruds'],
    [
      'patient',
      'Observation',
      'rs',
      'category=laboratory',
      'patient/Observation.rs?category=laboratory',
    ],
  ] as const)('%s/%s.%s?%s -> %s', (context, resourceType, letters, restriction, expected) => {
    expect(
      formatV2Scope({ context, resourceType, permissions: permissions(letters), restriction }),
    ).toBe(expected);
  });

  it('round-trips through parseScope', () => {
    const scope = 'patient/Condition.rs?category=problem-list-item';
    const parsed = parseScope(scope);
    expect(parsed === undefined ? undefined : formatV2Scope(parsed)).toBe(scope);
  });
});

describe('formatV1Scopes', () => {
  it.each([
    ['cruds', ['patient/Observation.*']],
    ['rs', ['patient/Observation.read']],
    ['cud', ['patient/Observation.write']],
    ['crud', ['patient/Observation.write']],
    ['cuds', ['patient/Observation.write']],
    ['r', []],
    ['cs', []],
  ])('writes %s as %j', (letters, expected) => {
    expect(
      formatV1Scopes({
        context: 'patient',
        resourceType: 'Observation',
        permissions: permissions(letters),
      }),
    ).toEqual(expected);
  });
});
