import { openDraft, sealDraft, toRecordId } from './cipher';
import type { DraftBackend } from './memory-store';
import { isExpired, isObject } from './validate';

/** The IndexedDB database: drafts for every launch on this browser profile, and their key. */
export const DB_NAME = 'spine-redflag-drafts';
export const DB_VERSION = 1;
/** Holds one non-extractable AES-GCM CryptoKey under {@link KEY_ID}. */
export const KEYS_STORE = 'keys';
/** Holds {@link StoredDraft} records, keyPath `id`. */
export const DRAFTS_STORE = 'drafts';
export const KEY_ID = 'aes-gcm-256';
/** Safari has hung on `indexedDB.open` forever; a launch must not wait on it. */
export const OPEN_TIMEOUT_MS = 3_000;

/** A draft record at rest. Only `savedAt` is readable, so expired drafts can be swept unopened. */
export interface StoredDraft {
  readonly id: string;
  readonly iv: ArrayBufferView;
  readonly ciphertext: ArrayBufferView;
  readonly savedAt: number;
}

/**
 * A well-formed stored record (not yet decrypted). `ArrayBuffer.isView` works across realms.
 * @param value - anything read from the drafts store
 */
export function isStoredDraft(value: unknown): value is StoredDraft {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    ArrayBuffer.isView(value.iv) &&
    ArrayBuffer.isView(value.ciphertext) &&
    typeof value.savedAt === 'number' &&
    Number.isFinite(value.savedAt)
  );
}

/**
 * A usable AES-GCM key read back from IndexedDB (checked by its tag, which holds across realms).
 * @param value - anything read from the keys store
 */
export function isAesGcmKey(value: unknown): value is CryptoKey {
  if (!isObject(value) || Object.prototype.toString.call(value) !== '[object CryptoKey]') {
    return false;
  }
  const { algorithm, usages } = value;
  return (
    isObject(algorithm) &&
    algorithm.name === 'AES-GCM' &&
    Array.isArray(usages) &&
    usages.includes('encrypt') &&
    usages.includes('decrypt')
  );
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, DB_VERSION);
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new DOMException('IndexedDB open timed out', 'TimeoutError'));
    }, OPEN_TIMEOUT_MS);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(KEYS_STORE)) db.createObjectStore(KEYS_STORE);
      if (!db.objectStoreNames.contains(DRAFTS_STORE)) {
        db.createObjectStore(DRAFTS_STORE, { keyPath: 'id' });
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      if (settled) {
        db.close(); // too late: the app already runs on memory
        return;
      }
      settled = true;
      clearTimeout(timer);
      // Let a future version (another tab) upgrade; later calls then fail over to memory.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(request.error ?? new DOMException('IndexedDB open failed', 'UnknownError'));
    };
  });
}

/**
 * Run `body` in one transaction and resolve with what its result reader returns once the
 * transaction has committed (so a write is durable when the promise resolves).
 */
function inTransaction<T>(
  db: IDBDatabase,
  storeNames: readonly string[],
  mode: IDBTransactionMode,
  body: (tx: IDBTransaction) => () => T,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction([...storeNames], mode);
    let read: (() => T) | undefined;
    tx.oncomplete = () => {
      if (read === undefined) reject(new Error('IndexedDB transaction completed without a result'));
      else resolve(read());
    };
    tx.onabort = () =>
      reject(tx.error ?? new DOMException('IndexedDB transaction aborted', 'AbortError'));
    try {
      read = body(tx);
    } catch (error) {
      reject(error);
      try {
        tx.abort();
      } catch {
        // already finished; the rejection above stands
      }
    }
  });
}

async function readKey(db: IDBDatabase): Promise<unknown> {
  return inTransaction(db, [KEYS_STORE], 'readonly', (tx) => {
    const request: IDBRequest<unknown> = tx.objectStore(KEYS_STORE).get(KEY_ID);
    return () => request.result;
  });
}

/**
 * The store's key: the one already in IndexedDB, else a new non-extractable one. Get-or-put runs
 * in a single readwrite transaction, so two tabs launching at once agree on one key.
 */
