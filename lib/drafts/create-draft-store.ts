import { openIndexedDbBackend } from './indexeddb-store';
import { createMemoryBackend, type DraftBackend } from './memory-store';
import type { DraftStore } from './types';
import { isDraft, isObject } from './validate';

/** The one warning, deliberately generic: no ids, no answers, no error text. */
const FALLBACK_WARNING =
  'Draft answers are kept in memory only and will not survive a reload: browser storage is unavailable';

/** The error's class name (e.g. `QuotaExceededError`), never its message, which could echo data. */
function errorName(error: unknown): string {
  const name = isObject(error) ? error.name : undefined;
  return typeof name === 'string' && /^[A-Za-z]{1,40}$/.test(name) ? name : 'unknown error';
}

function isIdbFactory(value: unknown): value is IDBFactory {
  return isObject(value) && typeof value.open === 'function';
}

/** Web Crypto with SubtleCrypto, which is missing outside secure contexts (plain http). */
function isUsableCrypto(value: unknown): value is Crypto {
  return (
    isObject(value) &&
    typeof value.getRandomValues === 'function' &&
    isObject(value.subtle) &&
    typeof value.subtle.generateKey === 'function'
  );
}

/** A global that can be missing (Node, old WebViews) or throw on access (storage disabled). */
function readGlobal(name: 'indexedDB' | 'crypto'): unknown {
  try {
    return Reflect.get(globalThis, name);
  } catch {
    return undefined;
  }
}

/**
 * Open the draft store: encrypted in IndexedDB when the browser allows it, else in memory
 * (`persistent: false`). Never rejects for storage problems; if storage fails later the store
 * switches to memory, warns once and reports `persistent: false` from then on.
 * @param options - test seams: the clock (default `Date.now`), the IndexedDB factory (default
 * `globalThis.indexedDB`) and Web Crypto (default `globalThis.crypto`)
 */
export async function createDraftStore(
  options: {
    now?: () => number;
    indexedDB?: IDBFactory;
    crypto?: Crypto;
  } = {},
): Promise<DraftStore> {
  const now = options.now ?? (() => Date.now());
  const memory = createMemoryBackend(now);
  let primary: DraftBackend | undefined;
  let warned = false;
  const fallBack = (reason: string): void => {
    primary = undefined;
    if (warned) return;
    warned = true;
    console.warn(`${FALLBACK_WARNING} (${reason}).`);
  };

  const factory: unknown = options.indexedDB ?? readGlobal('indexedDB');
  const crypto: unknown = options.crypto ?? readGlobal('crypto');
  if (!isIdbFactory(factory)) {
    fallBack('no IndexedDB');
  } else if (!isUsableCrypto(crypto)) {
    fallBack('no SubtleCrypto');
  } else {
    try {
      primary = await openIndexedDbBackend({ indexedDB: factory, crypto, now });
    } catch (error) {
      fallBack(errorName(error));
    }
  }

  // One operation at a time, in call order: a later save always wins, a load sees earlier saves.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(operation: () => Promise<T>): Promise<T> => {
    const result = queue.then(operation, operation);
    queue = result.catch(() => undefined);
    return result;
  };

  /** Run on IndexedDB while it works; on its first failure, switch to memory for good. */
  const run = <T>(operation: (backend: DraftBackend) => Promise<T>): Promise<T> =>
    serially(async () => {
      if (primary !== undefined) {
        try {
          return await operation(primary);
        } catch (error) {
          fallBack(errorName(error));
        }
      }
      return operation(memory);
    });

  return {
    get persistent() {
      return primary !== undefined;
    },
    load: (key) => run((backend) => backend.load(key)),
    save: (key, draft) => {
      if (!isDraft(draft)) {
        return Promise.reject(
          new TypeError('A draft needs a string screeningId, finite savedAt and finite answers'),
        );
      }
      return run((backend) => backend.save(key, draft));
    },
    clear: (key) => run((backend) => backend.clear(key)),
    clearOthers: (key) => run((backend) => backend.clearOthers(key)),
  };
}
