import Link from 'next/link';
import { requestConfig } from './_server/request-config';

export default async function Home() {
  const config = await requestConfig();
  return (
    <main>
      <h1>Spine Red-Flag Screener</h1>
      <p>
        This app screens a patient with back pain for red flags (spinal infection, cancer, fracture,
        cauda equina) using the chart and a short questionnaire, and proposes imaging only where the
        rules say so.
      </p>
      <p>
        Open it from the patient’s chart in your EHR. To start a standalone launch instead, go to{' '}
        <Link href="/launch">the launch page</Link>.
      </p>
      {config.sandboxEnabled ? (
        <p>
          <span className="sandbox-label">Sandbox</span> A sandbox EHR with synthetic patients runs
          in this server: <Link href="/sandbox">open the sandbox launcher</Link>.
        </p>
      ) : null}
    </main>
  );
}
