'use client';

import type { AnswerValue } from '@/lib/screening/answers';
import type { QuestionView } from '@/lib/screening/questionnaire-view';

/**
 * The options of a boolean (Yes/No) or choice item as pressed buttons: each visible button carries
 * `data-linkid` and `data-answer` (QA contract), and clicking it sets that answer (clicking it again
 * keeps it; there is no toggle-off).
 */
export function OptionButtons({
  question,
  labelId,
  value,
  disabled,
  onSelect,
}: {
  question: QuestionView;
  labelId: string;
  value: AnswerValue | undefined;
  disabled: boolean;
  onSelect: (value: AnswerValue) => void;
}) {
  const options: readonly { answer: string; value: AnswerValue; label: string }[] =
    question.type === 'boolean'
      ? [
          { answer: 'true', value: true, label: 'Yes' },
          { answer: 'false', value: false, label: 'No' },
        ]
      : question.options.map((o) => ({ answer: o.code, value: o.code, label: o.display }));
  return (
    <div role="group" aria-labelledby={labelId} className="options">
      {options.map((option) => (
        <button
          key={option.answer}
          type="button"
          className="option"
          data-linkid={question.linkId}
          data-answer={option.answer}
          aria-pressed={value === option.value}
          disabled={disabled}
          onClick={() => onSelect(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
