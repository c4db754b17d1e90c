import type { DirectoryPatient, DirectoryPractitioner } from '@/lib/sandbox/auth/directory';
import { SANDBOX_LABEL } from '@/lib/sandbox/auth/responses';

interface EhrChartProps {
  readonly patient: DirectoryPatient;
  readonly practitioner?: DirectoryPractitioner;
  /** The app's launch URL with `iss` and `launch`. */
  readonly appUrl: string;
}

/** A minimal EHR chart: patient banner on top, the SMART app embedded below, as EHRs do. */
export function EhrChart({ patient, practitioner, appUrl }: EhrChartProps) {
  return (
    <main>
      <header
        aria-label="Patient banner"
        data-testid="ehr-patient-banner"
        style={{ padding: '0.5rem 1rem', borderBottom: '1px solid #888' }}
      >
        <p style={{ margin: 0 }}>
          <strong>{SANDBOX_LABEL}</strong>
          {practitioner === undefined ? null : <> · Signed in as {practitioner.name}</>}
        </p>
        <h1 style={{ margin: '0.25rem 0', fontSize: '1.25rem' }}>{patient.name}</h1>
        <p style={{ margin: 0 }}>
          {patient.birthDate === undefined ? null : <>Born {patient.birthDate} · </>}
          {patient.gender === undefined ? null : <>{patient.gender} · </>}
          Patient ID {patient.id}
        </p>
      </header>
      <iframe
        title="Spine Red-Flag Screener (SMART app)"
        src={appUrl}
        data-testid="ehr-frame"
        style={{ display: 'block', width: '100%', height: '85vh', border: 0 }}
      />
    </main>
  );
}
