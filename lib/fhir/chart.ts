/**
 * Reading one patient's chart for the red-flag engine (clinical-spec §3, §13): the Patient read and
 * four searches, issued in one parallel wave, with server-side filters and bounded paging. Written
 * once here and used by the app and by `screen --fhir`.
 *
 * - Patient: `Patient/<id>` (must succeed: without it there is nothing to evaluate).
 * - Observation: `code` = the OR-list of every code of the ESR, CRP, WBC, temperature, weight,
 *   pain-score and blood-culture ValueSets, and `date=ge<T0 − 181 days>`. The longest look-back of
 *   the spec is the weight-loss suggestion's 180 days (§9.3; STALE_ELEVATED looks back 90 days,
 *   temperatures 72 h); one extra day covers date-only values read in T0's offset. Consequence:
 *   ADV-DATA-QUALITY in a live read covers Observations since that floor that carry an effective
 *   date (a date search does not return undated ones) — older or undated junk never changes a
 *   decision.
 * - Condition: all, no filter (history facts have no date floor; status filters are applied by the
 *   engine, §3.6).
 * - Procedure: `status=completed` (§3.6), no date floor (SPINE_SURGERY counts at any date).
 * - MedicationRequest: `status=active,completed,on-hold,stopped` (§3.6; suggestions only).
 *
 * Every search asks for `_count` per page and follows at most `pageLimit` pages. A failed search is
 * recorded in `failures` for its kind (never an empty list), so the engine treats its facts as
 * unknown. No `/metadata` round trip: the patient parameter is written here, never through
 * `client.patient.request`.
 */
import type {
  Condition,
  FhirResource,
  MedicationRequest,
  Observation,
  Patient,
  Procedure,
} from 'fhir/r4';
import { DAY_MS, parseT0 } from '@/lib/redflags/dates';
import { VALUE_SET, type Terminology } from '@/lib/redflags/terminology';
import type { ChartInputs, ChartKind } from '@/lib/redflags/types';
import type { SmartClient } from '@/lib/smart/client';
import { toOffsetDateTime } from '@/lib/time';
import { FhirRequestError, toFhirRequestError } from './errors';
import { fetchPatient } from './patient';

/** Pages followed per search at most: a huge chart must not stall the app. */
export const MAX_PAGES = 10;
/** Resources asked for per page. */
export const PAGE_SIZE = 100;
/** Days of Observations read before T0 (§9.3 weight look-back of 180 days, plus one). */
export const OBSERVATION_LOOKBACK_DAYS = 181;

/** The ValueSets whose codes make up the Observation search (decision and display codes). */
export const OBSERVATION_VALUE_SETS: readonly string[] = [
  VALUE_SET.esr,
  VALUE_SET.crp,
  VALUE_SET.wbc,
  VALUE_SET.temperature,
  VALUE_SET.weight,
  VALUE_SET.painScore,
  VALUE_SET.bloodCulture,
];

/** Options of {@link fetchChart}. */
export interface FetchChartOptions {
  /** T0 (ISO-8601 with offset): sets the Observation date floor. */
  readonly now: string;
  /** Code sets: the Observation code list is built from them. */
  readonly terminology: Terminology;
  /** Pages per search (default {@link MAX_PAGES}). */
  readonly pageLimit?: number;
  /** Resources per page (default {@link PAGE_SIZE}). */
  readonly count?: number;
  /**
   * Called with the Patient as soon as its read answers, while the searches of the same wave may
   * still be running (the app shows the patient banner early; the Patient is still read once).
   */
  readonly onPatient?: (patient: Patient) => void;
}

/** A chart read from a FHIR server; failed searches carry their {@link FhirRequestError}. */
export interface FetchedChart extends ChartInputs {
  readonly failures: ReadonlyMap<ChartKind, FhirRequestError>;
}

/** A search request: the URL sent, and the same without values (for messages, no PHI). */
interface Search {
  readonly url: string;
  readonly label: string;
}

function search(resourceType: ChartKind, params: Record<string, string>): Search {
  return {
    url: `${resourceType}?${new URLSearchParams(params).toString()}`,
    label: `${resourceType}?${Object.keys(params).join('&')}`,
  };
}

