import type { Metadata } from 'next';
import { LaunchGate } from './_components/launch-gate';
import { ReviewScreen } from './_components/review-screen';

export const metadata: Metadata = { title: 'Screening — Spine Red-Flag Screener' };

/** The SMART redirect URI: completes the launch, then shows the screening for the patient in context. */
export default function ReviewPage() {
  return (
    <main>
      <LaunchGate>
        <ReviewScreen />
      </LaunchGate>
    </main>
  );
}
