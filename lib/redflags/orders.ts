/**
 * Order codes for the output object (clinical-spec §10.6 imaging, §10.7 labs), read from the
 * ValueSets: `imaging-<key>-<region>` (each concept's system tells the field) and `lab-orders`.
 */
import { VALUE_SET, imagingValueSetUrl, type Terminology } from './terminology';
import type { ImagingCodes, ImagingKey, LabAnalyte, Region } from './types';

const CPT = 'http://www.ama-assn.org/go/cpt';
const LOINC = 'http://loinc.org';
const RADLEX = 'http://radlex.org';
const SNOMED = 'http://snomed.info/sct';

/**
 * The codes of an imaging study: every CPT of the ValueSet (in order) and the first LOINC, RadLex
 * RPID and SNOMED concept (`null` where the ValueSet has none, e.g. RadLex for complete spine).
 * @param terminology - code sets
 * @param key - imaging key
 * @param region - region
 */
export function imagingCodes(
  terminology: Terminology,
  key: ImagingKey,
  region: Region,
): ImagingCodes {
  const codings = terminology.codings(imagingValueSetUrl(key, region));
  const first = (system: string) => codings.find((c) => c.system === system)?.code ?? null;
  return {
    cpt: codings
      .filter((c) => c.system === CPT)
      .flatMap((c) => (c.code === undefined ? [] : [c.code])),
    loinc: first(LOINC),
    radlex: first(RADLEX),
    snomed: first(SNOMED),
  };
}

/** The ValueSet of each lab suggestion (§10.7): its first code is the one reported. */
const LAB_VALUE_SET: Readonly<Record<LabAnalyte, string>> = {
  ESR: VALUE_SET.labOrderEsr,
  CRP: VALUE_SET.labOrderCrp,
  CBC: VALUE_SET.labOrderCbc,
  BLOOD_CULTURE: VALUE_SET.labOrderBloodCulture,
  URINALYSIS: VALUE_SET.labOrderUrinalysis,
};

/**
 * The LOINC order code of a lab suggestion (§10.7): the first LOINC concept of the analyte's
 * `lab-order-<analyte>` ValueSet (ESR 4537-7 before its alternative 30341-2).
 * @param terminology - code sets
 * @param analyte - the lab
 * @returns the code, or an empty string if the ValueSet is missing (reported by the terminology check)
 */
export function labLoinc(terminology: Terminology, analyte: LabAnalyte): string {
  return terminology.codings(LAB_VALUE_SET[analyte]).find((c) => c.system === LOINC)?.code ?? '';
}
