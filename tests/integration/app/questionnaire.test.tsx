/** @jest-environment jest-fixed-jsdom */
import type { Questionnaire } from 'fhir/r4';
import { BACK_PAIN_QUESTIONNAIRE } from '@/lib/profiles/questionnaire';
import { ITEMS } from '@/lib/redflags/items';
import { server, setUpMswServer } from '../../msw/server';
import {
  aCondition,
  aPatient,
  chartHandlers,
  hoursAgo,
  integerInput,
  noneOfThese,
  option,
  options,
  pressed,
  renderReview,
  screen,
  waitForScreening,
  within,
} from './harness';

jest.setTimeout(30_000);
setUpMswServer();

const PEDIATRIC = [
  'limp',
  'irritability',
  'decreased-rom',
  'constant-pain',
  'abnormal-neuro-exam',
  'morning-stiffness',
];
const ADULT = ['motor-grade-min', 'ibp-features', 'hx-ankylosing'];

/** Every element carrying data-linkid, as `linkId=answer` (integer inputs: `linkId=input`). */
function controls(): string[] {
  return [...document.querySelectorAll('[data-linkid]')].map(
    (el) =>
      `${el.getAttribute('data-linkid') ?? ''}=${el.getAttribute('data-answer') ?? el.tagName.toLowerCase()}`,
  );
}

/** The questionnaire section. */
function questionnaireRegion(): HTMLElement {
  return screen.getByRole('region', { name: 'Questions the chart cannot answer' });
}

