/** @jest-environment node */
import { decideAccess, parseSmartScope } from '@/lib/sandbox/fhir/access';
import type { Permission } from '@/lib/sandbox/fhir/access';
import type { AccessGrant } from '@/lib/sandbox/types';

const lettersOf = (scope: string): string =>
  [...(parseSmartScope(scope)?.permissions ?? [])]
    .sort((a, b) => 'cruds'.indexOf(a) - 'cruds'.indexOf(b))
    .join('');

describe('parseSmartScope', () => {
  it.each([
    ['patient/Observation.read', 'rs'],
    ['patient/Observation.write', 'cud'],
    ['patient/Observation.*', 'cruds'],
    ['user/*.read', 'rs'],
    ['system/Patient.cruds', 'cruds'],
    ['patient/Observation.rs', 'rs'],
    ['patient/Observation.c', 'c'],
    ['patient/Observation.cs', 'cs'],
    ['patient/Observation.ud', 'ud'],
  ])('%s grants %s', (scope, letters) => {
    expect(lettersOf(scope)).toBe(letters);
  });

  it.each([
    'patient/Observation.sr',
    'patient/Observation.rr',
    'patient/Observation.scrud',
    'patient/Observation.crudsx',
    'patient/Observation.',
    'patient/Observation.Read',
    'patient/observation.rs',
    'Patient/Observation.rs',
    'practitioner/Observation.rs',
    'patient/Observation',
    'launch',
    'launch/patient',
    'openid',
    'fhirUser',
    'offline_access',
  ])('%s is not a resource scope the sandbox honours', (scope) => {
    expect(parseSmartScope(scope)).toBeUndefined();
  });

  it('keeps an enforceable category restriction', () => {
    expect(parseSmartScope('patient/Condition.rs?category=problem-list-item')).toMatchObject({
      context: 'patient',
      resourceType: 'Condition',
      category: 'problem-list-item',
    });
  });

  it.each([
    'patient/Observation.rs?code=http://loinc.org|4537-7',
    'patient/Observation.rs?category=laboratory&status=final',
    'patient/Procedure.rs?category=surgical',
    'patient/*.rs?category=laboratory',
    'patient/Observation.rs?category=',
  ])('refuses the restriction it cannot enforce in %s', (scope) => {
    expect(parseSmartScope(scope)).toBeUndefined();
  });
});

describe('decideAccess', () => {
  const grant = (scopes: string[], extra: Partial<AccessGrant> = {}): AccessGrant => ({
    clientId: 'c',
    scopes,
    patient: 'p1',
    ...extra,
  });

  it.each<[string[], string, Permission, boolean]>([
    [['patient/Observation.rs'], 'Observation', 'r', true],
    [['patient/Observation.rs'], 'Observation', 's', true],
    [['patient/Observation.rs'], 'Observation', 'c', false],
    [['patient/Observation.rs'], 'Condition', 'r', false],
    [['patient/*.read'], 'Condition', 's', true],
    [['patient/*.read'], 'Condition', 'u', false],
    [['patient/Observation.write'], 'Observation', 'u', true],
    [['patient/Observation.write'], 'Observation', 'r', false],
    [['patient/QuestionnaireResponse.cs'], 'QuestionnaireResponse', 'c', true],
    [['patient/QuestionnaireResponse.cs'], 'QuestionnaireResponse', 'u', false],
    [['patient/Observation.sr'], 'Observation', 'r', false],
  ])('%j on %s.%s -> %s', (scopes, type, permission, allowed) => {
    expect(decideAccess(grant(scopes), type, permission).allowed).toBe(allowed);
  });

  it('limits patient/ scopes to the patient in context', () => {
    expect(decideAccess(grant(['patient/*.rs']), 'Observation', 'r')).toEqual({
      allowed: true,
      patient: 'p1',
    });
  });

  it('does not limit user/ or system/ scopes, even next to patient/ ones', () => {
    expect(
      decideAccess(grant(['patient/*.rs', 'user/Observation.rs']), 'Observation', 's'),
    ).toEqual({
      allowed: true,
    });
    expect(decideAccess(grant(['system/*.read']), 'Patient', 'r')).toEqual({ allowed: true });
  });

  it('unions the categories of restricted scopes, and an unrestricted scope lifts the restriction', () => {
    expect(
      decideAccess(
        grant([
          'patient/Observation.rs?category=laboratory',
          'patient/Observation.rs?category=vital-signs',
        ]),
        'Observation',
        's',
      ),
    ).toEqual({ allowed: true, patient: 'p1', category: 'laboratory,vital-signs' });
    expect(
      decideAccess(
        grant(['patient/Observation.rs?category=laboratory', 'patient/Observation.rs']),
        'Observation',
        's',
      ),
    ).toEqual({ allowed: true, patient: 'p1' });
  });

  it('names the missing scope in both syntaxes', () => {
    const decision = decideAccess(grant(['patient/Observation.rs']), 'Procedure', 's');
    expect(decision).toEqual({
      allowed: false,
      reason: expect.stringContaining(
        'patient/Procedure.s (v1: patient/Procedure.read)',
      ) as unknown,
    });
  });

  it('refuses patient/ scopes without a patient', () => {
    expect(
      decideAccess(grant(['patient/*.rs'], { patient: undefined }), 'Observation', 'r').allowed,
    ).toBe(false);
  });

  it('lets a QA grant read and search everything and write nothing', () => {
    const qa = grant(['system/*.cruds'], { qa: true, patient: undefined });
    expect(decideAccess(qa, 'Practitioner', 'r')).toEqual({ allowed: true });
    expect(decideAccess(qa, 'Observation', 's')).toEqual({ allowed: true });
    for (const permission of ['c', 'u', 'd'] as const) {
      expect(decideAccess(qa, 'Observation', permission).allowed).toBe(false);
    }
  });
});
