/**
 * Next calls `register()` once per server start, before the first request. In a sandbox build
 * it starts the embedded FHIR store, so every seed is loaded (and problems reported on stderr)
 * before the app is used; `GET /sandbox/fhir/metadata` answers 200 only after that. A failed start
 * is logged, not thrown: the server still comes up, and the next FHIR request retries the start.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.SANDBOX_ENABLED === '1') {
    const { getSandboxEngine } = await import('./lib/sandbox/fhir/engine');
    try {
      await getSandboxEngine();
    } catch (error) {
      console.error(
        'sandbox FHIR: start failed',
        error instanceof Error ? error.message : 'unknown',
      );
    }
  }
}
