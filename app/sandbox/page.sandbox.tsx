import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { originFromHeaders } from '@/lib/origin';
import { sandboxFhirBase } from '@/lib/sandbox/origin';
import {
  getSeedReport,
  listSeedPatients,
  listSeedPractitioners,
} from '@/lib/sandbox/seed/sandbox-seed';

export const metadata: Metadata = { title: 'Sandbox EHR launcher (synthetic data)' };
export const dynamic = 'force-dynamic';

function launchHref(origin: string, patient: string, mode: 'ehr' | 'embedded'): string {
  const params = new URLSearchParams({ patient, launch_uri: `${origin}/launch`, mode });
  return `/sandbox/launch?${params}`;
}

/** The sandbox EHR's launcher: pick a synthetic patient and launch the app as an EHR would. */
export default async function SandboxLauncherPage() {
  const origin = originFromHeaders(await headers());
  const [patients, practitioners, report] = await Promise.all([
    listSeedPatients(),
    listSeedPractitioners(),
    getSeedReport(),
  ]);
  return (
    <main>
      <p>
        <span className="sandbox-label">Sandbox EHR — synthetic data</span>
      </p>
      <h1>Sandbox EHR launcher</h1>
      <p>
        Every patient here is fictitious. Launch the Spine Red-Flag Screener for a patient as an EHR
        would (<code>/launch?iss=…&amp;launch=…</code>), or inside an EHR chart frame. FHIR base (
        <code>iss</code>): <code data-testid="sandbox-iss">{sandboxFhirBase(origin)}</code>
      </p>

      {report.skipped.length > 0 || report.duplicates.length > 0 ? (
        <section
          className="warn-panel"
          data-testid="seed-problems"
          aria-labelledby="seed-problems-heading"
        >
          <h2 id="seed-problems-heading">Seed files with problems</h2>
          <ul>
            {report.skipped.map((s) => (
              <li key={`skip-${s.file}`} data-testid="seed-skipped">
                Skipped <code>{s.file}</code>: {s.reason}
              </li>
            ))}
            {report.duplicates.map((d) => (
              <li key={`dup-${d.file}-${d.reference}`} data-testid="seed-duplicate">
                <code>{d.file}</code> reuses <code>{d.reference}</code>, already loaded from{' '}
                <code>{d.firstFile}</code>; the later one was not loaded.
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="launch-form-heading" className="panel">
        <h2 id="launch-form-heading">Launch with options</h2>
        <form action="/sandbox/launch" method="get">
          <input type="hidden" name="launch_uri" value={`${origin}/launch`} />
          <p>
            <label htmlFor="launch-patient">Patient </label>
            <select id="launch-patient" name="patient" data-testid="launcher-patient">
              {patients.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.id})
                </option>
              ))}
            </select>
          </p>
          <p>
            <label htmlFor="launch-practitioner">Clinician </label>
            <select id="launch-practitioner" name="practitioner" defaultValue="sandbox-clinician">
              {practitioners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label htmlFor="launch-mode">Launch </label>
            <select id="launch-mode" name="mode" defaultValue="ehr">
              <option value="ehr">EHR launch (no consent screen)</option>
              <option value="embedded">EHR launch inside the EHR chart (iframe)</option>
              <option value="standalone">Standalone launch (consent and patient picker)</option>
            </select>
          </p>
          <button type="submit" data-testid="launcher-submit">
            Launch
          </button>
        </form>
      </section>

      <section aria-labelledby="patients-heading">
        <h2 id="patients-heading">Patients ({patients.length})</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Birth date</th>
              <th scope="col">Sex</th>
              <th scope="col">Launch</th>
            </tr>
          </thead>
          <tbody>
            {patients.map((p) => (
              <tr key={p.id} data-testid="sandbox-patient" data-patient-id={p.id}>
                <td>
                  {p.name}
                  <br />
                  <span className="muted detail">{p.id}</span>
                </td>
                <td>{p.birthDate ?? '—'}</td>
                <td>{p.gender ?? '—'}</td>
                <td>
                  <a href={launchHref(origin, p.id, 'ehr')} data-testid="launch-link">
                    Launch<span className="visually-hidden"> for {p.name}</span>
                  </a>{' '}
                  ·{' '}
                  <a href={launchHref(origin, p.id, 'embedded')}>
                    In EHR frame<span className="visually-hidden"> for {p.name}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="qa-heading">
        <h2 id="qa-heading">For QA scripts</h2>
        <ul>
          <li>
            <code>
              GET /sandbox/launch?patient=&lt;id&gt;&amp;launch_uri=&lt;app launch URL&gt;
            </code>{' '}
            → 302 to the app with <code>iss</code> and <code>launch</code>.
          </li>
          <li>
            <code>POST /sandbox/qa/token</code> → a token that can read everything;{' '}
            <code>POST /sandbox/reset</code> → the seeded state again.
          </li>
          <li>
            Seed files loaded: {report.loaded.length}
            {report.loaded.length > 0
              ? ` (${report.loaded.reduce((n, f) => n + f.resources, 0)} resources)`
              : ''}
            .
          </li>
        </ul>
      </section>
    </main>
  );
}
