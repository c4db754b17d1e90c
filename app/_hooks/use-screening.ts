'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Questionnaire } from 'fhir/r4';
import type { Draft, DraftKey, DraftStore } from '@/lib/drafts';
import { sanitizeAnswers, type AnswerValue, type Answers } from '@/lib/screening/answers';
import {
  initialAnswers,
  toChartAtT0,
  toScreening,
  type ScreeningContext,
} from '@/lib/screening/screening';
import { toWritePlan, type WritePlan } from '@/lib/screening/write-plan';
import { useDraftStore } from '@/app/_providers/draft-store';
import { useSmartSession } from '@/app/_providers/smart-session';
import type { LoadedChart } from './use-chart';
import { localNow } from './local-now';
import { newScreeningId } from './screening-id';

/** A draft that takes longer than this to open is given up (the screening starts empty). */
const RESTORE_TIMEOUT_MS = 5000;

/** The answers of the current screening and how they got there. */
interface ScreeningState {
  readonly screeningId: string;
  readonly answers: Answers;
  /** Answers restored from a draft saved at this time (epoch ms). */
  readonly restoredAt: number | undefined;
  /** Changed since restored or started: to be kept as a draft. */
  readonly changed: boolean;
  /** Written to the EHR: the draft is cleared and no longer kept. */
  readonly saved: boolean;
}

async function restore(
  open: () => Promise<DraftStore>,
  key: DraftKey,
): Promise<{ store: DraftStore | undefined; draft: Draft | undefined }> {
  try {
    const store = await open();
    // A launch for another patient or user: every other draft goes.
    await store.clearOthers(key);
    return { store, draft: await store.load(key) };
  } catch (error) {
    console.error('Draft answers could not be restored', error instanceof Error ? error.name : '');
    return { store: undefined, draft: undefined };
  }
}

function withTimeout<T>(promise: Promise<T>, fallback: T, ms: number): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

/**
 * One screening: the answers (pre-populated from the chart, restored from a draft, kept as a
 * draft on every change), the QuestionnaireResponse they make, and the engine's evaluation of
 * exactly that response, recomputed synchronously on every change (so the assessment shown always
 * matches the answers). T0 is the chart read's until the clinician opens the preview, which takes
 * a fresh T0.
 * @param loaded - the chart and its T0
 * @param questionnaire - the Questionnaire to render and answer
 */
