import type { Filter, SearchRequest, WithId } from '@medplum/core';
import {
  getSearchParameter,
  matchesSearchRequest,
  normalizeErrorString,
  Operator,
  OperationOutcomeError,
  splitSearchOnComma,
  validateResource,
} from '@medplum/core';
import type {
  CreateResourceOptions,
  MemoryRepository,
  UpdateResourceOptions,
} from '@medplum/fhir-router';
import { FhirRepository } from '@medplum/fhir-router';
import type { Bundle, Reference, Resource } from '@medplum/fhirtypes';
import type { AccessGrant } from '@/lib/sandbox/types';
import type { AccessDecision, Permission } from './access';
import { decideAccess } from './access';
import {
  belongsOnlyToPatient,
  isInPatientCompartment,
  patientIdOf,
  patientSearchParam,
} from './compartment';
import { fhirError } from './outcome';
import type { SearchCache } from './search-cache';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, supportedSearchParams } from './search-params';
import { sortResources } from './sort';

type Allowed = Extract<AccessDecision, { allowed: true }>;

/**
 * The repository one request sees: Medplum's MemoryRepository behind the token's grant. Every
 * path through Medplum's router (plain requests, batch and transaction entries, conditional
 * creates) reads and writes through here, so access control, validation, compartment limits,
 * sorting and paging apply everywhere.
 *
 * - read/vread: `r`; search: `s`; create: `c`; update: `u` (plus `c` when the id is new);
 *   delete: `d`. A conditional create also searches, so it needs `s` too.
 * - `patient/` access: reads must be in the patient's compartment, searches get
 *   `<patient param>=Patient/<id>` added and may not name another patient, writes may only touch
 *   resources of that patient (before and after the change).
 * - Granular `?category=` scopes: reads and writes must match the category, searches get it added.
 * - Writes are validated with Medplum's `validateResource` (structure, cardinality, primitives).
 */
export class GuardedRepository extends FhirRepository<undefined> {
  /** `Type/id` of resources this request created through update (PUT of a new id). */
  readonly createdByUpdate = new Set<string>();
  private readonly inner: MemoryRepository;
  private readonly grant: AccessGrant;
  private readonly cache: SearchCache | undefined;

  /**
   * @param inner - The shared in-memory repository.
   * @param grant - The verified token's grant.
   * @param cache - Sorted-match cache shared by requests; cleared by every write here.
   */
  constructor(inner: MemoryRepository, grant: AccessGrant, cache?: SearchCache) {
    super();
    this.inner = inner;
    this.grant = grant;
    this.cache = cache;
  }

  /** Medplum's reader/writer split does not apply to memory. */
  setMode(): void {}

  /** A new server-assigned id. */
  generateId(): string {
    return this.inner.generateId();
  }

  private require(resourceType: string, permission: Permission): Allowed {
    const decision = decideAccess(this.grant, resourceType, permission);
    if (!decision.allowed) throw fhirError(403, 'forbidden', decision.reason);
    return decision;
  }

  private assertReadable(resource: Resource, decision: Allowed): void {
    const reference = `${resource.resourceType}/${resource.id ?? ''}`;
    if (decision.patient !== undefined && !isInPatientCompartment(resource, decision.patient)) {
      throw fhirError(
        403,
        'forbidden',
        `${reference} is outside the compartment of Patient/${decision.patient} (patient/ scopes)`,
      );
    }
    if (decision.category !== undefined && !matchesCategory(resource, decision.category)) {
      throw fhirError(403, 'forbidden', `${reference} is outside the granted category restriction`);
    }
  }

  private assertWritable(resource: Resource, decision: Allowed): void {
    if (decision.patient !== undefined && !belongsOnlyToPatient(resource, decision.patient)) {
      throw fhirError(
        403,
        'forbidden',
        `patient/ scopes only write resources of Patient/${decision.patient}; this ${resource.resourceType} ` +
          'belongs to no patient or to another patient',
      );
    }
    if (decision.category !== undefined && !matchesCategory(resource, decision.category)) {
      throw fhirError(
        403,
        'forbidden',
        `This ${resource.resourceType} is outside the granted category restriction`,
      );
    }
  }

