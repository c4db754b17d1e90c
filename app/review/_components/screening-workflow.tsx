'use client';

import { useMemo, useState } from 'react';
import type { Patient, Questionnaire } from 'fhir/r4';
import type { ItemPrepopulation } from '@/lib/redflags/prepopulate';
import { toChartView } from '@/lib/screening/chart-view';
import { firedRuleViews } from '@/lib/screening/assessment-view';
import { isInterimEmergent } from '@/lib/screening/groups';
import { questionTexts, toQuestionnaireView } from '@/lib/screening/questionnaire-view';
import type { LoadedChart } from '@/app/_hooks/use-chart';
import { useScreening } from '@/app/_hooks/use-screening';
import { useWriteBack } from '@/app/_hooks/use-write-back';
import { useSmartSession } from '@/app/_providers/smart-session';
import { AssessmentPanel } from './assessment-panel';
import { ChartPanel } from './chart-panel';
import { ChartUnavailable } from './chart-unavailable';
import { EmergentBanner } from './emergent-banner';
import { PrintSummary } from './print-summary';
import { QuestionnaireForm } from './questionnaire-form';
import { WriteBackPanel, type PreviewState } from './write-back-panel';

/**
 * The screening after the chart has loaded: what the chart says, the questionnaire, the live
 * assessment, and the save. Renders and wires only: the engine decides, the builders build.
 */
export function ScreeningWorkflow({
  loaded,
  patient,
  questionnaire,
}: {
  loaded: LoadedChart;
  patient: Patient;
  questionnaire: Questionnaire;
}) {
  const session = useSmartSession();
  const s = useScreening(loaded, questionnaire);
  const writeBack = useWriteBack(s.screeningId);
  const [preview, setPreview] = useState<PreviewState | undefined>(undefined);
  const { screening, chartAtT0, answers } = s;
  const ageRange = chartAtT0?.snapshot.ageRange;
  const evaluation = screening?.result.ok ? screening.result.evaluation : undefined;

  const groups = useMemo(
    () =>
      screening && ageRange ? toQuestionnaireView(questionnaire, screening.shown, ageRange) : [],
    [questionnaire, screening, ageRange],
  );
  const texts = useMemo(
    () => (ageRange ? questionTexts(questionnaire, ageRange) : new Map<string, string>()),
    [questionnaire, ageRange],
  );
  const prepopulation = useMemo(() => {
    const byLinkId = new Map<string, ItemPrepopulation[]>();
    for (const entry of chartAtT0?.prepopulation ?? []) {
      byLinkId.set(entry.linkId, [...(byLinkId.get(entry.linkId) ?? []), entry]);
    }
    return byLinkId;
  }, [chartAtT0]);
  const chartView = useMemo(
    () => (chartAtT0 ? toChartView(loaded.chart, chartAtT0, evaluation) : undefined),
    [loaded.chart, chartAtT0, evaluation],
  );

  if (!s.ready || screening === undefined || chartAtT0 === undefined || chartView === undefined) {
    return (
      <p aria-live="polite" data-testid="screening-loading">
        Preparing the questionnaire…
      </p>
    );
  }

  const attempted =
    writeBack.outcomes !== undefined || writeBack.writing || writeBack.error !== undefined;
  const locked = s.saved || attempted || preview !== undefined;
  const lockReason = s.saved
    ? 'Saved to the EHR. Start a new screening to change an answer.'
    : attempted
      ? 'These answers were sent to the EHR. Retry the writes that failed, or start over after they succeed.'
      : preview !== undefined
        ? 'The save preview is open: go back to the questions to change an answer.'
        : undefined;
  const emergentActions = evaluation
    ? firedRuleViews(evaluation).flatMap((rule) =>
        rule.tier === 'EMERGENT' && rule.action ? [rule.action] : [],
      )
    : [];
  const emergent = isInterimEmergent(groups, answers) || evaluation?.output.tier === 'EMERGENT';
  const plan = preview?.kind === 'plan' ? preview.plan : undefined;

  const confirm = async () => {
    if (plan === undefined) return;
    const outcomes = await writeBack.write(plan.items);
    if (outcomes && outcomes.length > 0 && outcomes.every((o) => o.state === 'created')) {
      s.markSaved();
    }
  };

  return (
    <>
      <ChartUnavailable unavailable={chartView.unavailable} />
      {emergent ? <EmergentBanner actions={emergentActions} /> : null}
      {!s.persistent ? (
        <p className="warn-panel screen-only" data-testid="drafts-not-persistent">
          This browser does not allow the app to keep draft answers: they will be lost if the page
          reloads before you save.
        </p>
      ) : null}
      {s.restoredAt !== undefined ? (
        <p className="muted screen-only" data-testid="draft-restored">
          Your unsaved answers for this patient were restored.
        </p>
      ) : null}
      <div className="workflow screen-only">
        <div className="workflow-main">
          <ChartPanel view={chartView} texts={texts} />
          <QuestionnaireForm
            groups={groups}
            answers={answers}
            prepopulation={prepopulation}
            chartPositive={chartAtT0.chartPositive}
            disabled={locked}
            disabledReason={lockReason}
            onAnswer={s.setAnswer}
            onAnswers={s.setAnswers}
            onClear={s.clearAnswer}
          />
        </div>
        <div className="workflow-side">
          <AssessmentPanel
            result={screening.result}
            t0={s.t0}
            texts={texts}
            unavailable={chartView.unavailable.map((u) => u.kind)}
          />
          <WriteBackPanel
            preview={preview}
            outcomes={writeBack.outcomes}
            writing={writeBack.writing}
            error={writeBack.error}
            saved={s.saved}
            canSave={screening.result.ok}
            onOpen={() => {
              const prepared = s.prepareWrite();
              setPreview(
                prepared.ok
                  ? { kind: 'plan', plan: prepared.plan }
                  : { kind: 'refused', reason: prepared.reason },
              );
            }}
            onClose={() => setPreview(undefined)}
            onConfirm={() => void confirm()}
            onRestart={() => {
              setPreview(undefined);
              writeBack.reset();
              s.restart();
            }}
            onPrint={() => window.print()}
          />
        </div>
      </div>
      <PrintSummary
        patient={patient}
        clinician={session.userName ?? session.userRef ?? 'not identified'}
        t0={s.t0}
        groups={groups}
        answers={answers}
        result={screening.result}
        plan={plan}
        outcomes={writeBack.outcomes}
      />
    </>
  );
}
