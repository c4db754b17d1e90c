'use client';

import type { ItemPrepopulation } from '@/lib/redflags/prepopulate';
import type { AnswerValue } from '@/lib/screening/answers';
import type { QuestionView } from '@/lib/screening/questionnaire-view';
import { IntegerInput } from './integer-input';
import { OptionButtons } from './option-buttons';
import { PrepopulationHint } from './prepopulation-hint';

/** One question: its text (required marked), help, answer control, chart hint and a Clear. */
export function QuestionItem({
  question,
  value,
  prepopulation,
  disabled,
  onAnswer,
  onClear,
}: {
  question: QuestionView;
  value: AnswerValue | undefined;
  prepopulation: readonly ItemPrepopulation[];
  disabled: boolean;
  onAnswer: (linkId: string, value: AnswerValue) => void;
  onClear: (linkId: string) => void;
}) {
  const id = `q-${question.linkId}`;
  const labelId = `${id}-label`;
  const helpIds = question.help.map((_, index) => `${id}-help-${index}`);
  const label = (
    <>
      {question.text}
      {question.required ? (
        <>
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
          <span className="visually-hidden"> (required)</span>
        </>
      ) : (
        <span className="muted optional"> (optional)</span>
      )}
    </>
  );
  return (
    <div className={`question ${value === undefined ? 'unanswered' : 'answered'}`}>
      {question.type === 'integer' ? (
        <label className="question-text" id={labelId} htmlFor={`${id}-input`}>
          {label}
        </label>
      ) : (
        <p className="question-text" id={labelId}>
          {label}
        </p>
      )}
      {question.help.map((text, index) => (
        <p key={index} id={helpIds[index]} className="help">
          {text}
        </p>
      ))}
      <div className="answer-row">
        {question.type === 'boolean' || question.type === 'choice' ? (
          <OptionButtons
            question={question}
            labelId={labelId}
            value={value}
            disabled={disabled}
            onSelect={(v) => onAnswer(question.linkId, v)}
          />
        ) : question.type === 'integer' ? (
          <IntegerInput
            question={question}
            inputId={`${id}-input`}
            describedBy={helpIds.length > 0 ? helpIds.join(' ') : undefined}
            value={typeof value === 'number' ? value : undefined}
            disabled={disabled}
            onChange={(v) =>
              v === undefined ? onClear(question.linkId) : onAnswer(question.linkId, v)
            }
          />
        ) : (
          <p className="muted">
            This question (type {question.resourceType}) cannot be answered in this app.
          </p>
        )}
        {value !== undefined && question.type !== 'integer' ? (
          <button
            type="button"
            className="link-button"
            disabled={disabled}
            onClick={() => onClear(question.linkId)}
          >
            Clear<span className="visually-hidden"> the answer to: {question.text}</span>
          </button>
        ) : null}
      </div>
      <PrepopulationHint
        question={question}
        entries={prepopulation}
        value={value}
        disabled={disabled}
        onUse={(v) => onAnswer(question.linkId, v)}
      />
    </div>
  );
}
