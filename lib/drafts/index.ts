/**
 * Drafts: the clinician's in-progress screening answers, kept so they survive a page reload, a
 * token refresh and a re-launch for the same patient by the same user within {@link DRAFT_TTL_MS}.
 *
 * Apart from the SMART session that fhirclient keeps in sessionStorage, this is the one piece of
 * browser storage the app writes, and it never touches localStorage or sessionStorage: those hold
 * plain text readable by any script on the origin, and answers about a patient are PHI. Drafts go
 * to IndexedDB (`spine-redflag-drafts`) encrypted with AES-GCM under a key that Web Crypto
 * generated in this browser as non-extractable and that IndexedDB keeps as a CryptoKey object.
 * So neither answers nor identifiers can be read in devtools or found by searching the profile's
 * files, and no script (an injected one included) can export the key to decrypt a copied
 * database elsewhere. The key is still on disk in the browser's own format, so this does not
 * stop a forensic copy of the whole profile, nor code running in the page, which can call `load`.
 * Records are named by a SHA-256 of server, patient and user, so no identifier is stored in clear
 * text; the encrypted payload repeats them and `load` checks them. Drafts expire 12 hours after
 * they were saved, and a launch for another patient or user deletes all the others.
 *
 * Browser-only I/O: call {@link createDraftStore} from an effect or event handler. Where IndexedDB
 * or SubtleCrypto is unavailable (private modes, plain http, old embedded browsers) drafts live in
 * memory and the store says `persistent: false`.
 */
export { createDraftStore } from './create-draft-store';
export { DRAFT_TTL_MS, type Draft, type DraftKey, type DraftStore } from './types';
