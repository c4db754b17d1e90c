/** @jest-environment node */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getSandboxEngine } from '@/lib/sandbox/fhir/engine';
import { handleMetadataRequest } from '@/lib/sandbox/fhir/handler';
import { writeFiles } from '@/tests/integration/sandbox/fhir/fhir-test-kit';

jest.setTimeout(30_000);

describe('getSandboxEngine', () => {
  it('forgets a failed start, so the next call starts again', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const cwd = process.cwd();
    const gone = await mkdtemp(path.join(os.tmpdir(), 'sandbox-gone-'));
    const good = await mkdtemp(path.join(os.tmpdir(), 'sandbox-good-'));
    try {
      // With its working directory deleted, process.cwd() throws: the start fails.
      process.chdir(gone);
      await rm(gone, { recursive: true, force: true });
      const failed = getSandboxEngine();
      await expect(failed).rejects.toThrow();
      const metadataWhileBroken = await handleMetadataRequest({
        baseUrl: 'http://localhost:3000/sandbox/fhir',
      });
      expect(metadataWhileBroken.status).toBe(503);
      expect(((await metadataWhileBroken.json()) as { resourceType: string }).resourceType).toBe(
        'OperationOutcome',
      );

      await writeFiles(path.join(good, 'lib/sandbox/patients'), {
        'p.json': { resourceType: 'Patient', id: 'p1', birthDate: '2000-01-01' },
      });
      process.chdir(good);
      const retried = getSandboxEngine();
      expect(retried).not.toBe(failed);
      const metadata = await handleMetadataRequest({
        baseUrl: 'http://localhost:3000/sandbox/fhir',
      });
      expect(metadata.status).toBe(200);
      expect((await retried).seed.patients.map((item) => item.id)).toEqual(['p1']);
      expect(getSandboxEngine()).toBe(retried);
    } finally {
      process.chdir(cwd);
      errors.mockRestore();
      await rm(good, { recursive: true, force: true });
    }
  });
});
