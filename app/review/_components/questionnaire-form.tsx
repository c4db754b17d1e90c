'use client';

import type { ItemPrepopulation } from '@/lib/redflags/prepopulate';
import type { AnswerValue, Answers } from '@/lib/screening/answers';
import type { GroupView } from '@/lib/screening/questionnaire-view';
import { QuestionGroup } from './question-group';

/**
 * The questionnaire, rendered from the Questionnaire resource: the groups and items the engine
 * enables for this patient and these answers, required items marked, chart pre-population shown.
 */
export function QuestionnaireForm({
  groups,
  answers,
  prepopulation,
  chartPositive,
  disabled,
  disabledReason,
  onAnswer,
  onAnswers,
  onClear,
}: {
  groups: readonly GroupView[];
  answers: Answers;
  prepopulation: ReadonlyMap<string, readonly ItemPrepopulation[]>;
  chartPositive: ReadonlySet<string>;
  disabled: boolean;
  disabledReason: string | undefined;
  onAnswer: (linkId: string, value: AnswerValue) => void;
  onAnswers: (values: Readonly<Record<string, AnswerValue>>) => void;
  onClear: (linkId: string) => void;
}) {
  return (
    <section className="panel questionnaire" aria-labelledby="questionnaire-heading">
      <h2 id="questionnaire-heading">Questions the chart cannot answer</h2>
      <p className="muted">
        Items marked <span aria-hidden="true">*</span>
        <span className="visually-hidden">“required”</span> are required. An unanswered item is
        never read as “No”.
      </p>
      {disabled && disabledReason ? <p className="warn-panel">{disabledReason}</p> : null}
      {groups.map((group, index) => (
        <QuestionGroup
          key={group.linkId ?? `loose-${index}`}
          group={group}
          index={index}
          answers={answers}
          prepopulation={prepopulation}
          chartPositive={chartPositive}
          disabled={disabled}
          onAnswer={onAnswer}
          onAnswers={onAnswers}
          onClear={onClear}
        />
      ))}
    </section>
  );
}