export function useScreening(loaded: LoadedChart, questionnaire: Questionnaire) {
  const session = useSmartSession();
  const openStore = useDraftStore();
  const { serverUrl, patientId, encounterId, userRef } = session;
  const key = useMemo<DraftKey>(
    () => ({ serverUrl, patientId, userRef }),
    [serverUrl, patientId, userRef],
  );
  const context = useMemo<ScreeningContext>(
    () => ({ patientId, encounterId, userRef }),
    [patientId, encounterId, userRef],
  );
  const [t0, setT0] = useState(loaded.t0);
  const [store, setStore] = useState<DraftStore | undefined>(undefined);
  const [state, setState] = useState<ScreeningState | undefined>(undefined);
  const chartAtT0 = useMemo(() => toChartAtT0(loaded.chart, t0), [loaded.chart, t0]);
  const prepopulation = chartAtT0?.prepopulation;

  // Restore the draft once per launch (patient, user), before the questionnaire is shown.
  useEffect(() => {
    let active = true;
    void withTimeout(
      restore(openStore, key),
      { store: undefined, draft: undefined },
      RESTORE_TIMEOUT_MS,
    ).then(({ store: opened, draft }) => {
      if (!active) return;
      setStore(opened);
      setState({
        screeningId: draft?.screeningId ?? newScreeningId(),
        answers: initialAnswers(
          prepopulation ?? [],
          sanitizeAnswers(draft?.answers, questionnaire),
        ),
        restoredAt: draft?.savedAt,
        changed: false,
        saved: false,
      });
    });
    return () => {
      active = false;
    };
    // Restored once per launch key: later T0 refreshes must not restore again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openStore, key]);

  // Keep every change as a draft (saves are applied in order by the store).
  useEffect(() => {
    if (store === undefined || state === undefined || !state.changed || state.saved) return;
    store
      .save(key, { screeningId: state.screeningId, answers: state.answers, savedAt: Date.now() })
      .catch((error: unknown) =>
        console.error('Draft answers could not be kept', error instanceof Error ? error.name : ''),
      );
  }, [store, key, state]);

  const update = useCallback((change: (answers: Answers) => Answers) => {
    setState((previous) =>
      previous === undefined || previous.saved
        ? previous
        : { ...previous, answers: change(previous.answers), changed: true },
    );
  }, []);

  const setAnswer = useCallback(
    (linkId: string, value: AnswerValue) => update((answers) => ({ ...answers, [linkId]: value })),
    [update],
  );
  const setAnswers = useCallback(
    (values: Readonly<Record<string, AnswerValue>>) =>
      update((answers) => ({ ...answers, ...values })),
    [update],
  );
  const clearAnswer = useCallback(
    (linkId: string) =>
      update((answers) => {
        const next = { ...answers };
        delete next[linkId];
        return next;
      }),
    [update],
  );

  const screening = useMemo(
    () =>
      state === undefined || chartAtT0 === undefined
        ? undefined
        : toScreening({
            chart: loaded.chart,
            chartAtT0,
            questionnaire,
            answers: state.answers,
            t0,
            screeningId: state.screeningId,
            context,
          }),
    [state, chartAtT0, loaded.chart, questionnaire, t0, context],
  );

  /**
   * Takes a fresh T0 and returns exactly what a save would write (the preview), keeping the
   * answers and the screening id as a draft so a reload in the preview writes the same resources.
   */
  const prepareWrite = useCallback(():
    | { readonly ok: true; readonly plan: WritePlan }
    | { readonly ok: false; readonly reason: string } => {
    if (state === undefined) return { ok: false, reason: 'The screening is not ready yet.' };
    const now = localNow();
    const atNow = toChartAtT0(loaded.chart, now);
    if (atNow === undefined) return { ok: false, reason: `The time ${now} could not be read.` };
    setT0(now);
    const current = toScreening({
      chart: loaded.chart,
      chartAtT0: atNow,
      questionnaire,
      answers: state.answers,
      t0: now,
      screeningId: state.screeningId,
      context,
    });
    if (store !== undefined && !state.saved) {
      store
        .save(key, { screeningId: state.screeningId, answers: state.answers, savedAt: Date.now() })
        .catch((error: unknown) =>
          console.error(
            'Draft answers could not be kept',
            error instanceof Error ? error.name : '',
          ),
        );
    }
    return toWritePlan({
      chart: loaded.chart,
      chartAtT0: atNow,
      screening: current,
      answers: state.answers,
      screeningId: state.screeningId,
      context,
      t0: now,
    });
  }, [state, loaded.chart, questionnaire, context, store, key]);

  /** After every resource was written: the draft is cleared and the answers are kept on screen. */
  const markSaved = useCallback(() => {
    setState((previous) => (previous === undefined ? previous : { ...previous, saved: true }));
    store
      ?.clear(key)
      .catch((error: unknown) =>
        console.error('The draft could not be cleared', error instanceof Error ? error.name : ''),
      );
  }, [store, key]);

  /** A new screening for the same patient: a new id, the chart's pre-population only. */
  const restart = useCallback(() => {
    setT0(localNow());
    setState({
      screeningId: newScreeningId(),
      answers: initialAnswers(prepopulation ?? []),
      restoredAt: undefined,
      changed: false,
      saved: false,
    });
  }, [prepopulation]);

  return {
    /** False until the draft (if any) has been restored. */
    ready: state !== undefined && chartAtT0 !== undefined,
    t0,
    chartAtT0,
    screeningId: state?.screeningId,
    answers: state?.answers ?? {},
    restoredAt: state?.restoredAt,
    saved: state?.saved ?? false,
    /** False when drafts live in memory only (they will not survive a reload). */
    persistent: store?.persistent ?? false,
    screening,
    setAnswer,
    setAnswers,
    clearAnswer,
    prepareWrite,
    markSaved,
    restart,
  };
}
