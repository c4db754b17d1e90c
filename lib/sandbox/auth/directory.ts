/**
 * Who exists in the sandbox EHR. The auth server only needs to know which patients and
 * practitioners there are (to refuse a launch of an unknown one, to offer a patient picker and to
 * name the user in the `id_token`), so it depends on this small interface, not on the seed loader.
 */

/** A patient the sandbox can launch with. */
export interface DirectoryPatient {
  readonly id: string;
  /** Display name, e.g. "Ana Díaz". */
  readonly name: string;
  readonly birthDate?: string;
  readonly gender?: string;
}

/** A user of the sandbox EHR (the `fhirUser` of its launches). */
export interface DirectoryPractitioner {
  readonly id: string;
  /** Display name, used as the `name` claim of the `id_token`. */
  readonly name: string;
}

/** The patients and practitioners of the sandbox EHR (the seed data). */
export interface SandboxDirectory {
  /** Every patient, in the order a picker should list them. */
  patients(): Promise<readonly DirectoryPatient[]>;
  /** Every practitioner. */
  practitioners(): Promise<readonly DirectoryPractitioner[]>;
}

/** The practitioner signed in to the sandbox EHR unless a launch names another. */
export const DEFAULT_PRACTITIONER_ID = 'sandbox-clinician';

/**
 * The patient with this id, if the sandbox has one.
 * @param directory - where to look
 * @param id - the Patient id
 */
export async function findPatient(
  directory: SandboxDirectory,
  id: string,
): Promise<DirectoryPatient | undefined> {
  return (await directory.patients()).find((patient) => patient.id === id);
}

/**
 * The practitioner with this id, if the sandbox has one.
 * @param directory - where to look
 * @param id - the Practitioner id
 */
export async function findPractitioner(
  directory: SandboxDirectory,
  id: string,
): Promise<DirectoryPractitioner | undefined> {
  return (await directory.practitioners()).find((practitioner) => practitioner.id === id);
}

/**
 * A directory over fixed lists (tests, and the fallback until the seed loader is wired).
 * @param patients - the patients
 * @param practitioners - the practitioners
 */
export function staticDirectory(
  patients: readonly DirectoryPatient[],
  practitioners: readonly DirectoryPractitioner[],
): SandboxDirectory {
  return {
    patients: () => Promise.resolve(patients),
    practitioners: () => Promise.resolve(practitioners),
  };
}
