'use client';

import type { Patient } from 'fhir/r4';
import { ageLabel, patientName, sexLabel } from '@/lib/fhir/display';
import { ageRange, t0Date } from '@/lib/redflags/age';
import type { SmartSession } from '@/lib/smart/session';
import { toOffsetDateTime } from '@/lib/time';

function todayAge(patient: Patient) {
  const now = new Date();
  const date = t0Date(toOffsetDateTime(now, -now.getTimezoneOffset()));
  return date ? ageRange(patient.birthDate, date) : { min: 0, max: undefined };
}

/** Who is being screened and by whom: always shown, so a wrong-patient launch is visible at once. */
export function PatientBanner({ patient, session }: { patient: Patient; session: SmartSession }) {
  const name = patientName(patient);
  return (
    <section className="panel" aria-labelledby="patient-heading">
      <h1 id="patient-heading" data-testid="patient-name">
        {name ?? 'Name not recorded'}
      </h1>
      <dl className="patient-banner">
        <div>
          <dt>Sex</dt>
          <dd data-testid="patient-sex">{sexLabel(patient)}</dd>
        </div>
        <div>
          <dt>Age</dt>
          <dd data-testid="patient-age">{ageLabel(todayAge(patient))}</dd>
        </div>
        <div>
          <dt>Birth date</dt>
          <dd>{patient.birthDate ?? 'Not recorded'}</dd>
        </div>
        <div>
          <dt>Clinician</dt>
          <dd data-testid="practitioner">
            {session.userName ?? session.userRef ?? 'Not identified by the EHR'}
            {session.userName && session.userRef ? (
              <span className="muted detail"> ({session.userRef})</span>
            ) : null}
          </dd>
        </div>
      </dl>
    </section>
  );
}
