import { requestOrigin, sandboxFhirBase } from '@/lib/sandbox/origin';

describe('requestOrigin', () => {
  it('uses the Host header the browser sent', () => {
    const request = new Request('http://localhost:3000/sandbox/launch', {
      headers: { host: 'localhost:4123' },
    });
    expect(requestOrigin(request)).toBe('http://localhost:4123');
  });

  it('honours x-forwarded-proto and x-forwarded-host from a local TLS proxy', () => {
    const request = new Request('http://localhost:3000/x', {
      headers: {
        host: 'localhost:3000',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'ehr.test',
      },
    });
    expect(requestOrigin(request)).toBe('https://ehr.test');
  });

  it('ignores a forwarded protocol that is neither http nor https', () => {
    const request = new Request('http://localhost:3000/x', {
      headers: { 'x-forwarded-proto': 'javascript' },
    });
    expect(requestOrigin(request)).toBe('http://localhost:3000');
  });
});

describe('sandboxFhirBase', () => {
  it('is /sandbox/fhir on the origin', () => {
    expect(sandboxFhirBase('http://localhost:3000')).toBe('http://localhost:3000/sandbox/fhir');
  });
});
