import { NextResponse, type NextRequest } from 'next/server';
import { readAppConfig, serverEnv } from '@/lib/config';
import { originFromHeaders } from '@/lib/origin';
import { connectOriginsOf } from '@/lib/smart/registrations';
import { buildContentSecurityPolicy } from '@/lib/security/csp';

/**
 * Security headers on every response: a CSP with a fresh script nonce (Next applies it to its own
 * scripts), `connect-src` limited to the configured FHIR and authorization origins, and an
 * allow-list of EHR origins that may frame the app. No `X-Frame-Options`: EHRs embed apps.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const origin = originFromHeaders(request.headers, request.url);
  const config = readAppConfig(serverEnv(), origin);
  const csp = buildContentSecurityPolicy({
    nonce,
    connectOrigins: config.registrations.ok
      ? connectOriginsOf(config.registrations.registrations)
      : [],
    frameAncestors: config.frameAncestors,
    dev: process.env.NODE_ENV !== 'production',
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'same-origin');
  response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
    },
  ],
};
