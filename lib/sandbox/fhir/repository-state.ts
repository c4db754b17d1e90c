import type { MemoryRepository } from '@medplum/fhir-router';
import type { Resource } from '@medplum/fhirtypes';

/**
 * Snapshots of Medplum's MemoryRepository, for transaction rollback and `resetSandbox()`.
 * `MemoryRepository.withTransaction()` just runs its callback, so a failed transaction would keep
 * the entries already applied. The repository keeps its data in two private maps; stored objects
 * are never mutated in place (writes store fresh copies, reads return clones), so copying the maps
 * and the history arrays is a complete snapshot.
 */
export interface RepositorySnapshot {
  readonly resources: ReadonlyMap<string, ReadonlyMap<string, Resource>>;
  readonly history: ReadonlyMap<string, ReadonlyMap<string, readonly Resource[]>>;
}

interface MemoryRepositoryState {
  readonly resources: Map<string, Map<string, Resource>>;
  readonly history: Map<string, Map<string, Resource[]>>;
}

function stateOf(repository: MemoryRepository): MemoryRepositoryState {
  // Element access reaches the private fields (checked against @medplum/fhir-router 4.5.2).
  const resources = repository['resources'];
  const history = repository['history'];
  if (!(resources instanceof Map) || !(history instanceof Map)) {
    throw new Error(
      'MemoryRepository internals changed: cannot snapshot (check the Medplum version)',
    );
  }
  return { resources, history } as MemoryRepositoryState;
}

/**
 * Copies the repository's current state.
 * @param repository - The in-memory repository.
 */
export function snapshotRepository(repository: MemoryRepository): RepositorySnapshot {
  const { resources, history } = stateOf(repository);
  return {
    resources: new Map([...resources].map(([type, byId]) => [type, new Map(byId)])),
    history: new Map(
      [...history].map(([type, byId]) => [
        type,
        new Map([...byId].map(([id, versions]) => [id, [...versions]])),
      ]),
    ),
  };
}

/**
 * Puts the repository back into a snapshotted state (the snapshot stays reusable).
 * @param repository - The in-memory repository.
 * @param snapshot - From {@link snapshotRepository}.
 */
export function restoreRepository(
  repository: MemoryRepository,
  snapshot: RepositorySnapshot,
): void {
  const { resources, history } = stateOf(repository);
  resources.clear();
  history.clear();
  for (const [type, byId] of snapshot.resources) resources.set(type, new Map(byId));
  for (const [type, byId] of snapshot.history) {
    history.set(type, new Map([...byId].map(([id, versions]) => [id, [...versions]])));
  }
}
