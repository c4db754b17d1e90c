import { TIER_INFO } from '@/lib/screening/assessment-view';

/**
 * "EMERGENT — act now" (§9.5, §8.4): shown at once while an emergency answer is positive or the
 * (provisional) tier is EMERGENT, without waiting for the questionnaire to be complete.
 */
export function EmergentBanner({ actions }: { actions: readonly string[] }) {
  return (
    <section
      className="emergent-banner"
      role="alert"
      aria-labelledby="emergent-heading"
      data-testid="emergent-banner"
    >
      <h2 id="emergent-heading">EMERGENT — act now</h2>
      {actions.length > 0 ? (
        <ul>
          {actions.map((action) => (
            <li key={action}>{action}</li>
          ))}
        </ul>
      ) : (
        <p>{TIER_INFO.EMERGENT.when}</p>
      )}
    </section>
  );
}
