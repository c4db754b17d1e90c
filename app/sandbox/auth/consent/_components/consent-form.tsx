import { CONSENT_DECISION_PATH, type ConsentView } from '@/lib/sandbox/auth/consent';
import { SANDBOX_LABEL } from '@/lib/sandbox/auth/responses';

type PendingConsent = Extract<ConsentView, { status: 'pending' }>;

/** The consent screen: who asks, for what, for which patient; Approve or Deny. */
export function ConsentForm({ view }: { readonly view: PendingConsent }) {
  return (
    <main>
      <p>
        <strong>{SANDBOX_LABEL}</strong>
      </p>
      <h1>Allow {view.appName} to use the sandbox EHR?</h1>
      <p>
        {view.appName} (client <code>{view.clientId}</code>) asks to:
      </p>
      <ul>
        {view.scopes.map((line) => (
          <li key={line.scope}>
            {line.words} <code>{line.scope}</code>
          </li>
        ))}
      </ul>
      <form method="post" action={CONSENT_DECISION_PATH}>
        <input type="hidden" name="request" value={view.requestId} />
        {view.choosePatient ? (
          <p>
            <label htmlFor="consent-patient">Patient</label>{' '}
            <select
              id="consent-patient"
              name="patient"
              required
              defaultValue={view.patient?.id ?? ''}
              data-testid="consent-patient"
            >
              <option value="" disabled>
                Choose a patient…
              </option>
              {view.patients.map((patient) => (
                <option key={patient.id} value={patient.id}>
                  {patient.name}
                  {patient.birthDate === undefined ? '' : ` (born ${patient.birthDate})`}
                </option>
              ))}
            </select>
          </p>
        ) : view.patient === undefined ? null : (
          <p>
            Patient: <strong>{view.patient.name}</strong>
          </p>
        )}
        <p>
          <button type="submit" name="decision" value="approve" data-testid="consent-approve">
            Approve
          </button>{' '}
          <button
            type="submit"
            name="decision"
            value="deny"
            formNoValidate
            data-testid="consent-deny"
          >
            Deny
          </button>
        </p>
      </form>
    </main>
  );
}