/**
 * The four searches of {@link fetchChart}, exported for tests and for the app's cache keys.
 * @param patientId - the patient
 * @param options - T0, terminology and paging
 */
export function chartSearches(
  patientId: string,
  options: FetchChartOptions,
): Readonly<Record<ChartKind, Search>> {
  const count = String(options.count ?? PAGE_SIZE);
  const t0 = parseT0(options.now);
  const floorMs = (t0?.ms ?? 0) - OBSERVATION_LOOKBACK_DAYS * DAY_MS;
  const floor = toOffsetDateTime(new Date(floorMs), t0?.offsetMinutes ?? 0).slice(0, 10);
  const codes = [
    ...new Set(
      OBSERVATION_VALUE_SETS.flatMap((url) =>
        options.terminology
          .codings(url)
          .flatMap((c) =>
            c.system === undefined || c.code === undefined ? [] : [`${c.system}|${c.code}`],
          ),
      ),
    ),
  ];
  const observationParams: Record<string, string> = { patient: patientId, code: codes.join(',') };
  if (t0 !== undefined) observationParams.date = `ge${floor}`;
  observationParams._count = count;
  return {
    Observation: search('Observation', observationParams),
    Condition: search('Condition', { patient: patientId, _count: count }),
    Procedure: search('Procedure', { patient: patientId, status: 'completed', _count: count }),
    MedicationRequest: search('MedicationRequest', {
      patient: patientId,
      status: 'active,completed,on-hold,stopped',
      _count: count,
    }),
  };
}

async function searchAll<R extends FhirResource>(
  client: SmartClient,
  resourceType: R['resourceType'],
  request: Search,
  pageLimit: number,
): Promise<R[]> {
  let body: unknown;
  try {
    body = await client.request<unknown>(request.url, { flat: true, pageLimit });
  } catch (error) {
    throw await toFhirRequestError(error, request.label);
  }
  if (!Array.isArray(body)) {
    throw new FhirRequestError(
      0,
      request.label,
      'The EHR answered a search with something that is not a Bundle.',
    );
  }
  // Search bundles may carry OperationOutcome entries (search mode "outcome"): keep only R.
  return body.filter(
    (r: unknown): r is R =>
      typeof r === 'object' && r !== null && 'resourceType' in r && r.resourceType === resourceType,
  );
}

/**
 * Reads one patient's chart: the Patient and the four searches start together (one parallel wave;
 * no request waits for another), with bounded paging.
 * @param client - the SMART client
 * @param patientId - the patient
 * @param options - T0, terminology and paging
 * @returns the chart; a failed search is recorded in `failures`, never read as an empty list
 * @throws FhirRequestError - when the Patient cannot be read
 */
export async function fetchChart(
  client: SmartClient,
  patientId: string,
  options: FetchChartOptions,
): Promise<FetchedChart> {
  const searches = chartSearches(patientId, options);
  const pages = options.pageLimit ?? MAX_PAGES;
  const [patient, observations, conditions, procedures, medicationRequests] =
    await Promise.allSettled([
      fetchPatient(client, patientId).then((read) => {
        options.onPatient?.(read);
        return read;
      }),
      searchAll<Observation>(client, 'Observation', searches.Observation, pages),
      searchAll<Condition>(client, 'Condition', searches.Condition, pages),
      searchAll<Procedure>(client, 'Procedure', searches.Procedure, pages),
      searchAll<MedicationRequest>(client, 'MedicationRequest', searches.MedicationRequest, pages),
    ]);
  if (patient.status === 'rejected') {
    throw await toFhirRequestError(patient.reason, `Patient/${encodeURIComponent(patientId)}`);
  }
  const failures = new Map<ChartKind, FhirRequestError>();
  const settle = async <R>(kind: ChartKind, result: PromiseSettledResult<R[]>): Promise<R[]> => {
    if (result.status === 'fulfilled') return result.value;
    failures.set(kind, await toFhirRequestError(result.reason, searches[kind].label));
    return [];
  };
  const chart: FetchedChart = {
    patient: patient.value satisfies Patient,
    observations: await settle('Observation', observations),
    conditions: await settle('Condition', conditions),
    procedures: await settle('Procedure', procedures),
    medicationRequests: await settle('MedicationRequest', medicationRequests),
    failures,
  };
  return chart;
}
