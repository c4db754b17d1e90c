import fs from 'node:fs';
import path from 'node:path';
import type {
  DocumentReference,
  FhirResource,
  QuestionnaireResponse,
  ServiceRequest,
} from 'fhir/r4';
import { PROFILE_URLS } from '@/lib/terminology';
import { expectValid, formatIssues, validateAgainstProfiles } from '@/tests/helpers/validate';

const DIR = path.resolve(__dirname, '..', '..', '..', 'fhir-profiles', 'resources');
const read = (file: string): FhirResource =>
  JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));
const PROFILE_OF: Record<string, string> = {
  QuestionnaireResponse: PROFILE_URLS.QUESTIONNAIRE_RESPONSE,
  ServiceRequest: PROFILE_URLS.IMAGING_SERVICE_REQUEST,
  DocumentReference: PROFILE_URLS.SCREENING_NOTE,
};
const examples = fs
  .readdirSync(path.join(DIR, 'examples'))
  .map((name): [string, FhirResource] => [name, read(path.join('examples', name))]);
const conformance = fs
  .readdirSync(DIR)
  .filter((name) => name.endsWith('.json'))
  .map((name): [string, FhirResource] => [name, read(name)]);

function qr(): QuestionnaireResponse {
  const resource = read('examples/QuestionnaireResponse-spine-qr-example.json');
  if (resource.resourceType !== 'QuestionnaireResponse')
    throw new Error('not a QuestionnaireResponse');
  return resource;
}
function sr(): ServiceRequest {
  const resource = read('examples/ServiceRequest-spine-imaging-sr-example.json');
  if (resource.resourceType !== 'ServiceRequest') throw new Error('not a ServiceRequest');
  return resource;
}
function note(): DocumentReference {
  const resource = read('examples/DocumentReference-spine-screening-note-example.json');
  if (resource.resourceType !== 'DocumentReference') throw new Error('not a DocumentReference');
  return resource;
}
const errors = (resource: FhirResource, profile: string) =>
  formatIssues(
    validateAgainstProfiles(resource, profile).filter((i) => i.severity === 'error'),
  ).join('\n');

describe('examples', () => {
  it('has an example of every profile', () => {
    expect(new Set(examples.map(([, r]) => PROFILE_OF[r.resourceType]))).toEqual(
      new Set(Object.values(PROFILE_URLS)),
    );
  });

  it.each(examples)('%s validates against its profile', (_name, resource) => {
    expectValid(resource, PROFILE_OF[resource.resourceType]);
  });
});

describe('conformance resources', () => {
  it.each(conformance)('%s validates against R4', (_name, resource) => {
    expectValid(resource);
  });
});

