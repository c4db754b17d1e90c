import { readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const ROUTE_FILE =
  /^(page|route|layout|template|loading|error|not-found|default)\.(tsx?|sandbox\.tsx?)$/;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('_') ? [] : routeFiles(full);
    return ROUTE_FILE.test(entry.name) ? [path.relative(ROOT, full)] : [];
  });
}

function loadConfig(sandbox: boolean): { pageExtensions?: string[]; distDir?: string } {
  const previous = process.env.SANDBOX_ENABLED;
  if (sandbox) process.env.SANDBOX_ENABLED = '1';
  else delete process.env.SANDBOX_ENABLED;
  try {
    let config: { pageExtensions?: string[]; distDir?: string } = {};
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      config = require(path.join(ROOT, 'next.config.js')) as typeof config;
    });
    return config;
  } finally {
    if (previous === undefined) delete process.env.SANDBOX_ENABLED;
    else process.env.SANDBOX_ENABLED = previous;
  }
}

describe('the sandbox build switch', () => {
  it('names every route and page of the sandbox *.sandbox.ts(x)', () => {
    const files = routeFiles(path.join(ROOT, 'app/sandbox'));
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((file) => !/\.sandbox\.tsx?$/.test(file))).toEqual([]);
  });

  it('has no sandbox route anywhere else in app/', () => {
    const outside = routeFiles(path.join(ROOT, 'app')).filter(
      (file) => !file.startsWith('app/sandbox/'),
    );
    expect(outside.filter((file) => /\.sandbox\.tsx?$/.test(file))).toEqual([]);
  });

  it('builds sandbox routes only with SANDBOX_ENABLED=1, into its own folder', () => {
    const production = loadConfig(false);
    expect(production.pageExtensions).toEqual(['tsx', 'ts']);
    expect(production.distDir).toBe('.next');
    const sandbox = loadConfig(true);
    expect(sandbox.pageExtensions).toEqual(['tsx', 'ts', 'sandbox.tsx', 'sandbox.ts']);
    expect(sandbox.distDir).toBe('.next-sandbox');
  });
});
