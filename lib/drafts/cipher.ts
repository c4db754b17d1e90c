import type { Draft, DraftKey } from './types';
import { isAnswers, isObject } from './validate';

const IV_BYTES = 12; // the 96-bit nonce AES-GCM is designed for
const PAYLOAD_VERSION = 1;

/** What is encrypted: the draft and whose it is, so a record read back can be checked against its key. */
interface Payload {
  readonly v: typeof PAYLOAD_VERSION;
  readonly serverUrl: string;
  readonly patientId: string;
  readonly userRef: string; // '' for none: JSON has no undefined
  readonly screeningId: string;
  readonly answers: Draft['answers'];
  readonly savedAt: number;
}

/** A draft as stored: nothing readable but the opaque id and the expiry time. */
export interface SealedDraft {
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly ciphertext: Uint8Array<ArrayBuffer>;
}

/** The outcome of opening a sealed draft; `corrupt` covers a wrong key, tampering and bad JSON. */
export type OpenResult =
  { readonly status: 'ok'; readonly draft: Draft } | { readonly status: 'corrupt' };

const encoder = new TextEncoder();

function isPayload(value: unknown): value is Payload {
  return (
    isObject(value) &&
    value.v === PAYLOAD_VERSION &&
    typeof value.serverUrl === 'string' &&
    typeof value.patientId === 'string' &&
    typeof value.userRef === 'string' &&
    typeof value.screeningId === 'string' &&
    isAnswers(value.answers) &&
    typeof value.savedAt === 'number' &&
    Number.isFinite(value.savedAt)
  );
}

/**
 * A copy of the bytes of any view, from any realm (IndexedDB may hand back another realm's
 * Uint8Array), on a plain ArrayBuffer as Web Crypto wants.
 * @param view - the bytes
 */
export function toBytes(view: ArrayBufferView): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(view.byteLength);
  bytes.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  return bytes;
}

/**
 * The record id: hex SHA-256 of `serverUrl \0 patientId \0 userRef`, so storage holds no
 * identifier in clear text and the same launch finds its draft again.
 * @param subtle - Web Crypto
 * @param key - the launch's server, patient and user
 */
export async function toRecordId(subtle: SubtleCrypto, key: DraftKey): Promise<string> {
  const text = `${key.serverUrl}\u0000${key.patientId}\u0000${key.userRef ?? ''}`;
  const digest = await subtle.digest('SHA-256', encoder.encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Encrypt a draft with AES-GCM under a fresh random IV, bound to its record id (additional data),
 * so a record copied under another id does not decrypt.
 * @param crypto - Web Crypto (for the IV and SubtleCrypto)
 * @param cryptoKey - the store's AES-GCM key
 * @param id - the record id from {@link toRecordId}
 * @param key - the launch's server, patient and user
 * @param draft - a valid draft
 */
export async function sealDraft(
  crypto: Crypto,
  cryptoKey: CryptoKey,
  id: string,
  key: DraftKey,
  draft: Draft,
): Promise<SealedDraft> {
  const payload: Payload = {
    v: PAYLOAD_VERSION,
    serverUrl: key.serverUrl,
    patientId: key.patientId,
    userRef: key.userRef ?? '',
    screeningId: draft.screeningId,
    answers: draft.answers,
    savedAt: draft.savedAt,
  };
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(id) },
    cryptoKey,
    encoder.encode(JSON.stringify(payload)),
  );
  return { iv, ciphertext: new Uint8Array(ciphertext) };
}

/**
 * Decrypt a sealed draft and check it belongs to `key` and matches the clear-text `savedAt` the
 * expiry sweep relies on (defence against a hash collision or tampering).
 * @param subtle - Web Crypto
 * @param cryptoKey - the store's AES-GCM key
 * @param id - the record id the draft was read under
 * @param key - the launch's server, patient and user
 * @param sealed - the stored IV and ciphertext, and the stored `savedAt`
 */
export async function openDraft(
  subtle: SubtleCrypto,
  cryptoKey: CryptoKey,
  id: string,
  key: DraftKey,
  sealed: {
    readonly iv: ArrayBufferView;
    readonly ciphertext: ArrayBufferView;
    readonly savedAt: number;
  },
): Promise<OpenResult> {
  if (sealed.iv.byteLength !== IV_BYTES) return { status: 'corrupt' };
  let plaintext: ArrayBuffer;
  try {
    plaintext = await subtle.decrypt(
      { name: 'AES-GCM', iv: toBytes(sealed.iv), additionalData: encoder.encode(id) },
      cryptoKey,
      toBytes(sealed.ciphertext),
    );
  } catch {
    // The authentication tag did not verify: another key, or changed bytes. Not readable, ever.
    return { status: 'corrupt' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(plaintext));
  } catch {
    return { status: 'corrupt' };
  }
  if (
    !isPayload(parsed) ||
    parsed.serverUrl !== key.serverUrl ||
    parsed.patientId !== key.patientId ||
    parsed.userRef !== (key.userRef ?? '') ||
    parsed.savedAt !== sealed.savedAt
  ) {
    return { status: 'corrupt' };
  }
  return {
    status: 'ok',
    draft: { screeningId: parsed.screeningId, answers: parsed.answers, savedAt: parsed.savedAt },
  };
}
