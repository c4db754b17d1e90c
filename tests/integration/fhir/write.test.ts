/** @jest-environment jest-fixed-jsdom */
import { HttpResponse } from 'msw';
import type { QuestionnaireResponse, ServiceRequest } from 'fhir/r4';
import { fetchSupportsTransactions, writeResources, type WriteItem } from '@/lib/fhir/write';
import { fakeEhr } from '../../msw/fake-ehr';
import { server, setUpMswServer } from '../../msw/server';
import { makeTestClient } from '../../msw/test-client';

setUpMswServer();

const SYSTEM = 'http://spine-redflags.org/fhir/identifier/screening';
const QR_URN = 'urn:uuid:0b6a7a4e-1111-4a4a-9a9a-000000000001';

function items(): WriteItem[] {
  const qr: QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    identifier: { system: SYSTEM, value: 'scr-1' },
    status: 'completed',
    subject: { reference: 'Patient/pt-1' },
  };
  const sr: ServiceRequest = {
    resourceType: 'ServiceRequest',
    identifier: [{ system: SYSTEM, value: 'scr-1-imaging-1' }],
    status: 'draft',
    intent: 'proposal',
    subject: { reference: 'Patient/pt-1' },
    supportingInfo: [{ reference: QR_URN }],
  };
  return [
    { key: 'qr', resource: qr, fullUrl: QR_URN },
    { key: 'sr', resource: sr },
  ];
}

describe('writeResources one by one (no transaction support)', () => {
  it('creates each resource conditionally and points later ones at the real id of earlier ones', async () => {
    const ehr = fakeEhr({ conditionalCreate: true, transactions: false });
    server.use(...ehr.handlers);
    const outcomes = await writeResources(makeTestClient(), items(), { transactions: false });
    expect(outcomes).toEqual([
      { key: 'qr', state: 'created', reference: 'QuestionnaireResponse/id-1', existed: false },
      { key: 'sr', state: 'created', reference: 'ServiceRequest/id-2', existed: false },
    ]);
    expect((ehr.store[1] as ServiceRequest).supportingInfo).toEqual([
      { reference: 'QuestionnaireResponse/id-1' },
    ]);
    const posts = ehr.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.headers.get('if-none-exist'))).toEqual([
      `identifier=${encodeURIComponent(`${SYSTEM}|scr-1`)}`,
      `identifier=${encodeURIComponent(`${SYSTEM}|scr-1-imaging-1`)}`,
    ]);
    expect(posts.every((r) => r.headers.get('authorization') === 'Bearer test-token')).toBe(true);
  });

  it('never duplicates on a retry, even on a server that ignores If-None-Exist', async () => {
    const ehr = fakeEhr({ conditionalCreate: false, transactions: false });
    server.use(...ehr.handlers);
    await writeResources(makeTestClient(), items(), { transactions: false });
    const again = await writeResources(makeTestClient(), items(), { transactions: false });
    expect(again.map((o) => o.state === 'created' && o.existed)).toEqual([true, true]);
    expect(ehr.store).toHaveLength(2);
  });

  it('finds what a lost response had written instead of writing it again', async () => {
    const ehr = fakeEhr({ conditionalCreate: false, transactions: false });
    server.use(...ehr.handlers);
    ehr.fail('POST', 'QuestionnaireResponse', () => HttpResponse.error(), true);
    const first = await writeResources(makeTestClient(), items(), { transactions: false });
    expect(first.map((o) => o.state)).toEqual(['failed', 'failed']);
    expect(ehr.store).toHaveLength(1);
    const retry = await writeResources(makeTestClient(), items(), { transactions: false });
    expect(retry).toEqual([
      { key: 'qr', state: 'created', reference: 'QuestionnaireResponse/id-1', existed: true },
      { key: 'sr', state: 'created', reference: 'ServiceRequest/id-2', existed: false },
    ]);
    expect(ehr.store).toHaveLength(2);
  });

  it('does not write a resource whose referenced resource failed, and says why', async () => {
    const ehr = fakeEhr({ conditionalCreate: true, transactions: false });
    server.use(...ehr.handlers);
    ehr.fail('POST', 'QuestionnaireResponse', () =>
      HttpResponse.json(
        {
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'invalid', diagnostics: 'bad item' }],
        },
        { status: 422 },
      ),
    );
    const outcomes = await writeResources(makeTestClient(), items(), { transactions: false });
    expect(outcomes[0]).toMatchObject({
      state: 'failed',
      error: { status: 422, outcome: 'bad item' },
    });
    expect(outcomes[1]).toMatchObject({
      state: 'failed',
      error: { message: expect.stringMatching(/refers to could not be written/) },
    });
    expect(ehr.store).toHaveLength(0);
  });

  it('still creates conditionally when the search is not allowed (403)', async () => {
    const ehr = fakeEhr({ conditionalCreate: true, transactions: false });
    server.use(...ehr.handlers);
    ehr.fail('GET', 'QuestionnaireResponse', () =>
      HttpResponse.json({ resourceType: 'OperationOutcome', issue: [] }, { status: 403 }),
    );
    const outcomes = await writeResources(makeTestClient(), items(), { transactions: false });
    expect(outcomes.map((o) => o.state)).toEqual(['created', 'created']);
  });

  it('fails an item, without writing it, when the search for it fails otherwise', async () => {
    const ehr = fakeEhr({ conditionalCreate: true, transactions: false });
    server.use(...ehr.handlers);
    ehr.fail('GET', 'QuestionnaireResponse', () => new HttpResponse('busy', { status: 503 }));
    const outcomes = await writeResources(makeTestClient(), items(), { transactions: false });
    expect(outcomes[0]).toMatchObject({ state: 'failed', error: { status: 503 } });
    expect(ehr.store).toHaveLength(0);
  });

  it('joins a second identical call made while the first runs (double click)', async () => {
    const ehr = fakeEhr({ conditionalCreate: false, transactions: false });
    server.use(...ehr.handlers);
    const client = makeTestClient();
    const [a, b] = await Promise.all([
      writeResources(client, items(), { transactions: false }),
      writeResources(client, items(), { transactions: false }),
    ]);
    expect(a).toEqual(b);
    expect(ehr.store).toHaveLength(2);
  });
});

