import type { Draft, DraftKey } from './types';
import { copyDraft, isExpired } from './validate';

/** The operations of a draft backend; `persistent` and validation belong to the public store. */
export interface DraftBackend {
  load(key: DraftKey): Promise<Draft | undefined>;
  save(key: DraftKey, draft: Draft): Promise<void>;
  clear(key: DraftKey): Promise<void>;
  clearOthers(key: DraftKey): Promise<void>;
}

function memoryId(key: DraftKey): string {
  return JSON.stringify([key.serverUrl, key.patientId, key.userRef ?? '']);
}

/**
 * Drafts in a Map, with the same semantics as IndexedDB (expiry, clear, clearOthers); used when
 * browser storage is unavailable. Gone on reload.
 * @param now - the clock, epoch ms
 */
export function createMemoryBackend(now: () => number): DraftBackend {
  const drafts = new Map<string, Draft>();
  return {
    async load(key) {
      const id = memoryId(key);
      const draft = drafts.get(id);
      if (draft === undefined) return undefined;
      if (isExpired(draft.savedAt, now())) {
        drafts.delete(id);
        return undefined;
      }
      return copyDraft(draft);
    },
    async save(key, draft) {
      drafts.set(memoryId(key), copyDraft(draft));
    },
    async clear(key) {
      drafts.delete(memoryId(key));
    },
    async clearOthers(key) {
      const keep = memoryId(key);
      for (const id of [...drafts.keys()]) if (id !== keep) drafts.delete(id);
    },
  };
}
