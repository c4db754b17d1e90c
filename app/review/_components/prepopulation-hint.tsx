'use client';

import type { ItemPrepopulation } from '@/lib/redflags/prepopulate';
import { answerLabel, type AnswerValue } from '@/lib/screening/answers';
import type { QuestionView } from '@/lib/screening/questionnaire-view';
import { EvidenceList } from './evidence-list';

/**
 * What the chart says about an item (§9, §3.7): a chart-authoritative answer with its source (and
 * the discrepancy when the answer says otherwise), a suggestion the clinician may take, or a
 * prompt. Suggestions and prompts are hints, never answers.
 */
export function PrepopulationHint({
  question,
  entries,
  value,
  disabled,
  onUse,
}: {
  question: QuestionView;
  entries: readonly ItemPrepopulation[];
  value: AnswerValue | undefined;
  disabled: boolean;
  onUse: (value: AnswerValue) => void;
}) {
  if (entries.length === 0) return null;
  return (
    <div className="prepopulation">
      {entries.map((entry, index) => {
        const proposed = answerLabel(entry.value, question.options, question.unit);
        switch (entry.authority) {
          case 'chart':
            return (
              <div key={index} className="hint chart-source">
                <p>
                  <strong>From the chart: {proposed}.</strong> Recorded in:
                </p>
                <EvidenceList evidence={entry.evidence} />
                {value !== undefined && value !== entry.value ? (
                  <p className="discrepancy" data-testid="discrepancy">
                    Your answer “{answerLabel(value, question.options, question.unit)}” conflicts
                    with the chart. The chart record still counts and is reported as a discrepancy;
                    correct the record in the EHR if it is wrong.
                  </p>
                ) : null}
              </div>
            );
          case 'suggestion':
            return (
              <div key={index} className="hint suggestion">
                <p>
                  <strong>The chart suggests: {proposed}</strong> ({entry.note}). Your answer
                  decides.
                </p>
                <EvidenceList evidence={entry.evidence} />
                {entry.value !== undefined && value !== entry.value ? (
                  <button
                    type="button"
                    className="secondary small"
                    disabled={disabled}
                    onClick={() => {
                      if (entry.value !== undefined) onUse(entry.value);
                    }}
                  >
                    Use “{proposed}”<span className="visually-hidden"> for: {question.text}</span>
                  </button>
                ) : null}
              </div>
            );
          case 'prompt':
            return (
              <div key={index} className="hint prompt">
                <p>
                  <strong>Ask:</strong> {entry.note}.
                </p>
                <EvidenceList evidence={entry.evidence} />
              </div>
            );
        }
      })}
    </div>
  );
}
