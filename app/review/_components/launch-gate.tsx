'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { completeLaunch, type LaunchResult } from '@/lib/smart/session';
import { SmartSessionProvider } from '@/app/_providers/smart-session';

/** Completes the SMART launch once, then renders its children with the session, or the failure. */
export function LaunchGate({ children }: { children: ReactNode }) {
  const [result, setResult] = useState<LaunchResult | undefined>(undefined);

  useEffect(() => {
    let active = true;
    completeLaunch().then(
      (r) => active && setResult(r),
      (error: unknown) =>
        active &&
        setResult({
          status: 'failed',
          reason: 'token-failed',
          message: 'The launch could not be completed. Launch the app again from the EHR.',
          detail: error instanceof Error ? error.message.split('\n')[0] : undefined,
        }),
    );
    return () => {
      active = false;
    };
  }, []);

  if (!result) {
    return (
      <p aria-live="polite" data-testid="launch-progress">
        Completing the launch…
      </p>
    );
  }
  if (result.status === 'failed') {
    return (
      <section
        className="error-panel"
        role="alert"
        data-testid="launch-error"
        data-reason={result.reason}
      >
        <h1>The app could not start</h1>
        <p>{result.message}</p>
        {result.detail ? <p className="detail">EHR message: {result.detail}</p> : null}
      </section>
    );
  }
  return <SmartSessionProvider session={result}>{children}</SmartSessionProvider>;
}
