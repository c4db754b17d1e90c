import path from 'node:path';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import type { SeedOptions, SeedResult } from '@/lib/sandbox/seed/load-seeds';
import { loadSeeds } from '@/lib/sandbox/seed/load-seeds';
import { loadFhirDefinitions } from './definitions';
import type { RepositorySnapshot } from './repository-state';
import { restoreRepository, snapshotRepository } from './repository-state';
import { SearchCache } from './search-cache';

/** The sandbox EHR's FHIR store: Medplum's router and in-memory repository, seeded. */
export interface SandboxEngine {
  readonly repository: MemoryRepository;
  readonly router: FhirRouter;
  /** What the seed load did (report, seeded patients and practitioners). */
  readonly seed: SeedResult;
  /** Sorted search matches shared by requests; cleared by every write, rollback and reset. */
  readonly searchCache: SearchCache;
  /**
   * Runs `work` alone: requests are applied one at a time, so a transaction's snapshot/restore
   * can never undo another request's write, and a reader never sees half a transaction.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Puts the repository back into its just-seeded state (same ids, same dates). */
  reset(): Promise<void>;
}

/** Where the engine's seeds come from. Every field defaults from the environment. */
export interface SandboxEngineOptions {
  /** Default `<cwd>/lib/sandbox/patients` (cwd-relative: Next bundles server code). */
  readonly patientsDir?: string;
  /** Default `process.env.SANDBOX_SEED_DIR`. */
  readonly seedDir?: string;
  /** Default `process.env.SANDBOX_SEED_ANCHOR`. */
  readonly seedAnchor?: string;
  /** The instant seed anchors map to. Default: the time of loading. */
  readonly now?: Date;
}

/** The built-in patient Bundles' folder. */
export function defaultPatientsDir(): string {
  return path.join(process.cwd(), 'lib/sandbox/patients');
}

function seedOptions(options: SandboxEngineOptions): SeedOptions {
  const seedDir = options.seedDir ?? process.env.SANDBOX_SEED_DIR;
  const seedAnchor = options.seedAnchor ?? process.env.SANDBOX_SEED_ANCHOR;
  return {
    patientsDir: options.patientsDir ?? defaultPatientsDir(),
    // The project's own patient files are validated by the test suite, not at every start.
    trustPatients: options.patientsDir === undefined,
    ...(seedDir ? { seedDir } : {}),
    ...(seedAnchor ? { seedAnchor } : {}),
    now: options.now ?? new Date(),
  };
}

/**
 * Builds a new engine: indexes the R4 definitions, loads every seed, snapshots the result.
 * Tests call this directly; the app uses {@link getSandboxEngine}.
 * @param options - Seed folders, anchor and load time.
 */
export async function createSandboxEngine(
  options: SandboxEngineOptions = {},
): Promise<SandboxEngine> {
  loadFhirDefinitions();
  const repository = new MemoryRepository();
  const router = new FhirRouter();
  const seed = await loadSeeds(repository, seedOptions(options));
  const seeded: RepositorySnapshot = snapshotRepository(repository);
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  const searchCache = new SearchCache();
  return {
    repository,
    router,
    seed,
    searchCache,
    exclusive,
    reset: () =>
      exclusive(async () => {
        restoreRepository(repository, seeded);
        searchCache.clear();
      }),
  };
}

const SINGLETON_KEY = '__spineRedflagsSandboxFhir';
type SingletonHolder = typeof globalThis & { [SINGLETON_KEY]?: Promise<SandboxEngine> };

/**
 * The process-wide engine, created on first use. Kept on `globalThis` because Next bundles
 * `instrumentation.ts` and each route separately: a module-level variable would seed twice. A
 * failed start is forgotten so the next request tries again instead of failing forever.
 */
export function getSandboxEngine(): Promise<SandboxEngine> {
  const holder = globalThis as SingletonHolder;
  let engine = holder[SINGLETON_KEY];
  if (!engine) {
    engine = createSandboxEngine().catch((error: unknown) => {
      if (holder[SINGLETON_KEY] === engine) delete holder[SINGLETON_KEY];
      console.error(
        'sandbox FHIR: start failed',
        error instanceof Error ? error.message : 'unknown',
      );
      throw error;
    });
    holder[SINGLETON_KEY] = engine;
  }
  return engine;
}
