import type { ChartView } from '@/lib/screening/chart-view';
import { AnalyteSection } from './analyte-section';
import { ChartHistory } from './chart-history';

/** What the chart says: the decision labs and vitals (used and not used), and the matched history. */
export function ChartPanel({
  view,
  texts,
}: {
  view: ChartView;
  texts: ReadonlyMap<string, string>;
}) {
  const failed: ReadonlySet<string> = new Set(view.unavailable.map((u) => u.kind));
  return (
    <section className="panel chart-panel" aria-labelledby="chart-heading">
      <h2 id="chart-heading">What the chart says</h2>
      {failed.has('Observation') ? (
        <p className="muted">Lab results and vital signs are unavailable (the search failed).</p>
      ) : (
        view.analytes.map((analyte) => <AnalyteSection key={analyte.analyte} view={analyte} />)
      )}
      <ChartHistory entries={view.history} texts={texts} unavailable={failed} />
    </section>
  );
}
