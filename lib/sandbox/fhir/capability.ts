import { getSearchParameter } from '@medplum/core';
import type {
  CapabilityStatement,
  CapabilityStatementRestResource,
  CapabilityStatementRestResourceSearchParam,
  ResourceType,
} from '@medplum/fhirtypes';
import { SEARCH_PARAMS, supportedSearchParams } from './search-params';

/** The resource types the CapabilityStatement advertises (the ones with a search allow-list). */
export const ADVERTISED_TYPES: readonly string[] = Object.keys(SEARCH_PARAMS);

const RESULT_PARAM_DOCS: readonly CapabilityStatementRestResourceSearchParam[] = [
  { name: '_count', type: 'number', documentation: `Page size (capped).` },
  { name: '_offset', type: 'number', documentation: 'Paging offset; follow Bundle.link next.' },
  { name: '_sort', type: 'string', documentation: 'Comma-separated keys, `-` for descending.' },
  { name: '_summary', type: 'token', documentation: 'Only `count`.' },
];

function searchParamsOf(resourceType: string): CapabilityStatementRestResourceSearchParam[] {
  const params = supportedSearchParams(resourceType).map((code) => {
    const definition = getSearchParameter(resourceType, code);
    return {
      name: code,
      type: definition?.type ?? 'token',
      ...(definition?.url ? { definition: definition.url } : {}),
    } satisfies CapabilityStatementRestResourceSearchParam;
  });
  return [...params, ...RESULT_PARAM_DOCS];
}

/**
 * The sandbox's R4 CapabilityStatement: SMART security endpoints, and per type exactly the
 * interactions and search parameters the wrapper implements (anything else answers 400).
 * @param baseUrl - The absolute FHIR base, e.g. `http://localhost:3000/sandbox/fhir`.
 * @param date - The statement's date (defaults to now).
 */
export function buildCapabilityStatement(
  baseUrl: string,
  date: Date = new Date(),
): CapabilityStatement {
  const origin = new URL(baseUrl).origin;
  const resource: CapabilityStatementRestResource[] = ADVERTISED_TYPES.map((type) => ({
    type: type as ResourceType,
    interaction: [
      { code: 'read' },
      { code: 'vread' },
      { code: 'search-type' },
      { code: 'create' },
      { code: 'update' },
      { code: 'delete' },
    ],
    versioning: 'versioned',
    readHistory: false,
    updateCreate: true,
    conditionalCreate: true,
    conditionalUpdate: false,
    conditionalDelete: 'not-supported',
    searchParam: searchParamsOf(type),
  }));
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: date.toISOString(),
    publisher: 'Spine Red-Flag Screener sandbox',
    kind: 'instance',
    software: { name: 'Spine Red-Flag Screener sandbox EHR (Medplum fhir-router)' },
    implementation: { description: 'Embedded sandbox EHR for development and tests', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['json', 'application/fhir+json'],
    rest: [
      {
        mode: 'server',
        security: {
          cors: false,
          service: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                  code: 'SMART-on-FHIR',
                },
              ],
              text: 'OAuth2 using the SMART App Launch framework',
            },
          ],
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [
                { url: 'authorize', valueUri: `${origin}/sandbox/auth/authorize` },
                { url: 'token', valueUri: `${origin}/sandbox/auth/token` },
              ],
            },
          ],
        },
        resource,
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
      },
    ],
  };
}
