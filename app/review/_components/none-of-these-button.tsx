'use client';

import type { AnswerValue } from '@/lib/screening/answers';
import type { NoneOfThese } from '@/lib/screening/groups';

/**
 * A group's "None of these" button (§9.5): answers every shown unanswered or negative item of the
 * group with its negative; disabled (with the reason) while an item of the group is positive.
 */
export function NoneOfTheseButton({
  groupId,
  groupText,
  state,
  disabled,
  onFill,
}: {
  groupId: string;
  groupText: string;
  state: Extract<NoneOfThese, { available: true }>;
  disabled: boolean;
  onFill: (values: Readonly<Record<string, AnswerValue>>) => void;
}) {
  const reasonId = `none-${groupId}-reason`;
  return (
    <div className="none-of-these">
      <button
        type="button"
        className="secondary"
        data-testid="none-of-these"
        data-group={groupId}
        disabled={disabled || state.disabled}
        aria-describedby={state.disabled ? reasonId : undefined}
        onClick={() => onFill(state.fills)}
      >
        {state.label}
        <span className="visually-hidden"> ({groupText})</span>
      </button>
      {state.disabled ? (
        <span id={reasonId} className="muted small">
          An answer in this group is positive: set the others one by one.
        </span>
      ) : null}
    </div>
  );
}
