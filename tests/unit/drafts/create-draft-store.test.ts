/** @jest-environment node */
import { IDBFactory } from 'fake-indexeddb';
import { createDraftStore, DRAFT_TTL_MS, type Draft, type DraftKey } from '@/lib/drafts';
import { DB_NAME, DRAFTS_STORE, OPEN_TIMEOUT_MS } from '@/lib/drafts/indexeddb-store';
import { createNewerDatabase, readAll } from './raw-db';

const T0 = Date.UTC(2026, 5, 15, 7, 0, 0);
const SERVER = 'https://ehr.example/fhir';
const KEY: DraftKey = { serverUrl: SERVER, patientId: 'pt-1', userRef: 'Practitioner/dr-a' };

function aDraft(answers: Draft['answers'] = { 'rf-ces': true }, savedAt = T0): Draft {
  return { screeningId: 'screening-1', answers, savedAt };
}

let clock = T0;
const now = () => clock;
let warn: jest.SpyInstance;

beforeEach(() => {
  clock = T0;
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  warn.mockRestore();
  jest.useRealTimers();
});

// The same behaviour whether drafts are encrypted in IndexedDB or kept in memory.
describe.each([
  ['IndexedDB', true, () => createDraftStore({ now, indexedDB: new IDBFactory() })],
  ['memory', false, () => createDraftStore({ now })],
] as const)('createDraftStore (%s)', (_backend, persistent, open) => {
  it(`reports persistent: ${persistent}`, async () => {
    expect((await open()).persistent).toBe(persistent);
  });

  it('loads what was saved', async () => {
    const store = await open();
    const draft = aDraft({ 'rf-ces': true, 'pain-score': 7, note: 'worse at night' });
    await store.save(KEY, draft);
    await expect(store.load(KEY)).resolves.toEqual(draft);
  });

  it('has nothing for a key that never saved', async () => {
    await expect((await open()).load(KEY)).resolves.toBeUndefined();
  });

  it('keeps a draft for 12 hours and not a second longer', async () => {
    const store = await open();
    await store.save(KEY, aDraft());
    clock = T0 + DRAFT_TTL_MS - 1_000; // 11:59:59
    await expect(store.load(KEY)).resolves.toEqual(aDraft());
    clock = T0 + DRAFT_TTL_MS + 1_000; // 12:00:01
    await expect(store.load(KEY)).resolves.toBeUndefined();
    clock = T0; // deleted, not merely hidden
    await expect(store.load(KEY)).resolves.toBeUndefined();
  });

  it('replaces a draft with the next save', async () => {
    const store = await open();
    await store.save(KEY, aDraft({ 'rf-ces': true }));
    await store.save(KEY, aDraft({ 'rf-ces': false }, T0 + 60_000));
    await expect(store.load(KEY)).resolves.toEqual(aDraft({ 'rf-ces': false }, T0 + 60_000));
  });

  it('clears the draft after write-back', async () => {
    const store = await open();
    const other: DraftKey = { ...KEY, patientId: 'pt-2' };
    await store.save(KEY, aDraft());
    await store.save(other, aDraft());
    await store.clear(KEY);
    await expect(store.load(KEY)).resolves.toBeUndefined();
    await expect(store.load(other)).resolves.toEqual(aDraft());
  });

  it('keeps only the current launch draft on clearOthers', async () => {
    const store = await open();
    const keys: DraftKey[] = [
      KEY,
      { ...KEY, patientId: 'pt-2' },
      { ...KEY, userRef: 'Practitioner/dr-b' },
      { ...KEY, serverUrl: 'https://other-ehr.example/fhir' },
    ];
    for (const key of keys) await store.save(key, aDraft({ patient: key.patientId }));
    await store.clearOthers(KEY);
    await expect(store.load(KEY)).resolves.toEqual(aDraft({ patient: 'pt-1' }));
    for (const key of keys.slice(1)) await expect(store.load(key)).resolves.toBeUndefined();
  });

  it('keeps a separate draft per user, with no user being a user of its own', async () => {
    const store = await open();
    const drB: DraftKey = { ...KEY, userRef: 'Practitioner/dr-b' };
    const noUser: DraftKey = { ...KEY, userRef: undefined };
    await store.save(KEY, aDraft({ by: 'a' }));
    await store.save(noUser, aDraft({ by: 'nobody' }));
    await expect(store.load(drB)).resolves.toBeUndefined();
    await expect(store.load(KEY)).resolves.toEqual(aDraft({ by: 'a' }));
    await expect(store.load({ ...KEY, userRef: '' })).resolves.toEqual(aDraft({ by: 'nobody' }));
  });

  it('applies concurrent saves in call order without mixing them', async () => {
    const store = await open();
    const other: DraftKey = { ...KEY, patientId: 'pt-2' };
    const saves = Array.from({ length: 20 }, (_, i) => [
      store.save(KEY, aDraft({ step: i, 'rf-ces': i % 2 === 0 }, T0 + i)),
      store.save(other, aDraft({ step: -i }, T0 + i)),
    ]).flat();
    const loadedMidway = store.load(KEY);
    saves.push(store.save(KEY, aDraft({ step: 20 }, T0 + 20)));
    await Promise.all(saves);
    await expect(loadedMidway).resolves.toEqual(aDraft({ step: 19, 'rf-ces': false }, T0 + 19));
    await expect(store.load(KEY)).resolves.toEqual(aDraft({ step: 20 }, T0 + 20));
    await expect(store.load(other)).resolves.toEqual(aDraft({ step: -19 }, T0 + 19));
  });

  it('is not changed by the caller mutating a draft after saving or loading it', async () => {
    const store = await open();
    const answers: Record<string, boolean> = { 'rf-ces': true };
    await store.save(KEY, aDraft(answers));
    answers['rf-ces'] = false;
    const loaded = await store.load(KEY);
    expect(loaded?.answers).toEqual({ 'rf-ces': true });
    if (loaded !== undefined) Reflect.set(loaded.answers, 'rf-ces', 'changed');
    await expect(store.load(KEY)).resolves.toEqual(aDraft({ 'rf-ces': true }));
  });

  it('rejects a draft that cannot be stored faithfully, keeping the previous one', async () => {
    const store = await open();
    await store.save(KEY, aDraft());
    await expect(store.save(KEY, aDraft({ 'pain-score': Number.NaN }))).rejects.toThrow(TypeError);
    await expect(store.save(KEY, aDraft({}, Number.POSITIVE_INFINITY))).rejects.toThrow(TypeError);
    await expect(store.load(KEY)).resolves.toEqual(aDraft());
    expect(store.persistent).toBe(persistent);
  });
});

