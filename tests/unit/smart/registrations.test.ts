import {
  connectOriginsOf,
  findRegistration,
  readRegistrations,
  SANDBOX_CLIENT_ID,
} from '@/lib/smart/registrations';

const EPIC = {
  iss: 'https://fhir.epic.example/api/FHIR/R4',
  clientId: 'epic-client',
  scopeSyntax: 'v1',
  vendor: 'epic',
  label: 'Epic',
  connectOrigins: ['https://auth.epic.example'],
};

describe('readRegistrations', () => {
  it('reads SMART_REGISTRATIONS and adds the sandbox at the request origin when enabled', () => {
    const result = readRegistrations(
      { SMART_REGISTRATIONS: JSON.stringify([EPIC]), SANDBOX_ENABLED: '1' },
      'http://localhost:4000/sandbox/fhir',
    );
    expect(result).toEqual({
      ok: true,
      registrations: [
        { ...EPIC, connectOrigins: ['https://auth.epic.example'] },
        {
          iss: 'http://localhost:4000/sandbox/fhir',
          clientId: SANDBOX_CLIENT_ID,
          scopeSyntax: 'v2',
          vendor: 'sandbox',
          label: 'Sandbox EHR (synthetic data)',
          connectOrigins: [],
        },
      ],
    });
  });

  it('has no sandbox registration unless the sandbox is enabled', () => {
    expect(readRegistrations({}, 'http://localhost:4000/sandbox/fhir')).toEqual({
      ok: true,
      registrations: [],
    });
  });

  it.each([
    ['not JSON', '{', /not valid JSON/],
    ['not an array', '{}', /must be a JSON array/],
    [
      'an iss that is not http(s)',
      JSON.stringify([{ ...EPIC, iss: 'javascript:alert(1)' }]),
      /"iss" must be an http\(s\) URL/,
    ],
    ['a missing client id', JSON.stringify([{ ...EPIC, clientId: '' }]), /"clientId" is required/],
    ['an unknown scope syntax', JSON.stringify([{ ...EPIC, scopeSyntax: 'v3' }]), /"scopeSyntax"/],
    ['an unknown vendor', JSON.stringify([{ ...EPIC, vendor: 'acme' }]), /"vendor"/],
    [
      'a connect origin that is not a URL',
      JSON.stringify([{ ...EPIC, connectOrigins: ['*'] }]),
      /"connectOrigins"/,
    ],
  ])('refuses %s with a clear error', (_label, raw, message) => {
    const result = readRegistrations({ SMART_REGISTRATIONS: raw }, undefined);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('findRegistration', () => {
  const result = readRegistrations({ SMART_REGISTRATIONS: JSON.stringify([EPIC]) }, undefined);
  const registrations = result.ok ? result.registrations : [];

  it('matches the exact issuer, forgiving only a trailing slash', () => {
    expect(findRegistration(registrations, EPIC.iss)?.clientId).toBe('epic-client');
    expect(findRegistration(registrations, `${EPIC.iss}/`)?.clientId).toBe('epic-client');
  });

  it.each([
    'https://fhir.epic.example/api/FHIR/R4/../../evil',
    'https://fhir.epic.example.attacker.test/api/FHIR/R4',
    'https://fhir.epic.example/api/FHIR/R4x',
    'https://fhir.epic.example/api/FHIR',
    'http://fhir.epic.example/api/FHIR/R4',
    'HTTPS://FHIR.EPIC.EXAMPLE/api/FHIR/R4',
  ])('never matches a look-alike issuer: %s', (iss) => {
    expect(findRegistration(registrations, iss)).toBeUndefined();
  });
});

describe('connectOriginsOf', () => {
  it('lists each issuer origin and extra auth origins once', () => {
    const result = readRegistrations(
      {
        SMART_REGISTRATIONS: JSON.stringify([
          EPIC,
          { ...EPIC, iss: 'https://fhir.epic.example/other' },
        ]),
      },
      undefined,
    );
    expect(connectOriginsOf(result.ok ? result.registrations : [])).toEqual([
      'https://fhir.epic.example',
      'https://auth.epic.example',
    ]);
  });
});
