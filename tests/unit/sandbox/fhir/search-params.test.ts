/** @jest-environment node */
import { getSearchParameter } from '@medplum/core';
import { loadFhirDefinitions } from '@/lib/sandbox/fhir/definitions';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  normalizeConditionQuery,
  planSearch,
  SEARCH_PARAMS,
  supportedSearchParams,
} from '@/lib/sandbox/fhir/search-params';

const BASE = 'http://localhost:3000/sandbox/fhir';

beforeAll(() => {
  loadFhirDefinitions();
});

describe('SEARCH_PARAMS', () => {
  it('covers the types the app and the launcher use', () => {
    expect(Object.keys(SEARCH_PARAMS)).toEqual(
      expect.arrayContaining([
        'Patient',
        'Observation',
        'Condition',
        'Procedure',
        'MedicationRequest',
        'QuestionnaireResponse',
        'ServiceRequest',
        'Practitioner',
        'Encounter',
        'DocumentReference',
      ]),
    );
  });

  it.each(Object.keys(SEARCH_PARAMS))(
    'lists only real R4 %s parameters of a type Medplum matches',
    (type) => {
      for (const code of supportedSearchParams(type)) {
        const definition = getSearchParameter(type, code);
        expect({ code, type: definition?.type }).toEqual({
          code,
          type: expect.stringMatching(/^(token|string|date|reference|uri)$/) as unknown,
        });
      }
    },
  );

  it('keeps per-type search expressions (fast matching)', () => {
    expect(getSearchParameter('Observation', 'date')?.expression).toBe('Observation.effective');
    expect(getSearchParameter('Condition', 'patient')?.expression).toBe(
      'Condition.subject.where(resolve() is Patient)',
    );
  });
});

describe('planSearch', () => {
  const plan = (query: string, type = 'Observation') =>
    planSearch(type, new URLSearchParams(query), BASE);

  it('rewrites a bare id to Type/id for each target type', () => {
    expect(plan('patient=123').query.get('patient')).toBe('Patient/123');
    expect(plan('subject=123').query.get('subject')).toBe(
      'Group/123,Device/123,Patient/123,Location/123',
    );
    expect(plan('subject:Patient=123').query.get('subject')).toBe('Patient/123');
    expect(plan('subject=123,Patient/456').query.get('subject')).toBe(
      'Group/123,Device/123,Patient/123,Location/123,Patient/456',
    );
    expect(plan(`subject=${encodeURIComponent(`${BASE}/Patient/9`)}`).query.get('subject')).toBe(
      'Patient/9',
    );
  });

  it('keeps a canonical URL as it is', () => {
    expect(
      plan('questionnaire=http://x.org/Questionnaire/q|1', 'QuestionnaireResponse').query.get(
        'questionnaire',
      ),
    ).toBe('http://x.org/Questionnaire/q|1');
  });

  it('normalises sorting and paging', () => {
    const result = plan('code=x&_sort:desc=date&_sort=-code&_count=9999&_offset=40');
    expect(result.query.get('_sort')).toBe('-date,-code');
    expect(result.count).toBe(MAX_PAGE_SIZE);
    expect(result.offset).toBe(40);
    expect(result.linkQuery.toString()).toBe('code=x&_sort%3Adesc=date&_sort=-code');
    expect(plan('code=x').count).toBe(DEFAULT_PAGE_SIZE);
    expect(plan('_summary=count').count).toBe(0);
  });

  it.each(['code:not=x', 'status:missing=false', 'subject:missing=true', 'date=ap2026-06-01'])(
    'accepts %s on Observation',
    (query) => {
      expect(() => plan(query)).not.toThrow();
    },
  );

  it.each(['name:contains=ar', 'birthdate=le2020-01', 'gender=female'])(
    'accepts %s on Patient',
    (query) => {
      expect(() => plan(query, 'Patient')).not.toThrow();
    },
  );

  it.each([
    'name:exact=Ardent',
    'gender:text=female',
    'active=',
    'general-practitioner=x',
    'active:missing=maybe',
  ])('refuses %s on Patient', (query) => {
    expect(() => plan(query, 'Patient')).toThrow();
  });
});

describe('normalizeConditionQuery', () => {
  it('normalises an If-None-Exist query', () => {
    expect(normalizeConditionQuery('ServiceRequest', 'identifier=urn:x|1', BASE)).toBe(
      'identifier=urn%3Ax%7C1',
    );
    expect(normalizeConditionQuery('Observation', 'patient=7&code=x', BASE)).toBe(
      'patient=Patient%2F7&code=x',
    );
  });

  it.each(['', '_count=1', 'foo=bar', '_sort=code'])('refuses %j', (query) => {
    expect(() => normalizeConditionQuery('Observation', query, BASE)).toThrow();
  });
});
