import type { ScreenResult } from '@/lib/redflags/evaluate';
import {
  TIER_INFO,
  advisoryViews,
  firedRuleViews,
  labViews,
  missingItemTexts,
  noImagingReason,
  tierDeadline,
} from '@/lib/screening/assessment-view';
import { AdvisoryItem } from './advisory-item';
import { FiredRuleItem } from './fired-rule-item';
import { ImagingStudy } from './imaging-study';
import { MissingItems } from './missing-items';

/**
 * The live assessment of the current answers (§7, §8.4): evaluated synchronously with the answers,
 * so it always matches them (`data-settled="true"`). Tier with what it means and by when, fired
 * rules with evidence and citation, advisories, imaging and labs; an incomplete evaluation says it
 * is provisional (a lower bound) and lists what is missing.
 */
export function AssessmentPanel({
  result,
  t0,
  texts,
  unavailable,
}: {
  result: ScreenResult;
  t0: string;
  texts: ReadonlyMap<string, string>;
  unavailable: readonly string[];
}) {
  if (!result.ok) {
    return (
      <section className="panel assessment" aria-labelledby="assessment-heading">
        <h2 id="assessment-heading">Assessment</h2>
        <p>
          Evaluation:{' '}
          <span data-testid="evaluation-status" data-settled="true">
            incomplete
          </span>
        </p>
        <p className="error-panel" role="alert">
          The answers could not be evaluated: {result.reason}
        </p>
      </section>
    );
  }
  const { evaluation } = result;
  const { output } = evaluation;
  const incomplete = output.status === 'incomplete';
  const info = TIER_INFO[output.tier];
  const deadline = tierDeadline(output.tier, t0);
  const rules = firedRuleViews(evaluation);
  const advisories = advisoryViews(evaluation);
  const labs = labViews(evaluation);
  return (
    <section className="panel assessment" aria-labelledby="assessment-heading">
      <h2 id="assessment-heading">Assessment</h2>
      <p className="visually-hidden" aria-live="polite">
        {`Assessment ${output.status}${incomplete ? ', provisional' : ''}: ${output.tier}.`}
      </p>
      <dl className="assessment-summary">
        <div>
          <dt>Evaluation</dt>
          <dd>
            <span data-testid="evaluation-status" data-settled="true">
              {output.status}
            </span>
          </dd>
        </div>
        <div>
          <dt>Urgency</dt>
          <dd>
            <span data-testid="tier" className={`tier-badge tier-${output.tier}`}>
              {output.tier}
            </span>
            {incomplete ? <span className="provisional"> provisional</span> : null}
          </dd>
        </div>
      </dl>
      <p>{info.meaning}</p>
      <p>
        <strong>By when:</strong> {info.when}
        {deadline ? ` At the latest by ${deadline}.` : ''}
      </p>
      {incomplete ? (
        <div className="provisional-note">
          <p>
            <strong>Provisional.</strong> This tier is a lower bound: answering what is missing can
            only raise it. No order is offered until the evaluation is complete
            {output.tier === 'EMERGENT'
              ? ', except the draft imaging proposal, which may be saved now because the tier is EMERGENT.'
              : '.'}
          </p>
          <MissingItems
            items={missingItemTexts(output.missingItems, texts)}
            unavailable={unavailable}
          />
        </div>
      ) : null}

      <h3>Red flags</h3>
      {rules.length === 0 ? (
        <p>No red-flag rule fired.</p>
      ) : (
        <ul className="plain rules">
          {rules.map((rule) => (
            <FiredRuleItem key={rule.id} rule={rule} />
          ))}
        </ul>
      )}

      {advisories.length > 0 ? (
        <>
          <h3>Advisories</h3>
          <ul className="plain advisories">
            {advisories.map((advisory) => (
              <AdvisoryItem key={advisory.id} advisory={advisory} />
            ))}
          </ul>
        </>
      ) : null}

      <h3>Suggested imaging{incomplete ? ' (provisional)' : ''}</h3>
      {output.imaging ? (
        <ImagingStudy study={output.imaging} primary />
      ) : (
        <p>{noImagingReason(evaluation)}</p>
      )}
      {output.secondaryImaging.map((study) => (
        <ImagingStudy key={`${study.key}-${study.region}`} study={study} primary={false} />
      ))}

      <h3>Suggested labs{incomplete ? ' (provisional)' : ''}</h3>
      {labs.length === 0 ? (
        <p>No lab test suggested.</p>
      ) : (
        <ul className="labs">
          {labs.map((lab) => (
            <li key={lab.analyte} data-testid="lab-suggestion" data-analyte={lab.analyte}>
              {lab.label} — LOINC {lab.loinc}
              {lab.display ? ` (${lab.display})` : ''}; priority {lab.priority}
            </li>
          ))}
        </ul>
      )}
      {output.pathwayLabel ? (
        <p>
          Pathway: <strong>{output.pathwayLabel}</strong>
        </p>
      ) : null}
      <p className="muted small">
        Rule set {output.ruleSet}, evaluated at {output.evaluatedAt}. Decision support only.
      </p>
    </section>
  );
}