describe('createDraftStore fallback to memory', () => {
  async function expectWorkingMemoryStore(
    store: Awaited<ReturnType<typeof createDraftStore>>,
  ): Promise<void> {
    expect(store.persistent).toBe(false);
    await store.save(KEY, aDraft());
    await expect(store.load(KEY)).resolves.toEqual(aDraft());
  }

  function expectOneGenericWarning(): void {
    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0]?.[0]);
    expect(message).toMatch(/memory only/);
    for (const identifier of [KEY.patientId, KEY.serverUrl, 'Practitioner', 'rf-ces']) {
      expect(message).not.toContain(identifier);
    }
  }

  it('uses memory when there is no IndexedDB (Node, old embedded browsers)', async () => {
    expect(Reflect.get(globalThis, 'indexedDB')).toBeUndefined();
    await expectWorkingMemoryStore(await createDraftStore({ now }));
    expectOneGenericWarning();
  });

  it('uses memory when indexedDB.open throws (storage blocked)', async () => {
    const factory = new IDBFactory();
    factory.open = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    await expectWorkingMemoryStore(await createDraftStore({ now, indexedDB: factory }));
    expectOneGenericWarning();
    expect(String(warn.mock.calls[0]?.[0])).toContain('SecurityError');
  });

  it('uses memory when indexedDB.open fails', async () => {
    const factory = new IDBFactory();
    await createNewerDatabase(factory);
    await expectWorkingMemoryStore(await createDraftStore({ now, indexedDB: factory }));
    expectOneGenericWarning();
  });

  it('uses memory when indexedDB.open never answers', async () => {
    jest.useFakeTimers();
    const factory = new IDBFactory();
    factory.open = () => Object.create(null); // a request whose events never fire
    const pending = createDraftStore({ now, indexedDB: factory });
    await jest.advanceTimersByTimeAsync(OPEN_TIMEOUT_MS);
    await expectWorkingMemoryStore(await pending);
    expectOneGenericWarning();
  });

  it('uses memory without SubtleCrypto (plain http)', async () => {
    const noSubtle: Crypto = Object.create(globalThis.crypto, { subtle: { value: undefined } });
    const factory = new IDBFactory();
    await expectWorkingMemoryStore(
      await createDraftStore({ now, indexedDB: factory, crypto: noSubtle }),
    );
    expectOneGenericWarning();
  });

  it('uses memory when key generation fails, and leaves no key behind', async () => {
    const subtle: SubtleCrypto = Object.create(globalThis.crypto.subtle, {
      generateKey: {
        value: () => Promise.reject(new DOMException('Not supported', 'NotSupportedError')),
      },
    });
    const crypto: Crypto = Object.create(globalThis.crypto, { subtle: { value: subtle } });
    const factory = new IDBFactory();
    await expectWorkingMemoryStore(await createDraftStore({ now, indexedDB: factory, crypto }));
    expectOneGenericWarning();
    await expect(readAll(factory, 'keys')).resolves.toEqual([]);
  });

  it('switches to memory, warning once, when IndexedDB fails while the app runs', async () => {
    const factory = new IDBFactory();
    const store = await createDraftStore({ now, indexedDB: factory });
    await store.save(KEY, aDraft());
    expect(store.persistent).toBe(true);

    // The browser (or the user clearing site data) deletes the database under the app.
    await new Promise<void>((resolve, reject) => {
      const request = factory.deleteDatabase(DB_NAME);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });

    await expect(store.save(KEY, aDraft({ 'rf-ces': false }))).resolves.toBeUndefined();
    expect(store.persistent).toBe(false);
    await expect(store.load(KEY)).resolves.toEqual(aDraft({ 'rf-ces': false }));
    await expect(store.clearOthers(KEY)).resolves.toBeUndefined();
    await expect(store.clear(KEY)).resolves.toBeUndefined();
    await expect(store.load(KEY)).resolves.toBeUndefined();
    expectOneGenericWarning();
  });

  it('does not warn when IndexedDB works', async () => {
    const factory = new IDBFactory();
    const store = await createDraftStore({ now, indexedDB: factory });
    await store.save(KEY, aDraft());
    await store.load(KEY);
    expect(warn).not.toHaveBeenCalled();
    await expect(readAll(factory, DRAFTS_STORE)).resolves.toHaveLength(1);
  });
});
