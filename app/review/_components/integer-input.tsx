'use client';

import { useState } from 'react';
import { parseIntegerInput } from '@/lib/screening/answers';
import type { QuestionView } from '@/lib/screening/questionnaire-view';

/**
 * An integer item: an `<input>` carrying `data-linkid` (QA contract) whose value counts on every
 * input event. Text that is not a whole number in range is kept on screen with a message and
 * leaves the item unanswered (never a guessed value).
 */
export function IntegerInput({
  question,
  inputId,
  describedBy,
  value,
  disabled,
  onChange,
}: {
  question: QuestionView;
  inputId: string;
  describedBy: string | undefined;
  value: number | undefined;
  disabled: boolean;
  onChange: (value: number | undefined) => void;
}) {
  const [typed, setTyped] = useState<{ text: string; message: string } | undefined>(undefined);
  // Invalid text leaves the item unanswered; once an answer is set (typed or taken from a
  // suggestion), the answer is what the input shows.
  const invalid = value === undefined ? typed : undefined;
  const errorId = `${inputId}-error`;
  const shown = invalid?.text ?? (value === undefined ? '' : String(value));
  return (
    <div className="integer">
      <input
        id={inputId}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        data-linkid={question.linkId}
        value={shown}
        disabled={disabled}
        aria-invalid={invalid !== undefined}
        aria-describedby={
          [describedBy, invalid ? errorId : undefined].filter(Boolean).join(' ') || undefined
        }
        onChange={(event) => {
          const text = event.target.value;
          const parsed = parseIntegerInput(text, question.min, question.max);
          if (parsed.kind === 'invalid') {
            setTyped({ text, message: parsed.message });
            onChange(undefined);
          } else {
            setTyped(undefined);
            onChange(parsed.kind === 'value' ? parsed.value : undefined);
          }
        }}
      />
      {question.unit ? <span className="unit">{question.unit}s</span> : null}
      {invalid ? (
        <p id={errorId} className="field-error" role="alert">
          {invalid.message}
        </p>
      ) : null}
    </div>
  );
}
