import { BACK_PAIN_QUESTIONNAIRE } from '@/lib/profiles/questionnaire';
import { ITEMS } from '@/lib/redflags/items';
import { isInterimEmergent, noneOfTheseFor } from '@/lib/screening/groups';
import { toQuestionnaireView, type GroupView } from '@/lib/screening/questionnaire-view';

const ALL_ADULT = new Set(ITEMS.filter((i) => i.requirement !== 'P').map((i) => i.linkId));
const groups = toQuestionnaireView(BACK_PAIN_QUESTIONNAIRE, ALL_ADULT, { min: 40, max: 40 });
const group = (linkId: string): GroupView => {
  const found = groups.find((g) => g.linkId === linkId);
  if (!found) throw new Error(linkId);
  return found;
};
const NONE = new Set<string>();

describe('noneOfTheseFor', () => {
  it('fills every shown unanswered or negative item with its negative, never an integer, never a positive', () => {
    const state = noneOfTheseFor(group('grp-exam'), { 'point-tenderness': false }, NONE);
    expect(state).toEqual({
      available: true,
      label: 'None of these',
      disabled: false,
      fills: {
        'point-tenderness': false,
        'radicular-pain': false,
        'radicular-severe-worsening': false,
        'slr-positive': false,
      },
    });
  });

  it('is disabled while an item of the group is positive', () => {
    const state = noneOfTheseFor(group('grp-emergency-neuro'), { 'cord-signs': true }, NONE);
    expect(state.available && state.disabled).toBe(true);
  });

  it('answers hx-ivdu with never, leaves past alone, and counts current as positive', () => {
    const history = group('grp-history');
    const fills = (answers: Record<string, string | boolean>) => {
      const state = noneOfTheseFor(history, answers, NONE);
      return state.available ? state : undefined;
    };
    expect(fills({})?.fills['hx-ivdu']).toBe('never');
    expect(fills({ 'hx-ivdu': 'past' })?.fills).not.toHaveProperty('hx-ivdu');
    expect(fills({ 'hx-ivdu': 'past' })?.disabled).toBe(false);
    expect(fills({ 'hx-ivdu': 'current' })?.disabled).toBe(true);
  });

  it('never changes chart-positive items, which do not disable it; it is then "No other risk factors"', () => {
    const state = noneOfTheseFor(
      group('grp-history'),
      { 'hx-cancer': true, 'hx-diabetes': false },
      new Set(['hx-cancer', 'hx-diabetes']),
    );
    if (!state.available) throw new Error('expected a button');
    expect(state.label).toBe('No other risk factors');
    expect(state.disabled).toBe(false);
    expect(state.fills).not.toHaveProperty('hx-cancer');
    expect(state.fills).not.toHaveProperty('hx-diabetes');
    expect(state.fills['hx-osteoporosis']).toBe(false);
  });

  it('has no button for the episode context', () => {
    expect(noneOfTheseFor(group('grp-context'), {}, NONE)).toEqual({ available: false });
  });
});

describe('isInterimEmergent', () => {
  it.each([
    [{}, false],
    [{ 'saddle-anesthesia': true }, true],
    [{ 'saddle-anesthesia': false, 'night-pain': true }, false],
    [{ trauma: 'major' }, true],
    [{ trauma: 'minor-fall' }, false],
  ] as const)('%o → %s', (answers, expected) => {
    expect(isInterimEmergent(groups, answers)).toBe(expected);
  });
});
