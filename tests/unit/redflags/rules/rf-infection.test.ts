import {
  aCondition,
  aProcedure,
  clinical,
  crp,
  daysBefore,
  esr,
  hoursBefore,
  temperature,
  wbc,
} from '../../../fixtures/chart';
import { outputOf, ruleTable } from '../../../fixtures/rule-table';

const fever = () => temperature(38.4, hoursBefore(10));
const diabetes = () => aCondition('E11.9', { clinicalStatus: clinical('active') });

describe('RF-INFECTION (spec §5.2)', () => {
  ruleTable('RF-INFECTION', [
    ['nothing', 40, [], {}, false],
    ['fever alone', 40, [fever()], {}, false],
    ['fever + IV drug use (IRF_WORKUP)', 40, [fever()], { 'hx-ivdu': 'current' }, true],
    [
      'reported fever + recent infection',
      40,
      [],
      { 'fever-reported': true, 'hx-recent-infection-30d': true },
      true,
    ],
    [
      'fever + recent spinal procedure from the chart',
      40,
      [fever(), aProcedure('62323', { performedDateTime: daysBefore(20) })],
      {},
      true,
    ],
    ['fever + dialysis', 40, [fever()], { 'hx-dialysis-catheter': true }, true],
    ['fever + immunosuppression', 40, [fever()], { 'hx-immunosuppression': true }, true],
    ['fever + diabetes only (O1: through the markers)', 40, [fever(), diabetes()], {}, false],
    ['fever + steroids only (O1)', 40, [fever()], { 'hx-chronic-steroids': true }, false],
    ['fever + ESR 20 (boundary, raised)', 40, [fever(), esr(20)], {}, true],
    ['fever + ESR 19', 40, [fever(), esr(19), crp(3)], {}, false],
    ['fever + CRP 10.1 mg/L', 40, [fever(), crp(10.1)], {}, true],
    ['fever + CRP 10 mg/L (not > 10)', 40, [fever(), crp(10), esr(5)], {}, false],
    ['fever + CRP 1.1 mg/dL (= 11 mg/L)', 40, [fever(), crp(1.1, undefined, 'mg/dL')], {}, true],
    [
      'fever + CRP 1.0 mg/dL (= 10 mg/L, not raised)',
      40,
      [fever(), crp(1.0, undefined, 'mg/dL'), esr(5)],
      {},
      false,
    ],
    ['fever + adult WBC 11.1', 40, [fever(), wbc(11.1)], {}, true],
    ['fever + adult WBC 11.0', 40, [fever(), wbc(11.0)], {}, false],
    ['diabetes + raised CRP without fever', 40, [diabetes(), crp(25)], {}, true],
    [
      'prior spine surgery (answer) + raised ESR',
      40,
      [esr(35)],
      { 'hx-spine-surgery': true, 'postop-new-symptoms': false },
      true,
    ],
    ['chronic liver disease + raised CRP', 40, [crp(30)], { 'hx-chronic-liver': true }, true],
    ['raised ESR without fever or risk factor', 40, [esr(60)], {}, false],
    [
      'risk factor + raised WBC only (WBC counts only with fever)',
      40,
      [wbc(20)],
      { 'hx-ivdu': 'current' },
      false,
    ],
    [
      'fever 37.9 (not measured fever) + IVDU',
      40,
      [temperature(37.9, hoursBefore(2))],
      { 'hx-ivdu': 'current' },
      false,
    ],
  ]);

  it('is URGENT, MRI with and without contrast; blood cultures when febrile; current labs subtracted', () => {
    const out = outputOf(40, [fever(), esr(40), crp(3)], { 'hx-ivdu': 'current' });
    expect(out.tier).toBe('URGENT');
    expect(out.imaging).toMatchObject({ key: 'MRI_WWO', region: 'LUMBAR', priority: 'urgent' });
    expect(out.imaging?.codes).toEqual({
      cpt: ['72158'],
      loinc: '24967-2',
      radlex: 'RPID500',
      snomed: '41333006',
    });
    expect(out.labs).toEqual([
      { analyte: 'CBC', loinc: '58410-2' },
      { analyte: 'BLOOD_CULTURE', loinc: '600-7' },
    ]);
  });

  it('without fever lists no blood cultures', () => {
    const out = outputOf(40, [diabetes(), crp(25)], {});
    expect(out.labs.map((l) => l.analyte)).toEqual(['ESR', 'CBC']);
  });

  it('cites the fever, the risk factor and the raised marker', () => {
    const t = temperature(38.4, hoursBefore(10));
    const e = esr(40);
    const out = outputOf(40, [t, e], { 'hx-ivdu': 'current' });
    const refs = out.evidence.filter((x) => x.rule === 'RF-INFECTION').map((x) => x.reference);
    expect(refs).toEqual([
      `Observation/${t.id}`,
      'QuestionnaireResponse#hx-ivdu',
      `Observation/${e.id}`,
    ]);
  });
});
