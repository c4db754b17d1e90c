'use client';

import type { ItemPrepopulation } from '@/lib/redflags/prepopulate';
import type { AnswerValue, Answers } from '@/lib/screening/answers';
import { noneOfTheseFor } from '@/lib/screening/groups';
import type { GroupView } from '@/lib/screening/questionnaire-view';
import { NoneOfTheseButton } from './none-of-these-button';
import { QuestionItem } from './question-item';

const NO_PREPOPULATION: readonly ItemPrepopulation[] = [];

/** A presentation group (§9.5): heading, its "None of these" button, and its shown questions. */
export function QuestionGroup({
  group,
  index,
  answers,
  prepopulation,
  chartPositive,
  disabled,
  onAnswer,
  onAnswers,
  onClear,
}: {
  group: GroupView;
  index: number;
  answers: Answers;
  prepopulation: ReadonlyMap<string, readonly ItemPrepopulation[]>;
  chartPositive: ReadonlySet<string>;
  disabled: boolean;
  onAnswer: (linkId: string, value: AnswerValue) => void;
  onAnswers: (values: Readonly<Record<string, AnswerValue>>) => void;
  onClear: (linkId: string) => void;
}) {
  const headingId = `group-${group.linkId ?? index}-heading`;
  const none = noneOfTheseFor(group, answers, chartPositive);
  return (
    <section className="question-group" aria-labelledby={headingId}>
      <div className="group-header">
        <h3 id={headingId}>{group.text}</h3>
        {none.available && group.linkId !== undefined ? (
          <NoneOfTheseButton
            groupId={group.linkId}
            groupText={group.text}
            state={none}
            disabled={disabled}
            onFill={onAnswers}
          />
        ) : null}
      </div>
      {group.questions.map((question) => (
        <QuestionItem
          key={question.linkId}
          question={question}
          value={answers[question.linkId]}
          prepopulation={prepopulation.get(question.linkId) ?? NO_PREPOPULATION}
          disabled={disabled}
          onAnswer={onAnswer}
          onClear={onClear}
        />
      ))}
    </section>
  );
}
