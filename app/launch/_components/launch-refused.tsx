import type { LaunchPlan } from '@/lib/smart/launch';

type Reason = Extract<LaunchPlan, { status: 'refused' }>['reason'];

const TITLES: Readonly<Record<Reason, { title: string; action: string }>> = {
  'unknown-iss': {
    title: 'This EHR is not registered with the app',
    action:
      'The app only connects to the EHRs it is configured for, so nothing was sent anywhere. If this is your EHR, ask your administrator to add it to the app’s registrations.',
  },
  'forbidden-param': {
    title: 'This launch link is not accepted',
    action: 'Open the app from the patient’s chart in your EHR.',
  },
  malformed: {
    title: 'The launch link is incomplete',
    action: 'Open the app again from the patient’s chart in your EHR.',
  },
  'no-registrations': {
    title: 'No EHR is configured',
    action:
      'Ask your administrator to configure the app’s EHR registrations (SMART_REGISTRATIONS).',
  },
  'config-error': {
    title: 'The app is misconfigured',
    action: 'Ask your administrator to fix the app’s EHR registrations (SMART_REGISTRATIONS).',
  },
};

/** Why a launch was refused, and what to do. */
export function LaunchRefused({ reason, detail }: { reason: Reason; detail: string }) {
  const { title, action } = TITLES[reason];
  return (
    <section className="error-panel" role="alert" data-testid="launch-error" data-reason={reason}>
      <h1>{title}</h1>
      <p>{action}</p>
      <p className="detail">{detail}</p>
    </section>
  );
}