  private async existing(resourceType: string, id: string): Promise<Resource | undefined> {
    try {
      return await this.inner.readResource(resourceType, id);
    } catch (error) {
      if (error instanceof OperationOutcomeError && error.outcome.id === 'not-found')
        return undefined;
      throw error;
    }
  }

  /**
   * Create: `c`, validated, in the patient's compartment. A client id is ignored unless Medplum's
   * batch processor assigned it (`assignedId`), as FHIR create requires.
   */
  async createResource<T extends Resource>(
    resource: T,
    options?: CreateResourceOptions,
  ): Promise<WithId<T>> {
    const decision = this.require(resource.resourceType, 'c');
    const toStore: T = { ...resource };
    if (!options?.assignedId) delete toStore.id;
    validate(toStore);
    this.assertWritable(toStore, decision);
    this.cache?.clear();
    return this.inner.createResource(toStore);
  }

  /** Read: `r`, then the compartment and category checks on what was found. */
  async readResource<T extends Resource>(resourceType: string, id: string): Promise<WithId<T>> {
    const decision = this.require(resourceType, 'r');
    const resource = await this.inner.readResource<WithId<T>>(resourceType, id);
    this.assertReadable(resource, decision);
    return resource;
  }

  /** Reads `Type/id`. */
  async readReference<T extends Resource>(reference: Reference<T>): Promise<WithId<T>> {
    const [type, id] = reference.reference?.split('/') ?? [];
    if (!type || !id) throw fhirError(400, 'invalid', 'Invalid reference');
    return this.readResource<T>(type, id);
  }

  /** Reads several references; failures come back as errors in place. */
  async readReferences<T extends Resource>(
    references: readonly Reference<T>[],
  ): Promise<(T | Error)[]> {
    return Promise.all(
      references.map((reference) =>
        this.readReference(reference).catch((error: unknown) =>
          error instanceof Error ? error : new Error(normalizeErrorString(error)),
        ),
      ),
    );
  }

  /** History is not offered by the sandbox. */
  async readHistory<T extends Resource>(): Promise<Bundle<WithId<T>>> {
    throw fhirError(405, 'not-supported', 'History is not supported by the sandbox');
  }

  /** vread: `r`; both the current and the requested version must be readable. */
  async readVersion<T extends Resource>(
    resourceType: string,
    id: string,
    versionId: string,
  ): Promise<WithId<T>> {
    await this.readResource(resourceType, id);
    const decision = this.require(resourceType, 'r');
    const version = await this.inner.readVersion<WithId<T>>(resourceType, id, versionId);
    this.assertReadable(version, decision);
    return version;
  }

  /** Update: `u` (and `c` for a new id), validated; old and new version must be the patient's. */
  async updateResource<T extends Resource>(
    resource: T,
    options?: UpdateResourceOptions,
  ): Promise<WithId<T>> {
    const decision = this.require(resource.resourceType, 'u');
    if (!resource.id) throw fhirError(400, 'invalid', 'Update needs a resource id');
    const current = await this.existing(resource.resourceType, resource.id);
    if (current) {
      this.assertWritable(current, decision);
    } else {
      this.require(resource.resourceType, 'c');
    }
    validate(resource);
    this.assertWritable(resource, decision);
    this.cache?.clear();
    const stored = await this.inner.updateResource(resource, options);
    if (!current) this.createdByUpdate.add(`${stored.resourceType}/${stored.id}`);
    return stored;
  }

  /** PATCH is not offered by the sandbox. */
  async patchResource<T extends Resource>(): Promise<WithId<T>> {
    throw fhirError(405, 'not-supported', 'PATCH is not supported by the sandbox');
  }

  /** Delete: `d`; the stored resource must be the patient's. */
  async deleteResource(resourceType: string, id: string): Promise<void> {
    const decision = this.require(resourceType, 'd');
    const current = await this.inner.readResource(resourceType, id);
    this.assertWritable(current, decision);
    this.cache?.clear();
    await this.inner.deleteResource(resourceType, id);
  }