describe('the questionnaire', () => {
  it('renders each enabled item of an adult once, with visible Yes/No, option and integer controls', async () => {
    server.use(...chartHandlers({ patient: aPatient(45) }));
    renderReview();
    await waitForScreening();
    const all = controls();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(
      expect.arrayContaining([
        'urinary-retention=true',
        'urinary-retention=false',
        'trauma=none',
        'trauma=lifting-twisting',
        'trauma=minor-fall',
        'trauma=major',
        'hx-ivdu=current',
        'hx-ivdu=past',
        'hx-ivdu=never',
        'duration-days=input',
        'motor-grade-min=input',
        'sexual-dysfunction-new=true',
      ]),
    );
    for (const linkId of PEDIATRIC) expect(options(linkId)).toHaveLength(0);
    expect(screen.queryByRole('heading', { name: 'Paediatric features' })).not.toBeInTheDocument();
    expect(option('saddle-anesthesia', 'true')).toBeVisible();
    expect(option('saddle-anesthesia', 'true').tagName).toBe('BUTTON');
    // Conditional items appear only when their condition holds.
    expect(options('radicular-severe-worsening')).toHaveLength(0);
  });

  it('shows the paediatric items and not the adult ones for a child, with the child wording', async () => {
    server.use(...chartHandlers({ patient: aPatient(3) }));
    renderReview();
    await waitForScreening();
    for (const linkId of PEDIATRIC) expect(options(linkId, 'true')).toHaveLength(1);
    for (const linkId of [...ADULT, 'sexual-dysfunction-new'])
      expect(options(linkId)).toHaveLength(0);
    const form = questionnaireRegion();
    expect(
      within(form).getByText(/Unexplained weight loss, night sweats, pallor/),
    ).toBeInTheDocument();
    expect(
      within(form).getByText('New retention of urine or much less voiding than usual'),
    ).toBeInTheDocument();
  });

  it('shows both age groups when the age cannot be determined, and lists the age first as missing', async () => {
    server.use(...chartHandlers({ patient: aPatient(null) }));
    renderReview();
    await waitForScreening();
    for (const linkId of [...PEDIATRIC, ...ADULT])
      expect(options(linkId).length).toBeGreaterThan(0);
    const missing = screen.getByTestId('missing-items');
    const first = within(missing).getAllByRole('listitem')[0];
    expect(first).toHaveAttribute('data-missing', 'age-years');
  });

  it('renders an item added to the Questionnaire resource and writes its answer', async () => {
    const questionnaire: Questionnaire = structuredClone(BACK_PAIN_QUESTIONNAIRE);
    const context = questionnaire.item?.find((i) => i.linkId === 'grp-context');
    context?.item?.push({
      linkId: 'extra-item',
      text: 'A question added to the resource',
      type: 'boolean',
    });
    server.use(...chartHandlers({ patient: aPatient(45) }));
    const { user } = renderReview({ questionnaire });
    await waitForScreening();
    expect(
      within(questionnaireRegion()).getByText('A question added to the resource'),
    ).toBeVisible();
    await user.click(option('extra-item', 'true'));
    expect(pressed('extra-item')).toBe('true');
    await user.click(screen.getByTestId('save-screening'));
    const preview = screen.getByRole('region', { name: /What will be written/ });
    expect(preview.textContent).toContain('"linkId": "extra-item"');
  });

  it('marks required items from the engine and optional ones as optional', async () => {
    server.use(...chartHandlers({ patient: aPatient(45) }));
    renderReview();
    await waitForScreening();
    expect(screen.getByLabelText(/Days since this episode of back pain began.*\(required\)/)).toBe(
      integerInput('duration-days'),
    );
    expect(screen.getByLabelText(/Pain now \(0–10\).*\(optional\)/)).toBe(integerInput('pain-nrs'));
    const required = ITEMS.filter((i) => i.requirement === 'R').length;
    expect(screen.getAllByText('(required)').length).toBeGreaterThanOrEqual(required);
  });

  it('keeps an option when clicked again, sets it from the keyboard, and clears only through Clear', async () => {
    server.use(...chartHandlers({ patient: aPatient(45) }));
    const { user } = renderReview();
    await waitForScreening();
    await user.click(option('night-pain', 'true'));
    await user.click(option('night-pain', 'true'));
    expect(pressed('night-pain')).toBe('true');
    option('night-pain', 'false').focus();
    await user.keyboard(' ');
    expect(pressed('night-pain')).toBe('false');
    await user.tab();
    await user.keyboard('{Enter}');
    expect(pressed('night-pain')).toBeUndefined();
    // Tab moves through the options in order.
    option('fever-reported', 'true').focus();
    await user.tab();
    expect(option('fever-reported', 'false')).toHaveFocus();
  });

  it('counts an integer on every input, and leaves text that is not a whole number in range unanswered', async () => {
    server.use(...chartHandlers({ patient: aPatient(45) }));
    const { user } = renderReview();
    await waitForScreening();
    const slr = integerInput('duration-days');
    await user.type(slr, '35');
    expect(slr).toHaveValue('35');
    // Enabled by duration > 28 at once.
    expect(options('conservative-tried', 'true')).toHaveLength(1);
    const grade = integerInput('motor-grade-min');
    await user.type(grade, '7');
    expect(grade).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a whole number from 0 to 5.');
    expect(
      within(screen.getByTestId('missing-items')).getByText(/Weakest lower-limb MRC grade/),
    ).toBeInTheDocument();
  });

  it('starts chart-authoritative items answered with their source, and shows a "No" against the chart as a discrepancy', async () => {
    server.use(
      ...chartHandlers({
        patient: aPatient(62),
        conditions: [aCondition('C50.911', { id: 'breast-cancer' })],
      }),
    );
    const { user } = renderReview();
    await waitForScreening();
    expect(pressed('hx-cancer')).toBe('true');
    expect(screen.getByText(/From the chart: Yes/)).toBeInTheDocument();
    expect(screen.queryByTestId('discrepancy')).not.toBeInTheDocument();
    await user.click(option('hx-cancer', 'false'));
    expect(screen.getByTestId('discrepancy')).toHaveTextContent('conflicts with the chart');
    expect(document.querySelector('[data-advisory-id="ADV-DISCREPANCY"]')).not.toBeNull();
    // The chart fact still counts.
    expect(document.querySelector('[data-rule-id="RF-CANCER-HX"]')).not.toBeNull();
  });

  it('shows chart suggestions as hints, never answers, and lets the clinician take one', async () => {
    server.use(
      ...chartHandlers({
        patient: aPatient(35),
        conditions: [aCondition('M54.50', { onsetDateTime: hoursAgo(24 * 5 + 2) })],
      }),
    );
    const { user } = renderReview();
    await waitForScreening();
    expect(integerInput('duration-days')).toHaveValue('');
    expect(screen.getByText(/The chart suggests: 5 days/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Use “5 days” for: Days since/ }));
    expect(integerInput('duration-days')).toHaveValue('5');
  });

  it('shows "EMERGENT — act now" at once while an emergency answer is positive or the trauma is major', async () => {
    server.use(...chartHandlers({ patient: aPatient(45) }));
    const { user } = renderReview();
    await waitForScreening();
    expect(screen.queryByTestId('emergent-banner')).not.toBeInTheDocument();
    await user.click(option('saddle-anesthesia', 'true'));
    expect(screen.getByTestId('emergent-banner')).toHaveTextContent('EMERGENT — act now');
    expect(screen.getByTestId('emergent-banner')).toHaveTextContent('MRI within 4 h');
    await user.click(option('saddle-anesthesia', 'false'));
    expect(screen.queryByTestId('emergent-banner')).not.toBeInTheDocument();
    await user.click(option('trauma', 'major'));
    expect(screen.getByTestId('emergent-banner')).toBeInTheDocument();
  });
});

