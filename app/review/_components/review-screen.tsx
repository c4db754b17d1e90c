'use client';

import { useSmartSession } from '@/app/_providers/smart-session';
import { usePatient } from '@/app/_hooks/use-patient';
import { PatientBanner } from './patient-banner';

/** The screening screen for the patient in context. */
export function ReviewScreen() {
  const session = useSmartSession();
  const { patient, error, isLoading, reload } = usePatient();

  return (
    <>
      {error ? (
        <section
          className="error-panel"
          role="alert"
          data-testid="patient-error"
          data-status={error.status}
        >
          <h1>The patient’s record could not be read</h1>
          <p>{error.message}</p>
          {error.outcome ? <p className="detail">EHR message: {error.outcome}</p> : null}
          <button type="button" onClick={() => void reload()}>
            Try again
          </button>
        </section>
      ) : isLoading || !patient ? (
        <p aria-live="polite" data-testid="patient-loading">
          Reading the patient’s record…
        </p>
      ) : (
        <PatientBanner patient={patient} session={session} />
      )}
      {session.missingScopes.length > 0 ? (
        <section className="warn-panel" data-testid="missing-scopes">
          <h2>Access the EHR did not grant</h2>
          <p>
            The app asked for these permissions and did not receive them, so it cannot read or save
            what they cover. Missing data is shown as unavailable, never as a negative finding.
          </p>
          <ul>
            {session.missingScopes.map((scope) => (
              <li key={scope} className="detail">
                {scope}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
