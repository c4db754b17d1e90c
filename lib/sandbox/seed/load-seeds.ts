import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatHumanName } from '@medplum/core';
import type { MemoryRepository } from '@medplum/fhir-router';
import type { Patient, Practitioner, Resource } from '@medplum/fhirtypes';
import { prepareSeedFile } from './seed-file';

/** Where a seed file came from. */
export type SeedSource = 'patients' | 'seed-dir';

/** What the seed loader did, for the launcher page and stderr. */
export interface SeedReport {
  /** The load time every file's anchor was mapped to (ISO). */
  readonly now: string;
  readonly loaded: readonly { file: string; source: SeedSource; resources: number }[];
  readonly skipped: readonly { file: string; source: SeedSource; reason: string }[];
  /**
   * A resource whose `Type/id` an earlier file (or an earlier entry of the same file) already
   * seeded. The first one wins: the later resource is not loaded.
   */
  readonly duplicates: readonly {
    file: string;
    source: SeedSource;
    reference: string;
    firstFile: string;
  }[];
}

/** A seeded patient, for the launcher's patient picker. */
export interface SeedPatient {
  readonly id: string;
  readonly name: string;
  readonly birthDate?: string;
  readonly gender?: string;
  readonly file: string;
}

/** A seeded practitioner, for the launcher's user picker. */
export interface SeedPractitioner {
  readonly id: string;
  readonly name: string;
  readonly file: string;
}

/** Everything a seed load produced. */
export interface SeedResult {
  readonly report: SeedReport;
  readonly patients: readonly SeedPatient[];
  readonly practitioners: readonly SeedPractitioner[];
}

/** Where the seeds are and how to date them. */
export interface SeedOptions {
  /** Folder of the built-in patient Bundles (`*.json`), e.g. `<cwd>/lib/sandbox/patients`. */
  readonly patientsDir: string;
  /** Extra folder (`SANDBOX_SEED_DIR`): every file in it, in file-name order. */
  readonly seedDir?: string;
  /** Anchor for the extra folder's files (`SANDBOX_SEED_ANCHOR`), overriding their own tag. */
  readonly seedAnchor?: string;
  /** The load time anchors map to. */
  readonly now: Date;
  /**
   * Skip R4 validation for `patientsDir` (the project's own, test-validated seed files); files of
   * `seedDir` are always validated.
   */
  readonly trustPatients?: boolean;
}

interface SeedFile {
  readonly name: string;
  readonly fullPath: string;
  readonly source: SeedSource;
  readonly anchorOverride?: string;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

async function listFiles(dir: string, jsonOnly: boolean): Promise<string[] | undefined> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .filter((name) => !jsonOnly || name.endsWith('.json'))
      .sort(byName);
  } catch {
    return undefined;
  }
}

async function seedFiles(
  options: SeedOptions,
  skipped: SeedReport['skipped'][number][],
): Promise<SeedFile[]> {
  const files: SeedFile[] = [];
  const patientFiles = await listFiles(options.patientsDir, true);
  if (!patientFiles) {
    console.error(`sandbox seed: patients folder ${options.patientsDir} cannot be read`);
  }
  for (const name of patientFiles ?? []) {
    files.push({ name, fullPath: path.join(options.patientsDir, name), source: 'patients' });
  }
  if (options.seedDir) {
    const extra = await listFiles(options.seedDir, false);
    if (!extra) {
      skipped.push({
        file: options.seedDir,
        source: 'seed-dir',
        reason: 'SANDBOX_SEED_DIR cannot be read',
      });
    }
    for (const name of extra ?? []) {
      files.push({
        name,
        fullPath: path.join(options.seedDir, name),
        source: 'seed-dir',
        ...(options.seedAnchor ? { anchorOverride: options.seedAnchor } : {}),
      });
    }
  }
  return files;
}

/**
 * Loads the seed files into an (empty) in-memory repository: first every `*.json` of
 * `patientsDir`, then every file of `seedDir`, each in file-name order, keeping resource ids
 * (update semantics). A file that is not JSON or holds an invalid resource is skipped whole; a
 * resource whose `Type/id` is already seeded is not loaded. Both are reported on stderr (file names
 * and references only, never resource content) and in the returned report.
 * @param repository - The repository to fill.
 * @param options - Folders, anchor override and load time.
 */
export async function loadSeeds(
  repository: MemoryRepository,
  options: SeedOptions,
): Promise<SeedResult> {
  const loaded: SeedReport['loaded'][number][] = [];
  const skipped: SeedReport['skipped'][number][] = [];
  const duplicates: SeedReport['duplicates'][number][] = [];
  const patients: SeedPatient[] = [];
  const practitioners: SeedPractitioner[] = [];
  const firstFileOf = new Map<string, string>();

  for (const file of await seedFiles(options, skipped)) {
    let text: string;
    try {
      text = await readFile(file.fullPath, 'utf8');
    } catch {
      skipped.push({ file: file.name, source: file.source, reason: 'cannot be read' });
      continue;
    }
    const prepared = prepareSeedFile(text, {
      now: options.now,
      validate: !(file.source === 'patients' && options.trustPatients === true),
      ...(file.anchorOverride ? { anchorOverride: file.anchorOverride } : {}),
    });
    if (!prepared.ok) {
      skipped.push({ file: file.name, source: file.source, reason: prepared.reason });
      continue;
    }
    const toStore: Resource[] = [];
    for (const resource of prepared.resources) {
      const reference = `${resource.resourceType}/${resource.id ?? ''}`;
      const firstFile = firstFileOf.get(reference);
      if (firstFile !== undefined) {
        duplicates.push({ file: file.name, source: file.source, reference, firstFile });
        continue;
      }
      firstFileOf.set(reference, file.name);
      toStore.push(resource);
    }
    for (const resource of toStore) {
      await repository.updateResource(resource);
      if (resource.resourceType === 'Patient') patients.push(toSeedPatient(resource, file.name));
      if (resource.resourceType === 'Practitioner') {
        practitioners.push(toSeedPractitioner(resource, file.name));
      }
    }
    loaded.push({ file: file.name, source: file.source, resources: toStore.length });
  }

  for (const item of skipped) {
    console.error(`sandbox seed: skipped ${item.source} file ${item.file}: ${item.reason}`);
  }
  for (const item of duplicates) {
    console.error(
      `sandbox seed: ${item.reference} in ${item.file} was already seeded by ${item.firstFile}; the later one is not loaded`,
    );
  }
  return {
    report: { now: options.now.toISOString(), loaded, skipped, duplicates },
    patients,
    practitioners,
  };
}

function toSeedPatient(patient: Patient, file: string): SeedPatient {
  return {
    id: patient.id ?? '',
    name: formatHumanName(patient.name?.[0]) || (patient.id ?? ''),
    ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
    ...(patient.gender ? { gender: patient.gender } : {}),
    file,
  };
}

function toSeedPractitioner(practitioner: Practitioner, file: string): SeedPractitioner {
  return {
    id: practitioner.id ?? '',
    name: formatHumanName(practitioner.name?.[0]) || (practitioner.id ?? ''),
    file,
  };
}