describe('"None of these"', () => {
  it('answers every shown unanswered or negative item of its group with its negative, integers excepted', async () => {
    server.use(...chartHandlers({ patient: aPatient(45) }));
    const { user } = renderReview();
    await waitForScreening();
    await user.click(noneOfThese('grp-emergency-neuro'));
    for (const linkId of [
      'urinary-retention',
      'incontinence-new',
      'saddle-anesthesia',
      'bilateral-leg-deficit',
      'sexual-dysfunction-new',
      'neuro-progressive',
      'motor-multilevel',
      'cord-signs',
    ]) {
      expect(pressed(linkId)).toBe('false');
    }
    await user.click(noneOfThese('grp-exam'));
    expect(pressed('slr-positive')).toBe('false');
    expect(integerInput('motor-grade-min')).toHaveValue('');
    await user.click(noneOfThese('grp-history'));
    expect(pressed('hx-ivdu')).toBe('never');
    expect(
      document.querySelector('[data-testid="none-of-these"][data-group="grp-context"]'),
    ).toBeNull();
  });

  it('is disabled while an item of its group is positive, and each item can still be set', async () => {
    server.use(...chartHandlers({ patient: aPatient(45) }));
    const { user } = renderReview();
    await waitForScreening();
    await user.click(option('night-pain', 'true'));
    expect(noneOfThese('grp-redflag-symptoms')).toBeDisabled();
    expect(screen.getByText(/An answer in this group is positive/)).toBeInTheDocument();
    await user.click(option('fever-reported', 'false'));
    expect(pressed('fever-reported')).toBe('false');
    await user.click(option('night-pain', 'false'));
    expect(noneOfThese('grp-redflag-symptoms')).toBeEnabled();
  });

  it('never changes a chart-positive history item, and is then labelled "No other risk factors"', async () => {
    server.use(...chartHandlers({ patient: aPatient(62), conditions: [aCondition('E11.9')] }));
    const { user } = renderReview();
    await waitForScreening();
    const button = noneOfThese('grp-history');
    expect(button).toHaveTextContent('No other risk factors');
    expect(button).toBeEnabled();
    await user.click(button);
    expect(pressed('hx-diabetes')).toBe('true');
    expect(pressed('hx-cancer')).toBe('false');
    // The clinician's "No" against the chart stays theirs; the button leaves it alone.
    await user.click(option('hx-diabetes', 'false'));
    await user.click(noneOfThese('grp-history'));
    expect(pressed('hx-diabetes')).toBe('false');
  });
});
