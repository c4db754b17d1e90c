'use client';

import { useEffect, useRef, useState } from 'react';
import {
  authorizeOptionsFor,
  startLaunch,
  type AuthorizeOptions,
  type LaunchPlan,
} from '@/lib/smart/launch';
import { LaunchRefused } from './launch-refused';

type RunState =
  | { readonly status: 'idle' }
  | { readonly status: 'redirecting'; readonly label: string }
  | { readonly status: 'error'; readonly detail: string };

function describeStartError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/crypto|subtle|secure context/i.test(message)) {
    return 'This browser cannot create the PKCE security code here (it needs HTTPS or localhost).';
  }
  return `The EHR’s SMART configuration could not be read (${message.split('\n')[0]}).`;
}

/** Runs the plan the server made: redirect to the EHR, show the chooser, or explain a refusal. */
export function LaunchRunner({ plan }: { plan: LaunchPlan }) {
  const [state, setState] = useState<RunState>({ status: 'idle' });
  const started = useRef(false);

  const go = (options: AuthorizeOptions, label: string) => {
    if (started.current) return;
    started.current = true;
    setState({ status: 'redirecting', label });
    startLaunch(options).catch((error: unknown) => {
      started.current = false;
      setState({ status: 'error', detail: describeStartError(error) });
    });
  };

  useEffect(() => {
    if (plan.status === 'authorize') go(plan.options, plan.target.label);
    // The plan comes from the server and never changes on this page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (state.status === 'error') {
    return (
      <section
        className="error-panel"
        role="alert"
        data-testid="launch-error"
        data-reason="discovery-failed"
      >
        <h1>The launch could not start</h1>
        <p>{state.detail}</p>
        <p>Launch the app again from the EHR; if it keeps failing, tell your EHR administrator.</p>
      </section>
    );
  }
  switch (plan.status) {
    case 'refused':
      return <LaunchRefused reason={plan.reason} detail={plan.detail} />;
    case 'authorize':
      return (
        <section aria-live="polite" data-testid="launch-progress">
          <h1>Connecting to {plan.target.label}…</h1>
          <p className="muted">You will be sent to the EHR to approve access, then back here.</p>
        </section>
      );
    case 'choose':
      return (
        <section>
          <h1>Choose your EHR</h1>
          <p>No EHR sent this launch. Pick the system to sign in to (standalone launch):</p>
          <ul className="plain">
            {plan.targets.map((target) => (
              <li key={target.iss}>
                <button
                  type="button"
                  data-testid="choose-server"
                  data-iss={target.iss}
                  disabled={state.status === 'redirecting'}
                  onClick={() => go(authorizeOptionsFor(target, undefined), target.label)}
                >
                  {target.label}
                </button>{' '}
                <span className="muted detail">{target.iss}</span>
              </li>
            ))}
          </ul>
          {state.status === 'redirecting' ? (
            <p aria-live="polite">Connecting to {state.label}…</p>
          ) : null}
        </section>
      );
  }
}