async function loadOrCreateKey(db: IDBDatabase, subtle: SubtleCrypto): Promise<CryptoKey> {
  const existing = await readKey(db);
  if (isAesGcmKey(existing)) return existing;
  const candidate = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  return inTransaction(db, [KEYS_STORE, DRAFTS_STORE], 'readwrite', (tx) => {
    let chosen = candidate;
    const keys = tx.objectStore(KEYS_STORE);
    const request: IDBRequest<unknown> = keys.get(KEY_ID);
    request.onsuccess = () => {
      const current = request.result;
      if (isAesGcmKey(current)) {
        chosen = current; // another tab got there first
        return;
      }
      keys.put(candidate, KEY_ID);
      // Whatever was encrypted under a missing or unusable key can never be read: drop it now.
      tx.objectStore(DRAFTS_STORE).clear();
    };
    return () => chosen;
  });
}

/** Delete every draft record for which `shouldDelete` holds, in one transaction. */
function deleteWhere(
  db: IDBDatabase,
  shouldDelete: (primaryKey: IDBValidKey, value: unknown) => boolean,
): Promise<void> {
  return inTransaction(db, [DRAFTS_STORE], 'readwrite', (tx) => {
    const request = tx.objectStore(DRAFTS_STORE).openCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (cursor === null) return;
      const value: unknown = cursor.value;
      if (shouldDelete(cursor.primaryKey, value)) cursor.delete();
      cursor.continue();
    };
    return () => undefined;
  });
}

/**
 * Open (creating on first use) the encrypted draft database, get or create its key and sweep
 * expired or malformed records. Rejects if IndexedDB or Web Crypto is unusable; the caller then
 * falls back to memory.
 * @param options - the IndexedDB factory, Web Crypto and clock to use
 */
export async function openIndexedDbBackend(options: {
  readonly indexedDB: IDBFactory;
  readonly crypto: Crypto;
  readonly now: () => number;
}): Promise<DraftBackend> {
  const { crypto, now } = options;
  const { subtle } = crypto;
  const db = await openDatabase(options.indexedDB);
  try {
    const cryptoKey = await loadOrCreateKey(db, subtle);
    const sweepTime = now();
    await deleteWhere(
      db,
      (_id, value) => !isStoredDraft(value) || isExpired(value.savedAt, sweepTime),
    );

    const deleteRecord = (id: string): Promise<void> =>
      inTransaction(db, [DRAFTS_STORE], 'readwrite', (tx) => {
        tx.objectStore(DRAFTS_STORE).delete(id);
        return () => undefined;
      });

    return {
      async load(key) {
        const id = await toRecordId(subtle, key);
        const loadTime = now();
        // Read and, if unusable as stored, delete in the same transaction.
        const stored = await inTransaction(db, [DRAFTS_STORE], 'readwrite', (tx) => {
          const drafts = tx.objectStore(DRAFTS_STORE);
          const request: IDBRequest<unknown> = drafts.get(id);
          let record: StoredDraft | undefined;
          request.onsuccess = () => {
            const value = request.result;
            if (value === undefined) return;
            if (isStoredDraft(value) && value.id === id && !isExpired(value.savedAt, loadTime)) {
              record = value;
            } else {
              drafts.delete(id);
            }
          };
          return () => record;
        });
        if (stored === undefined) return undefined;
        const opened = await openDraft(subtle, cryptoKey, id, key, stored);
        switch (opened.status) {
          case 'ok':
            return opened.draft;
          case 'corrupt':
            await deleteRecord(id);
            return undefined;
        }
      },

      async save(key, draft) {
        const id = await toRecordId(subtle, key);
        const sealed = await sealDraft(crypto, cryptoKey, id, key, draft);
        const record: StoredDraft = { id, ...sealed, savedAt: draft.savedAt };
        await inTransaction(db, [DRAFTS_STORE], 'readwrite', (tx) => {
          tx.objectStore(DRAFTS_STORE).put(record);
          return () => undefined;
        });
      },

      async clear(key) {
        await deleteRecord(await toRecordId(subtle, key));
      },

      async clearOthers(key) {
        const keep = await toRecordId(subtle, key);
        await deleteWhere(db, (primaryKey) => primaryKey !== keep);
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
