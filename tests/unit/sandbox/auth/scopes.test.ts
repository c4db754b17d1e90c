/** @jest-environment node */
import {
  describeScope,
  grantScopes,
  grantsPatientContext,
  isSmartScope,
  narrowScope,
  parseResourceScope,
  splitScope,
} from '@/lib/sandbox/auth/scopes';

describe('isSmartScope', () => {
  it.each([
    ['patient/Observation.rs', true],
    ['patient/Observation.read', true],
    ['user/*.cruds', true],
    ['system/*.rs', true],
    ['patient/QuestionnaireResponse.write', true],
    [
      'patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory',
      true,
    ],
    ['launch', true],
    ['launch/patient', true],
    ['openid', true],
    ['fhirUser', true],
    ['online_access', true],
    ['offline_access', true],
    ['patient/Observation.sr', false], // out of order
    ['patient/Observation.rr', false],
    ['patient/Observation.x', false],
    ['patient/Observation.read?category=laboratory', false], // v1 has no granular form
    ['patient/observation.rs', false],
    ['admin/Observation.rs', false],
    ['launch/everything', false],
    ['email', false],
  ])('%s -> %s', (scope, expected) => {
    expect(isSmartScope(scope)).toBe(expected);
  });
});

describe('parseResourceScope', () => {
  it('maps v1 actions to v2 interactions', () => {
    expect(parseResourceScope('patient/Condition.read')).toEqual({
      context: 'patient',
      type: 'Condition',
      interactions: 'rs',
      syntax: 'v1',
    });
    expect(parseResourceScope('user/*.write')?.interactions).toBe('cud');
    expect(parseResourceScope('user/*.*')?.interactions).toBe('cruds');
  });
});

describe('splitScope', () => {
  it('splits on spaces and drops duplicates', () => {
    expect(splitScope(' launch  openid launch ')).toEqual(['launch', 'openid']);
  });

  it('refuses characters outside RFC 6749 scope tokens', () => {
    expect(splitScope('launch "openid"')).toBeUndefined();
    expect(splitScope('launch\\x')).toBeUndefined();
  });
});

describe('narrowScope', () => {
  it.each([
    ['patient/Observation.rs', ['patient/Observation.rs'], ['patient/Observation.rs']],
    ['patient/Observation.cruds', ['patient/Observation.rs'], ['patient/Observation.rs']],
    ['patient/Observation.read', ['patient/Observation.rs'], ['patient/Observation.read']],
    ['patient/Observation.read', ['patient/Observation.r'], []],
    [
      'patient/*.read',
      ['patient/Observation.rs', 'patient/Condition.rs'],
      ['patient/Observation.read', 'patient/Condition.read'],
    ],
    ['patient/Observation.rs', ['patient/*.rs'], ['patient/Observation.rs']],
    ['patient/Observation.rs', ['user/Observation.rs'], []],
    ['patient/Condition.rs', ['patient/Observation.rs'], []],
    ['patient/ServiceRequest.write', ['patient/ServiceRequest.c'], []],
    ['patient/ServiceRequest.cs', ['patient/ServiceRequest.cruds'], ['patient/ServiceRequest.cs']],
    [
      'patient/Observation.rs',
      ['patient/Observation.rs?category=laboratory'],
      ['patient/Observation.rs?category=laboratory'],
    ],
    [
      'patient/Observation.rs?category=vital-signs',
      ['patient/Observation.rs?category=laboratory'],
      [],
    ],
    ['openid', ['openid'], ['openid']],
    ['online_access', ['openid'], []],
  ])('%s within %j -> %j', (scope, limit, expected) => {
    expect(narrowScope(scope, limit)).toEqual(expected);
  });
});

describe('grantScopes', () => {
  const requested = ['launch', 'launch/encounter', 'openid', 'email', 'patient/Patient.r'];

  it('keeps well-formed SMART scopes, drops others and launch/encounter (no encounter context)', () => {
    expect(grantScopes(requested, 'ehr', undefined)).toEqual([
      'launch',
      'openid',
      'patient/Patient.r',
    ]);
  });

  it('drops launch outside an EHR launch', () => {
    expect(grantScopes(requested, 'standalone', undefined)).toEqual([
      'openid',
      'patient/Patient.r',
    ]);
  });

  it('narrows to a registration limit', () => {
    expect(grantScopes(requested, 'ehr', ['launch', 'patient/*.rs'])).toEqual([
      'launch',
      'patient/Patient.r',
    ]);
  });
});

describe('grantsPatientContext', () => {
  it.each([
    [['launch'], 'ehr', true],
    [['launch'], 'standalone', false],
    [['launch/patient'], 'standalone', true],
    [['patient/Patient.r'], 'ehr', false],
  ] as const)('%j in %s launch -> %s', (scopes, kind, expected) => {
    expect(grantsPatientContext(scopes, kind)).toBe(expected);
  });
});

describe('describeScope', () => {
  it.each([
    ['patient/Observation.rs', 'Read and search Observation records for the patient in context'],
    [
      'patient/QuestionnaireResponse.cs',
      'Create and search QuestionnaireResponse records for the patient in context',
    ],
    ['patient/Condition.read', 'Read and search Condition records for the patient in context'],
    ['user/*.cruds', 'Create, read, update, delete and search all records that you can access'],
    ['patient/Patient.r', 'Read Patient records for the patient in context'],
    [
      'patient/Observation.rs?category=laboratory',
      'Read and search Observation records for the patient in context (only where category=laboratory)',
    ],
    ['online_access', 'Stay connected while you are signed in to the EHR'],
    ['something-else', 'something-else'],
  ])('%s', (scope, words) => {
    expect(describeScope(scope)).toBe(words);
  });
});
