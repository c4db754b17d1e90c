'use client';

import type { Questionnaire } from 'fhir/r4';
import { BACK_PAIN_QUESTIONNAIRE } from '@/lib/profiles/questionnaire';
import { useSmartSession } from '@/app/_providers/smart-session';
import { useChart } from '@/app/_hooks/use-chart';
import { PatientBanner } from './patient-banner';
import { ScreeningWorkflow } from './screening-workflow';

/**
 * The screening screen for the patient in context: the patient banner as soon as the Patient is
 * read, then — once the chart wave has answered — the chart, the questionnaire, the assessment
 * and the save.
 * @param questionnaire - the Questionnaire to render (the project's, from `fhir-profiles/`)
 */
export function ReviewScreen({
  questionnaire = BACK_PAIN_QUESTIONNAIRE,
}: {
  questionnaire?: Questionnaire;
}) {
  const session = useSmartSession();
  const { loaded, patient, error, reload } = useChart();

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
      ) : !patient ? (
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
      {error ? null : loaded && patient ? (
        <ScreeningWorkflow loaded={loaded} patient={patient} questionnaire={questionnaire} />
      ) : patient ? (
        <p aria-live="polite" data-testid="chart-loading">
          Reading the chart (labs, vital signs, conditions, procedures, medications)…
        </p>
      ) : null}
    </>
  );
}