describe('writeResources as a transaction', () => {
  it('sends the new resources in one transaction Bundle with conditional entries', async () => {
    const ehr = fakeEhr({ conditionalCreate: true, transactions: true });
    server.use(...ehr.handlers);
    const outcomes = await writeResources(makeTestClient(), items(), { transactions: true });
    expect(outcomes).toEqual([
      { key: 'qr', state: 'created', reference: 'QuestionnaireResponse/id-1', existed: false },
      { key: 'sr', state: 'created', reference: 'ServiceRequest/id-2', existed: false },
    ]);
    expect(ehr.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['']);
    expect((ehr.store[1] as ServiceRequest).supportingInfo).toEqual([
      { reference: 'QuestionnaireResponse/id-1' },
    ]);
  });

  it('marks every resource of a failed transaction as failed, and a retry completes it once', async () => {
    const ehr = fakeEhr({ conditionalCreate: true, transactions: true });
    server.use(...ehr.handlers);
    ehr.fail('POST', '', () =>
      HttpResponse.json({ resourceType: 'OperationOutcome', issue: [] }, { status: 500 }),
    );
    const failed = await writeResources(makeTestClient(), items(), { transactions: true });
    expect(failed.map((o) => o.state)).toEqual(['failed', 'failed']);
    const retry = await writeResources(makeTestClient(), items(), { transactions: true });
    expect(retry.map((o) => o.state)).toEqual(['created', 'created']);
    expect(ehr.store).toHaveLength(2);
  });

  it('only sends what is not there yet, with references to what is', async () => {
    const ehr = fakeEhr({ conditionalCreate: true, transactions: true });
    server.use(...ehr.handlers);
    const [qr] = items();
    if (!qr) throw new Error('no item');
    await writeResources(makeTestClient(), [qr], { transactions: true });
    const outcomes = await writeResources(makeTestClient(), items(), { transactions: true });
    expect(outcomes.map((o) => o.state === 'created' && o.existed)).toEqual([true, false]);
    expect((ehr.store[1] as ServiceRequest).supportingInfo).toEqual([
      { reference: 'QuestionnaireResponse/id-1' },
    ]);
  });
});

describe('fetchSupportsTransactions', () => {
  it.each([true, false])(
    'reads the transaction interaction from the CapabilityStatement (%s)',
    async (transactions) => {
      server.use(...fakeEhr({ conditionalCreate: true, transactions }).handlers);
      expect(await fetchSupportsTransactions(makeTestClient())).toBe(transactions);
    },
  );

  it('writes one by one when the metadata cannot be read', async () => {
    const ehr = fakeEhr({ conditionalCreate: true, transactions: true });
    server.use(...ehr.handlers);
    ehr.fail('GET', 'metadata', () => new HttpResponse('down', { status: 502 }));
    expect(await fetchSupportsTransactions(makeTestClient())).toBe(false);
  });
});
