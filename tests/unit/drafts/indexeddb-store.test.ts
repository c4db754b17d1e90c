/** @jest-environment node */
import { createHash } from 'node:crypto';
import { IDBFactory } from 'fake-indexeddb';
import { createDraftStore, DRAFT_TTL_MS, type Draft, type DraftKey } from '@/lib/drafts';
import {
  DRAFTS_STORE,
  isAesGcmKey,
  isStoredDraft,
  KEY_ID,
  KEYS_STORE,
  type StoredDraft,
} from '@/lib/drafts/indexeddb-store';
import { deleteRaw, readAll, writeRaw } from './raw-db';

const T0 = Date.UTC(2026, 5, 15, 7, 0, 0);
const KEY: DraftKey = {
  serverUrl: 'https://ehr.example/fhir',
  patientId: 'pt-4711',
  userRef: 'Practitioner/dr-a',
};
const ANSWERS = { 'rf-ces': true, 'pain-score': 7, note: 'saddle anaesthesia since Tuesday' };
const DRAFT: Draft = { screeningId: 'screening-1', answers: ANSWERS, savedAt: T0 };

let clock = T0;
const now = () => clock;
let factory: IDBFactory;
let warn: jest.SpyInstance;

beforeEach(() => {
  clock = T0;
  factory = new IDBFactory();
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  expect(warn).not.toHaveBeenCalled(); // storage worked throughout: nothing to warn about
  warn.mockRestore();
});

