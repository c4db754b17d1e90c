import { getSandboxEngine } from '@/lib/sandbox/fhir/engine';
import type { SeedPatient, SeedPractitioner, SeedReport } from './load-seeds';

/**
 * What the seed load did: files loaded (with resource counts), files skipped (with the reason)
 * and duplicate ids (the later one is not loaded). Waits for the sandbox store to start.
 */
export async function getSeedReport(): Promise<SeedReport> {
  return (await getSandboxEngine()).seed.report;
}

/** The seeded patients (id, display name, shifted birth date, gender, source file), for the launcher. */
export async function listSeedPatients(): Promise<readonly SeedPatient[]> {
  return (await getSandboxEngine()).seed.patients;
}

/** The seeded practitioners (id, display name, source file), for the launcher's user picker. */
export async function listSeedPractitioners(): Promise<readonly SeedPractitioner[]> {
  return (await getSandboxEngine()).seed.practitioners;
}

/**
 * Restores the just-seeded state: every write since start is dropped, and the seeds come back
 * with the same ids and the same dates as at start (a snapshot taken after seeding, not a reload,
 * so "now" does not move). Used by `POST /sandbox/reset`.
 */
export async function resetSandbox(): Promise<void> {
  await (await getSandboxEngine()).reset();
}
