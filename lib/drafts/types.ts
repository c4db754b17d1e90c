/** How long an unsaved draft is kept: one clinical shift. Older drafts are deleted, never shown. */
export const DRAFT_TTL_MS = 12 * 60 * 60 * 1000;

/**
 * Whose draft this is: one EHR, one patient, one clinician. Fields are compared exactly, and a
 * missing `userRef` is the same user as `''` (a launch without `fhirUser`).
 */
export interface DraftKey {
  readonly serverUrl: string;
  readonly patientId: string;
  readonly userRef: string | undefined;
}

/** The clinician's in-progress screening answers, not yet written back to the EHR. */
export interface Draft {
  readonly screeningId: string;
  /** Answer values by linkId. Numbers must be finite: JSON (and so storage) has no NaN. */
  readonly answers: Readonly<Record<string, boolean | number | string>>;
  /** When the answers were last changed, epoch ms; the draft expires {@link DRAFT_TTL_MS} later. */
  readonly savedAt: number;
}

/** Where drafts live. Storage failures never reject: at worst the store falls back to memory. */
export interface DraftStore {
  /**
   * False when browser storage is unavailable and drafts live only in memory (the UI says answers
   * won't survive a reload). It can turn false later if storage fails while the app runs.
   */
  readonly persistent: boolean;
  /**
   * The draft for `key`, or undefined if there is none or it is expired (more than
   * {@link DRAFT_TTL_MS} since `savedAt`), undecryptable or corrupt; such a draft is deleted.
   * @param key - the launch's server, patient and user
   */
  load(key: DraftKey): Promise<Draft | undefined>;
  /**
   * Keep `draft` for `key`, replacing any earlier one. Calls take effect in the order they are made.
   * @param key - the launch's server, patient and user
   * @param draft - the answers so far
   * @throws TypeError when `draft` cannot be stored as is (e.g. a NaN answer): a programming error,
   * not a storage problem
   */
  save(key: DraftKey, draft: Draft): Promise<void>;
  /**
   * Delete the draft for `key`; call after the answers were written back successfully.
   * @param key - the launch's server, patient and user
   */
  clear(key: DraftKey): Promise<void>;
  /**
   * Delete every draft except the one for `key`; call on a launch for another patient or user.
   * @param key - the launch's server, patient and user
   */
  clearOthers(key: DraftKey): Promise<void>;
}
