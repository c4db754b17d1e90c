import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const COMMITTED = path.join(ROOT, 'fhir-profiles', 'resources');

/** Every generated resource keyed by resourceType/id, whatever its file name. */
function contents(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.json')) {
        const resource: { resourceType?: string; id?: string } = JSON.parse(
          fs.readFileSync(full, 'utf8'),
        );
        found.set(
          `${resource.resourceType ?? '?'}/${resource.id ?? entry.name}`,
          JSON.stringify(resource, null, 2),
        );
      }
    }
  };
  visit(dir);
  return found;
}

describe('fhir-profiles/resources', () => {
  it('is what `npm run profiles` generates from the FSH sources (run it and commit the result)', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'spine-profiles-'));
    try {
      // Builds the package cache first when it is missing (fresh clone), then runs SUSHI offline.
      const result = spawnSync(
        process.execPath,
        ['fhir-profiles/tools/build.mjs', '--out', out, '--quiet'],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
      expect(
        result.status === 0 ? 'built' : `build failed (${result.status}):\n${result.stderr}`,
      ).toBe('built');
      const generated = contents(out);
      const committed = contents(COMMITTED);
      expect([...committed.keys()].sort()).toEqual([...generated.keys()].sort());
      const stale = [...generated]
        .filter(([key, text]) => committed.get(key) !== text)
        .map(([key]) => key);
      expect(stale).toEqual([]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 240_000);
});
