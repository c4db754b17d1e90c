import type { Patient } from 'fhir/r4';
import type { WriteOutcome } from '@/lib/fhir/write';
import { patientName, sexLabel } from '@/lib/fhir/display';
import type { ScreenResult } from '@/lib/redflags/evaluate';
import { answerLabel, type Answers } from '@/lib/screening/answers';
import { firedRuleViews, studyView, TIER_INFO } from '@/lib/screening/assessment-view';
import type { GroupView } from '@/lib/screening/questionnaire-view';
import { describeWriteItem, type WritePlan } from '@/lib/screening/write-plan';

/**
 * A one-page summary for printing: patient, answers, red flags, suggestions and what was written.
 * Hidden on screen; the print stylesheet shows it alone.
 */
export function PrintSummary({
  patient,
  clinician,
  t0,
  groups,
  answers,
  result,
  plan,
  outcomes,
}: {
  patient: Patient;
  clinician: string;
  t0: string;
  groups: readonly GroupView[];
  answers: Answers;
  result: ScreenResult;
  plan: WritePlan | undefined;
  outcomes: readonly WriteOutcome[] | undefined;
}) {
  const output = result.ok ? result.evaluation.output : undefined;
  const rules = result.ok ? firedRuleViews(result.evaluation) : [];
  return (
    <section className="print-summary" aria-labelledby="print-heading">
      <h2 id="print-heading">Back-pain red-flag screening — summary</h2>
      <p>
        <strong>Patient:</strong> {patientName(patient) ?? 'Name not recorded'}; sex{' '}
        {sexLabel(patient)}; born {patient.birthDate ?? 'not recorded'}. <strong>Clinician:</strong>{' '}
        {clinician}. <strong>Evaluated:</strong> {t0}.
      </p>
      {output ? (
        <>
          <p>
            <strong>
              {output.tier}
              {output.status === 'incomplete' ? ' (provisional, incomplete)' : ''}
            </strong>
            : {TIER_INFO[output.tier].meaning} {TIER_INFO[output.tier].when}
          </p>
          <h3>Red flags</h3>
          {rules.length === 0 ? (
            <p>None.</p>
          ) : (
            <ul>
              {rules.map((rule) => (
                <li key={rule.id}>
                  {rule.title} ({rule.id}, {rule.tier}):{' '}
                  {rule.evidence.map((e) => e.detail).join('; ')}
                </li>
              ))}
            </ul>
          )}
          {output.advisories.length > 0 ? <p>Advisories: {output.advisories.join(', ')}.</p> : null}
          <h3>Suggestion</h3>
          <p>
            {output.imaging
              ? `${studyView(output.imaging).title}, ${studyView(output.imaging).priority}.`
              : 'No spine imaging.'}
            {output.secondaryImaging.map((s) => ` Also: ${studyView(s).title}.`).join('')}
            {output.labs.length > 0
              ? ` Labs: ${output.labs.map((l) => l.analyte).join(', ')}.`
              : ' No labs.'}
          </p>
        </>
      ) : null}
      <h3>Answers</h3>
      <table className="print-answers">
        <caption className="visually-hidden">Answers given</caption>
        <tbody>
          {groups.flatMap((group) =>
            group.questions.map((q) => (
              <tr key={q.linkId}>
                <th scope="row">{q.text}</th>
                <td>{answerLabel(answers[q.linkId], q.options, q.unit)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <h3>Written to the EHR</h3>
      {plan && outcomes ? (
        <ul>
          {plan.items.map((item) => {
            const outcome = outcomes.find((o) => o.key === item.key);
            return (
              <li key={item.key}>
                {describeWriteItem(item).title}:{' '}
                {outcome?.state === 'created'
                  ? outcome.reference
                  : outcome?.state === 'failed'
                    ? `not saved (${outcome.error.message})`
                    : 'pending'}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>Nothing has been written yet.</p>
      )}
    </section>
  );
}
