'use client';

import type { WriteOutcome } from '@/lib/fhir/write';
import type { WritePlan } from '@/lib/screening/write-plan';
import { ResourcePreview } from './resource-preview';
import { WriteStatusList } from './write-status-list';

/** The preview: the plan to confirm, or why there is none. */
export type PreviewState =
  | { readonly kind: 'plan'; readonly plan: WritePlan }
  | { readonly kind: 'refused'; readonly reason: string };

function previewNotice(plan: WritePlan): string {
  const { output } = plan;
  const proposals = plan.items.length - 1;
  if (output.status === 'incomplete') {
    return proposals > 0
      ? 'The evaluation is incomplete, but its provisional tier is EMERGENT: the answers so far are saved (in progress) with the draft imaging proposal.'
      : 'The evaluation is incomplete: only the answers so far are saved (in progress). No order is proposed until the evaluation is complete.';
  }
  return proposals > 0
    ? 'The answers are saved with one draft imaging proposal per suggested study, for you to review and sign in the EHR.'
    : 'No imaging is suggested: only the answers are saved.';
}

/**
 * Saving to the EHR: open the preview of exactly what will be written, confirm, and see each
 * resource's outcome. A failed write keeps everything for a retry; the confirm button is disabled
 * while writing.
 */
export function WriteBackPanel({
  preview,
  outcomes,
  writing,
  error,
  saved,
  canSave,
  onOpen,
  onClose,
  onConfirm,
  onRestart,
  onPrint,
}: {
  preview: PreviewState | undefined;
  outcomes: readonly WriteOutcome[] | undefined;
  writing: boolean;
  error: Error | undefined;
  saved: boolean;
  canSave: boolean;
  onOpen: () => void;
  onClose: () => void;
  onConfirm: () => void;
  onRestart: () => void;
  onPrint: () => void;
}) {
  const attempted = outcomes !== undefined || writing || error !== undefined;
  const failures = outcomes?.filter((o) => o.state === 'failed').length ?? 0;
  const failed = attempted && !writing && (error !== undefined || failures > 0);
  const plan = preview?.kind === 'plan' ? preview.plan : undefined;
  const total = plan?.items.length ?? 0;
  const announcement = writing
    ? 'Writing to the EHR…'
    : saved
      ? `Saved: ${total === 1 ? 'the resource is' : `all ${total} resources are`} in the EHR. The draft answers were cleared.`
      : failed
        ? `${error ? total : failures} of ${total} ${total === 1 ? 'resource' : 'resources'} could not be written. Your answers are kept: retry when the problem is solved.`
        : '';
  return (
    <section className="panel write-back" aria-labelledby="save-heading">
      <h2 id="save-heading">Save to the EHR</h2>
      <p className="muted">
        Saves the answers as a QuestionnaireResponse and, when imaging is suggested, a draft
        proposal per study. You review exactly what will be written before anything is sent.
      </p>
      <div className="actions">
        <button
          type="button"
          data-testid="save-screening"
          disabled={!canSave || preview !== undefined || attempted || saved}
          onClick={onOpen}
        >
          Review and save…
        </button>
        <button type="button" className="secondary" onClick={onPrint}>
          Print summary
        </button>
      </div>
      {preview?.kind === 'refused' ? (
        <div className="error-panel" role="alert">
          <p>Nothing can be saved: {preview.reason}</p>
          <button type="button" className="secondary" onClick={onClose}>
            Back to the questions
          </button>
        </div>
      ) : null}
      {plan && !saved ? (
        <>
          <ResourcePreview items={plan.items} notice={previewNotice(plan)} />
          {!attempted || failed || writing ? (
            <div className="actions">
              <button
                type="button"
                data-testid="confirm-write"
                disabled={writing}
                aria-disabled={writing}
                onClick={onConfirm}
              >
                {writing
                  ? 'Writing…'
                  : failed
                    ? 'Retry the writes that failed'
                    : 'Confirm and write to the EHR'}
              </button>
              {!attempted ? (
                <button type="button" className="secondary" onClick={onClose}>
                  Back to the questions
                </button>
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}
      {plan && attempted ? (
        <WriteStatusList items={plan.items} outcomes={outcomes} writing={writing} error={error} />
      ) : null}
      <p role="status" className={announcement ? 'announcement' : 'visually-hidden'}>
        {announcement}
      </p>
      {saved ? (
        <div className="actions">
          <button type="button" className="secondary" onClick={onRestart}>
            Start a new screening for this patient
          </button>
        </div>
      ) : null}
    </section>
  );
}
