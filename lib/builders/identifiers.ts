/**
 * Business identifiers of what the app writes. They are stable for one screening, so a retry, a
 * double click or a reload finds what an earlier attempt wrote instead of writing it again.
 */
import { CANONICAL_BASE } from '@/lib/terminology';

/** Identifier system of a screening's QuestionnaireResponse. */
export const SCREENING_IDENTIFIER_SYSTEM = `${CANONICAL_BASE}/identifier/screening`;

/** Identifier system of the imaging proposals (ServiceRequest) of a screening. */
export const SUGGESTION_IDENTIFIER_SYSTEM = `${CANONICAL_BASE}/identifier/suggestion`;

/**
 * The placeholder (`urn:uuid:`) by which a screening's ServiceRequests point at its
 * QuestionnaireResponse before the server has given it an id. Derived from the screening id, so
 * the builders stay deterministic.
 * @param screeningId - a UUID (the screening id is generated once, outside the pure core)
 */
export function questionnaireResponsePlaceholder(screeningId: string): string {
  return `urn:uuid:${screeningId}`;
}
