import type { UnavailableData } from '@/lib/screening/chart-view';

const KIND_WORDS: Readonly<Record<UnavailableData['kind'], string>> = {
  Observation: 'Lab results and vital signs',
  Condition: 'Conditions (problem list and diagnoses)',
  Procedure: 'Procedures',
  MedicationRequest: 'Medications',
};

/**
 * Chart searches that failed: their data are unavailable, never read as negative; rules that need
 * them report missing data and the evaluation stays incomplete.
 */
export function ChartUnavailable({ unavailable }: { unavailable: readonly UnavailableData[] }) {
  if (unavailable.length === 0) return null;
  return (
    <section
      className="warn-panel"
      data-testid="chart-unavailable"
      aria-labelledby="chart-unavailable-heading"
    >
      <h2 id="chart-unavailable-heading">Some of the chart could not be read</h2>
      <p>
        This data is shown as unavailable, never as a negative finding: the rules that need it
        report missing data and the evaluation stays incomplete.
      </p>
      <ul>
        {unavailable.map((u) => (
          <li key={u.kind} data-kind={u.kind} data-status={u.status}>
            <strong>{KIND_WORDS[u.kind]}</strong>: {u.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
