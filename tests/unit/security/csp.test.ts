import { buildContentSecurityPolicy } from '@/lib/security/csp';
import { readAppConfig, readFrameAncestors } from '@/lib/config';

describe('buildContentSecurityPolicy', () => {
  const csp = buildContentSecurityPolicy({
    nonce: 'abc123==',
    connectOrigins: ['https://fhir.epic.example'],
    frameAncestors: ["'self'", 'https://ehr.example'],
    dev: false,
  });

  it('allows scripts only with the nonce', () => {
    expect(csp).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('limits connections to the app and the configured EHR origins', () => {
    expect(csp).toContain("connect-src 'self' https://fhir.epic.example;");
  });

  it('lets only the allow-listed EHRs frame the app', () => {
    expect(csp).toContain("frame-ancestors 'self' https://ehr.example;");
  });
});

describe('readFrameAncestors', () => {
  it("always allows 'self' and keeps only plain http(s) origins", () => {
    expect(
      readFrameAncestors({
        FRAME_ANCESTORS:
          "https://a.example * https://b.example/path 'unsafe-inline' http://c.example:8080 https://a.example",
      }),
    ).toEqual(["'self'", 'https://a.example', 'http://c.example:8080']);
  });
});

describe('readAppConfig', () => {
  it('enables the sandbox only in a sandbox build with SANDBOX_ENABLED=1', () => {
    expect(readAppConfig({ SANDBOX_ENABLED: '1' }, 'http://localhost:3000').sandboxEnabled).toBe(
      false,
    );
    expect(
      readAppConfig(
        { SANDBOX_ENABLED: '1', NEXT_PUBLIC_SANDBOX_BUILD: '1' },
        'http://localhost:3000',
      ).sandboxEnabled,
    ).toBe(true);
    expect(
      readAppConfig({ NEXT_PUBLIC_SANDBOX_BUILD: '1' }, 'http://localhost:3000').sandboxEnabled,
    ).toBe(false);
  });
});
