/**
 * Direct access to the drafts database, to inspect and damage what the store wrote, as a
 * curious user (devtools) or a broken disk would.
 */
import { DB_NAME } from '@/lib/drafts/indexeddb-store';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function withDb<T>(factory: IDBFactory, body: (db: IDBDatabase) => Promise<T>): Promise<T> {
  const db = await request(factory.open(DB_NAME));
  try {
    return await body(db);
  } finally {
    db.close();
  }
}

/** Run one request in its own transaction; resolve once the transaction has committed. */
function inStore<T>(
  factory: IDBFactory,
  storeName: string,
  mode: IDBTransactionMode,
  makeRequest: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return withDb(
    factory,
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(storeName, mode);
        const req = makeRequest(tx.objectStore(storeName));
        tx.oncomplete = () => resolve(req.result);
        tx.onabort = () => reject(tx.error);
      }),
  );
}

/** Every value in a store, as stored. */
export function readAll(factory: IDBFactory, storeName: string): Promise<unknown[]> {
  return inStore(factory, storeName, 'readonly', (store) => store.getAll());
}

/** Write a value as is (`key` for stores without a keyPath). */
export function writeRaw(
  factory: IDBFactory,
  storeName: string,
  value: unknown,
  key?: IDBValidKey,
): Promise<IDBValidKey> {
  return inStore(factory, storeName, 'readwrite', (store) => store.put(value, key));
}

/** Delete one record as is. */
export function deleteRaw(factory: IDBFactory, storeName: string, key: IDBValidKey): Promise<void> {
  return inStore(factory, storeName, 'readwrite', (store) => store.delete(key));
}

/** Occupy the database name at a higher version, so the app's `open(name, 1)` fails. */
export async function createNewerDatabase(factory: IDBFactory): Promise<void> {
  const db = await request(factory.open(DB_NAME, 2));
  db.close();
}
