'use client';

import { useId, useState } from 'react';
import type { AnalyteView } from '@/lib/screening/chart-view';
import { ResourceLink } from './resource-link';
import { TrendSparkline } from './trend-sparkline';

/** Rows shown before "Show all": a large chart must stay fast to render and to read. */
const INITIAL_ROWS = 5;

/** One decision analyte: its Observations (used or not, and why) and its trend. */
export function AnalyteSection({ view }: { view: AnalyteView }) {
  const id = useId();
  const [showAll, setShowAll] = useState(false);
  const rows = showAll ? view.rows : view.rows.slice(0, INITIAL_ROWS);
  const hidden = view.rows.length - rows.length;
  return (
    <div className="analyte" data-analyte={view.analyte}>
      <h3 id={`${id}-heading`}>
        {view.label} <span className="muted">({view.unit})</span>
      </h3>
      {view.rows.length === 0 ? (
        <p className="muted">No result in the chart.</p>
      ) : (
        <>
          <TrendSparkline
            id={`${id}-trend`}
            label={view.label}
            unit={view.unit}
            points={view.trend}
          />
          <table className="observations">
            <caption className="visually-hidden">{view.label}: results read from the chart</caption>
            <thead>
              <tr>
                <th scope="col">Value</th>
                <th scope="col">Taken</th>
                <th scope="col">Used?</th>
                <th scope="col">Record</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={row.reference ?? index} className={row.used ? 'used' : 'not-used'}>
                  <td>
                    {row.value}
                    {row.converted ? <span className="muted"> (= {row.converted})</span> : null}
                    {row.flag === 'raised' ? (
                      <strong className="flag-raised"> raised</strong>
                    ) : null}
                  </td>
                  <td>{row.when}</td>
                  <td>{row.note}</td>
                  <td>
                    <ResourceLink reference={row.reference}>
                      Open
                      <span className="visually-hidden">
                        {' '}
                        {view.label} of {row.when}
                      </span>
                    </ResourceLink>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {view.rows.length > INITIAL_ROWS ? (
            <button
              type="button"
              className="secondary small"
              aria-expanded={showAll}
              onClick={() => setShowAll((v) => !v)}
            >
              {showAll ? 'Show fewer' : `Show all ${view.rows.length} results (${hidden} more)`}
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