  /**
   * Search: `s`; compartment and category filters added; sorted with the first `_sort` key primary
   * (see `sortResources`); paged with `_count`/`_offset`.
   */
  async search<T extends Resource>(searchRequest: SearchRequest<T>): Promise<Bundle<WithId<T>>> {
    const { resourceType } = searchRequest;
    const decision = this.require(resourceType, 's');
    const filters: Filter[] = [...(searchRequest.filters ?? [])];
    const supported = supportedSearchParams(resourceType);
    for (const filter of filters) {
      if (!supported.includes(filter.code)) {
        throw fhirError(
          400,
          'not-supported',
          `Search parameter '${filter.code}' is not supported`,
          filter.code,
        );
      }
    }
    if (decision.patient !== undefined) {
      filters.push(compartmentFilter(resourceType, filters, decision.patient));
    }
    if (decision.category !== undefined) {
      filters.push({ code: 'category', operator: Operator.EQUALS, value: decision.category });
    }
    const sortRules = searchRequest.sortRules ?? [];
    const key = JSON.stringify([resourceType, filters, sortRules]);
    let sorted = this.cache?.get(key) as readonly WithId<T>[] | undefined;
    if (!sorted) {
      const matches = await this.inner.search<T>({ resourceType, filters });
      const resources = (matches.entry ?? [])
        .map((entry) => entry.resource)
        .filter((resource): resource is WithId<T> => resource !== undefined);
      sorted = sortResources(resources, sortRules);
      this.cache?.set(key, sorted);
    }
    const offset = Math.max(0, searchRequest.offset ?? 0);
    const count = Math.min(Math.max(0, searchRequest.count ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
    const page = sorted.slice(offset, offset + count);
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      total: sorted.length,
      ...(page.length > 0 ? { entry: page.map((resource) => ({ resource })) } : {}),
    };
  }

  /** Not used by the sandbox's routes (no `_include`/GraphQL). */
  async searchByReference<T extends Resource>(): Promise<Record<string, WithId<T>[]>> {
    throw fhirError(400, 'not-supported', '_include and GraphQL are not supported by the sandbox');
  }

  /** Atomicity comes from the engine's snapshot/restore around a whole transaction Bundle. */
  async withTransaction<TResult>(
    callback: (client: undefined) => Promise<TResult>,
  ): Promise<TResult> {
    return callback(undefined);
  }
}

function validate(resource: Resource): void {
  try {
    validateResource(resource);
  } catch (error) {
    throw fhirError(
      400,
      'structure',
      `Invalid ${resource.resourceType}: ${normalizeErrorString(error)}`,
    );
  }
}

function matchesCategory(resource: Resource, category: string): boolean {
  return matchesSearchRequest(resource, {
    resourceType: resource.resourceType,
    filters: [{ code: 'category', operator: Operator.EQUALS, value: category }],
  });
}

/**
 * The filter that limits a search to one patient's compartment. A reference filter that names
 * another patient is refused rather than silently answered with nothing.
 */
function compartmentFilter(
  resourceType: string,
  filters: readonly Filter[],
  patientId: string,
): Filter {
  const param = patientSearchParam(resourceType);
  if (!param) {
    throw fhirError(
      403,
      'forbidden',
      `${resourceType} is not in the patient compartment: patient/ scopes cannot search it`,
    );
  }
  for (const filter of filters) {
    const definition = getSearchParameter(resourceType, filter.code);
    const values = splitSearchOnComma(filter.value);
    const others =
      definition?.type === 'reference'
        ? values
            .map((value) => patientIdOf(value))
            .filter((id) => id !== undefined && id !== patientId)
        : resourceType === 'Patient' && filter.code === '_id'
          ? values.filter((id) => id !== patientId)
          : [];
    if (others.length > 0) {
      throw fhirError(
        403,
        'forbidden',
        `patient/ scopes only search Patient/${patientId}; the search names another patient`,
        filter.code,
      );
    }
  }
  return param === '_id'
    ? { code: '_id', operator: Operator.EQUALS, value: patientId }
    : { code: param, operator: Operator.EQUALS, value: `Patient/${patientId}` };
}