function openStore() {
  return createDraftStore({ now, indexedDB: factory, crypto: globalThis.crypto });
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

async function storedDrafts(): Promise<StoredDraft[]> {
  const values = await readAll(factory, DRAFTS_STORE);
  return values.filter(isStoredDraft);
}

async function onlyStoredDraft(): Promise<StoredDraft> {
  const values = await readAll(factory, DRAFTS_STORE);
  const [record] = values;
  expect(values).toHaveLength(1);
  if (!isStoredDraft(record)) throw new Error('not a stored draft');
  return record;
}

function bytesOf(view: ArrayBufferView): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

describe('createDraftStore on IndexedDB: at rest', () => {
  it('names the record by the SHA-256 of server, patient and user', async () => {
    const store = await openStore();
    await store.save(KEY, DRAFT);
    await store.save({ ...KEY, userRef: undefined }, DRAFT);
    const ids = (await storedDrafts()).map((record) => record.id).sort();
    expect(ids).toEqual(
      [
        sha256Hex(`${KEY.serverUrl}\u0000${KEY.patientId}\u0000${KEY.userRef}`),
        sha256Hex(`${KEY.serverUrl}\u0000${KEY.patientId}\u0000`),
      ].sort(),
    );
  });

  it('stores no identifier and no answer in clear text', async () => {
    const store = await openStore();
    await store.save(KEY, DRAFT);
    const record = await onlyStoredDraft();
    expect(Object.keys(record).sort()).toEqual(['ciphertext', 'id', 'iv', 'savedAt']);
    expect(record.savedAt).toBe(T0);
    expect(record.iv.byteLength).toBe(12);

    const readable = [
      record.id,
      String(record.savedAt),
      bytesOf(record.iv).toString('latin1'),
      bytesOf(record.ciphertext).toString('latin1'),
      bytesOf(record.ciphertext).toString('utf8'),
      bytesOf(record.ciphertext).toString('utf16le'),
    ].join('\n');
    for (const secret of [
      KEY.serverUrl,
      'ehr.example',
      KEY.patientId,
      'Practitioner',
      'dr-a',
      DRAFT.screeningId,
      JSON.stringify(ANSWERS),
      'rf-ces',
      'saddle',
    ]) {
      expect(readable).not.toContain(secret);
    }
  });

  it('uses a fresh IV for every save', async () => {
    const store = await openStore();
    await store.save(KEY, DRAFT);
    const first = await onlyStoredDraft();
    await store.save(KEY, DRAFT);
    const second = await onlyStoredDraft();
    expect(bytesOf(second.iv).equals(bytesOf(first.iv))).toBe(false);
    expect(bytesOf(second.ciphertext).equals(bytesOf(first.ciphertext))).toBe(false);
  });

  it('keeps one non-extractable AES-GCM key', async () => {
    await openStore();
    const keys = await readAll(factory, KEYS_STORE);
    expect(keys).toHaveLength(1);
    const [key] = keys;
    if (!isAesGcmKey(key)) throw new Error('not an AES-GCM key');
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toEqual({ name: 'AES-GCM', length: 256 });
    await expect(globalThis.crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });
});

describe('createDraftStore on IndexedDB: reload and re-launch', () => {
  it('reads the previous draft from a store re-created on the same database, with the same key', async () => {
    await (await openStore()).save(KEY, DRAFT);
    const keysBefore = await readAll(factory, KEYS_STORE);

    clock = T0 + 6 * 60 * 60 * 1000; // re-launched the same afternoon
    const reloaded = await openStore();
    await expect(reloaded.load(KEY)).resolves.toEqual(DRAFT);
    expect(reloaded.persistent).toBe(true);
    const keysAfter = await readAll(factory, KEYS_STORE);
    expect(keysAfter).toHaveLength(1);
    // Same key: what the first store sealed, a third store opens too.
    expect(keysBefore).toHaveLength(1);
    await expect((await openStore()).load(KEY)).resolves.toEqual(DRAFT);
  });

  it('agrees on one key when two tabs open at once', async () => {
    const [tabA, tabB] = await Promise.all([openStore(), openStore()]);
    await tabA.save(KEY, DRAFT);
    await expect(tabB.load(KEY)).resolves.toEqual(DRAFT);
    await expect(readAll(factory, KEYS_STORE)).resolves.toHaveLength(1);
  });

  it('sweeps expired drafts when it opens', async () => {
    const store = await openStore();
    const fresh: DraftKey = { ...KEY, patientId: 'pt-2' };
    await store.save(KEY, DRAFT);
    await store.save(fresh, { ...DRAFT, savedAt: T0 + 6 * 60 * 60 * 1000 });
    expect(await storedDrafts()).toHaveLength(2);

    clock = T0 + DRAFT_TTL_MS + 1_000;
    const reopened = await openStore();
    const left = await storedDrafts();
    expect(left).toHaveLength(1);
    expect(left[0]?.savedAt).toBe(T0 + 6 * 60 * 60 * 1000);
    await expect(reopened.load(fresh)).resolves.toBeDefined();
  });

  it('deletes an expired draft on load', async () => {
    const store = await openStore();
    await store.save(KEY, DRAFT);
    clock = T0 + DRAFT_TTL_MS + 1_000;
    await expect(store.load(KEY)).resolves.toBeUndefined();
    expect(await storedDrafts()).toEqual([]);
  });

  it('deletes a draft dated more than 12 hours ahead (the clock was set back)', async () => {
    const store = await openStore();
    await store.save(KEY, { ...DRAFT, savedAt: T0 + DRAFT_TTL_MS + 1_000 });
    await expect(store.load(KEY)).resolves.toBeUndefined();
    expect(await storedDrafts()).toEqual([]);
  });

  it('clearOthers removes the other records from the database', async () => {
    const store = await openStore();
    await store.save(KEY, DRAFT);
    await store.save({ ...KEY, patientId: 'pt-2' }, DRAFT);
    await writeRaw(factory, DRAFTS_STORE, { id: 'junk' });
    await store.clearOthers(KEY);
    const left = await readAll(factory, DRAFTS_STORE);
    expect(left).toHaveLength(1);
    await expect(store.load(KEY)).resolves.toEqual(DRAFT);
  });

  it('starts afresh, dropping unreadable drafts, when its key is gone', async () => {
    await (await openStore()).save(KEY, DRAFT);
    await writeRaw(factory, KEYS_STORE, 'not a key', KEY_ID);
    const store = await openStore();
    expect(store.persistent).toBe(true);
    expect(await storedDrafts()).toEqual([]);
    await expect(store.load(KEY)).resolves.toBeUndefined();
    await store.save(KEY, DRAFT);
    await expect(store.load(KEY)).resolves.toEqual(DRAFT);
  });
});

describe('createDraftStore on IndexedDB: corrupt or tampered records', () => {
  async function saveThenReplace(change: (record: StoredDraft) => unknown): Promise<void> {
    const store = await openStore();
    await store.save(KEY, DRAFT);
    const record = await onlyStoredDraft();
    await deleteRaw(factory, DRAFTS_STORE, record.id);
    await writeRaw(factory, DRAFTS_STORE, change(record));
  }

  function flipFirstByte(view: ArrayBufferView): Uint8Array {
    const bytes = Uint8Array.from(bytesOf(view));
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    return bytes;
  }

  it.each([
    [
      'a flipped ciphertext byte',
      (r: StoredDraft) => ({ ...r, ciphertext: flipFirstByte(r.ciphertext) }),
    ],
    ['a flipped IV byte', (r: StoredDraft) => ({ ...r, iv: flipFirstByte(r.iv) })],
    ['a truncated IV', (r: StoredDraft) => ({ ...r, iv: bytesOf(r.iv).subarray(0, 8) })],
    ['an extended clear-text savedAt', (r: StoredDraft) => ({ ...r, savedAt: r.savedAt + 60_000 })],
    ['a missing ciphertext', (r: StoredDraft) => ({ id: r.id, iv: r.iv, savedAt: r.savedAt })],
    ['a savedAt that is not a number', (r: StoredDraft) => ({ ...r, savedAt: String(r.savedAt) })],
  ])('returns undefined for %s and deletes the record', async (_label, change) => {
    await saveThenReplace(change);
    const store = await openStore();
    await expect(store.load(KEY)).resolves.toBeUndefined();
    await expect(readAll(factory, DRAFTS_STORE)).resolves.toEqual([]);
  });

  it('does not open a record moved under another launch id', async () => {
    const store = await openStore();
    const victim: DraftKey = { ...KEY, patientId: 'pt-2' };
    await store.save(victim, { ...DRAFT, answers: { placeholder: true } });
    const victimId = (await onlyStoredDraft()).id;
    await store.save(KEY, DRAFT);
    const attacker = (await storedDrafts()).find((record) => record.id !== victimId);
    if (attacker === undefined) throw new Error('missing record');
    await writeRaw(factory, DRAFTS_STORE, { ...attacker, id: victimId });

    await expect(store.load(victim)).resolves.toBeUndefined();
    expect((await storedDrafts()).map((record) => record.id)).toEqual([attacker.id]);
    await expect(store.load(KEY)).resolves.toEqual(DRAFT);
  });
});
