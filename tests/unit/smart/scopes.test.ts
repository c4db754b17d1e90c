import { missingScopes, requestedScope } from '@/lib/smart/scopes';

describe('missingScopes', () => {
  const requested = requestedScope('v2', 'ehr');

  it('is empty when everything was granted', () => {
    expect(missingScopes(requested, requested)).toEqual([]);
  });

  it('lists the resource scopes the EHR left out', () => {
    const granted = requested
      .replace(' patient/Procedure.rs', '')
      .replace(' patient/ServiceRequest.cs', '');
    expect(missingScopes(requested, granted)).toEqual([
      'patient/Procedure.rs',
      'patient/ServiceRequest.cs',
    ]);
  });

  it('counts a broader grant (v1 read, wildcard type, user context) as covering the request', () => {
    const granted =
      'launch openid fhirUser patient/*.read user/Condition.rs patient/Procedure.cruds patient/MedicationRequest.read patient/QuestionnaireResponse.write patient/QuestionnaireResponse.read patient/ServiceRequest.*';
    expect(missingScopes(requested, granted)).toEqual([]);
  });

  it('does not count a partial grant: read without search, or create without search', () => {
    const granted =
      'patient/Patient.r patient/Observation.r patient/Condition.rs patient/Procedure.rs patient/MedicationRequest.rs patient/QuestionnaireResponse.c patient/ServiceRequest.cs';
    expect(missingScopes(requested, granted)).toEqual([
      'patient/Observation.rs',
      'patient/QuestionnaireResponse.cs',
    ]);
  });

  it('does not count a granular (category-limited) grant as the full scope', () => {
    expect(
      missingScopes('patient/Observation.rs', 'patient/Observation.rs?category=laboratory'),
    ).toEqual(['patient/Observation.rs']);
  });

  it('ignores an out-of-order v2 suffix, which servers may reject', () => {
    expect(missingScopes('patient/Observation.rs', 'patient/Observation.sr')).toEqual([
      'patient/Observation.rs',
    ]);
  });
});