describe('validateAgainstProfiles', () => {
  it('reports a missing required element with the validator message', () => {
    const { subject, ...rest } = sr();
    expect(subject).toBeDefined();
    const bad: ServiceRequest = JSON.parse(JSON.stringify(rest));
    expect(errors(bad, PROFILE_URLS.IMAGING_SERVICE_REQUEST)).toMatch(/subject/);
  });

  it('reports a wrong fixed value (status must be draft, intent proposal)', () => {
    expect(errors({ ...sr(), status: 'active' }, PROFILE_URLS.IMAGING_SERVICE_REQUEST)).toMatch(
      /status/,
    );
    expect(errors({ ...sr(), intent: 'order' }, PROFILE_URLS.IMAGING_SERVICE_REQUEST)).toMatch(
      /intent/,
    );
  });

  it('reports a missing imaging category slice', () => {
    const bad = {
      ...sr(),
      category: [{ coding: [{ system: 'http://snomed.info/sct', code: '108252007' }] }],
    };
    expect(errors(bad, PROFILE_URLS.IMAGING_SERVICE_REQUEST)).toMatch(/category|slice/i);
  });

  it('checks the required binding of the code to the project imaging ValueSet', () => {
    const bad = {
      ...sr(),
      code: { coding: [{ system: 'http://loinc.org', code: '24627-2', display: 'Chest CT' }] },
    };
    expect(errors(bad, PROFILE_URLS.IMAGING_SERVICE_REQUEST)).toMatch(
      /\[binding\] ServiceRequest\.code: .*imaging-spine/,
    );
  });

  it('checks required base-R4 bindings (FHIR.js)', () => {
    const bad: ServiceRequest = JSON.parse(JSON.stringify({ ...sr(), priority: 'whenever' }));
    expect(errors(bad, PROFILE_URLS.IMAGING_SERVICE_REQUEST)).toMatch(/whenever/);
  });

  it('checks reason codes: a rule id from the CodeSystem passes, an unknown one fails', () => {
    const rule = (code: string) => ({
      coding: [{ system: 'http://spine-redflags.org/fhir/CodeSystem/red-flag-rules', code }],
    });
    expectValid({ ...sr(), reasonCode: [rule('RF-CES')] }, PROFILE_URLS.IMAGING_SERVICE_REQUEST);
    expect(
      errors({ ...sr(), reasonCode: [rule('RF-NOPE')] }, PROFILE_URLS.IMAGING_SERVICE_REQUEST),
    ).toMatch(/reasonCode/);
  });

  it('evaluates invariants: a note must name the rule set', () => {
    expect(
      errors(
        { ...sr(), note: [{ text: 'no rule set here' }] },
        PROFILE_URLS.IMAGING_SERVICE_REQUEST,
      ),
    ).toMatch(/spine-sr-1|rule set/);
  });

  it('does not fail an invariant whose inputs are absent (empty is not a failure)', () => {
    const { occurrencePeriod, ...rest } = sr();
    expect(occurrencePeriod).toBeDefined();
    const issues = validateAgainstProfiles(
      { ...rest, occurrencePeriod: { start: '2026-06-15' } },
      PROFILE_URLS.IMAGING_SERVICE_REQUEST,
    );
    expect(formatIssues(issues).join('\n')).not.toMatch(/spine-sr-2/);
  });

  it('fixes the questionnaire canonical of the QuestionnaireResponse', () => {
    const bad = {
      ...qr(),
      questionnaire: 'http://spine-redflags.org/fhir/Questionnaire/back-pain-redflags|1.0',
    };
    expect(errors(bad, PROFILE_URLS.QUESTIONNAIRE_RESPONSE)).toMatch(/questionnaire/i);
  });

  it('rejects a linkId answered twice, and two answers to one item (invariants)', () => {
    const twice: QuestionnaireResponse = {
      ...qr(),
      item: [
        {
          linkId: 'grp-history',
          item: [
            { linkId: 'hx-cancer', answer: [{ valueBoolean: true }] },
            { linkId: 'hx-cancer', answer: [{ valueBoolean: true }] },
          ],
        },
      ],
    };
    expect(errors(twice, PROFILE_URLS.QUESTIONNAIRE_RESPONSE)).toMatch(/spine-qr-1|linkId/);
    const two: QuestionnaireResponse = {
      ...qr(),
      item: [
        {
          linkId: 'grp-history',
          item: [
            { linkId: 'hx-cancer', answer: [{ valueBoolean: true }, { valueBoolean: false }] },
          ],
        },
      ],
    };
    expect(errors(two, PROFILE_URLS.QUESTIONNAIRE_RESPONSE)).toMatch(/spine-qr-2|answer/);
  });

  it('checks answers against the Questionnaire: linkIds, types, options and ranges', () => {
    const with_ = (
      linkId: string,
      answer: NonNullable<QuestionnaireResponse['item']>[number]['answer'],
    ): QuestionnaireResponse => ({
      ...qr(),
      item: [{ linkId: 'grp-context', item: [{ linkId, answer }] }],
    });
    expect(
      errors(with_('no-such-item', [{ valueBoolean: true }]), PROFILE_URLS.QUESTIONNAIRE_RESPONSE),
    ).toMatch(/no-such-item/);
    expect(
      errors(with_('duration-days', [{ valueInteger: -1 }]), PROFILE_URLS.QUESTIONNAIRE_RESPONSE),
    ).toMatch(/outside/);
    expect(
      errors(with_('duration-days', [{ valueBoolean: true }]), PROFILE_URLS.QUESTIONNAIRE_RESPONSE),
    ).toMatch(/valueInteger/);
    const minor = [
      {
        valueCoding: {
          system: 'http://spine-redflags.org/fhir/CodeSystem/back-pain-answers',
          code: 'minor',
        },
      },
    ];
    expect(errors(with_('trauma', minor), PROFILE_URLS.QUESTIONNAIRE_RESPONSE)).toMatch(
      /answerOptions/,
    );
  });

  it('requires inline text content in the screening note', () => {
    const n = note();
    const bad = {
      ...n,
      content: [
        { attachment: { contentType: 'application/pdf', url: 'http://example.org/n.pdf' } },
      ],
    };
    expect(errors(bad, PROFILE_URLS.SCREENING_NOTE)).not.toBe('');
    expectValid(n, PROFILE_URLS.SCREENING_NOTE);
  });

  it('throws for an unknown project profile', () => {
    expect(() =>
      validateAgainstProfiles(qr(), 'http://spine-redflags.org/fhir/StructureDefinition/nope'),
    ).toThrow(/Unknown project profile/);
  });
});
