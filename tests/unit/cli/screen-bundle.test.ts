import { toChartFromBundle } from '@/lib/cli/screen-bundle';

const patient = (id: string) => ({
  fullUrl: `urn:uuid:${id}`,
  resource: { resourceType: 'Patient', id },
});

describe('toChartFromBundle (spec §13 --bundle)', () => {
  it('keeps the four resource types and the Patient fullUrl; ignores the rest', () => {
    const read = toChartFromBundle({
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        patient('p'),
        { resource: { resourceType: 'Observation', id: 'o' } },
        { resource: { resourceType: 'Condition', id: 'c' } },
        { resource: { resourceType: 'Procedure', id: 'pr' } },
        { resource: { resourceType: 'MedicationRequest', id: 'm' } },
        { resource: { resourceType: 'Encounter', id: 'e' } },
        { fullUrl: 'no-resource' },
        'junk',
      ],
    });
    if (!read.ok) throw new Error(read.reason);
    expect(read.chart.patientFullUrl).toBe('urn:uuid:p');
    expect([
      read.chart.observations.length,
      read.chart.conditions.length,
      read.chart.procedures.length,
      read.chart.medicationRequests.length,
    ]).toEqual([1, 1, 1, 1]);
  });

  it.each([
    [{ resourceType: 'Patient' }, /not a FHIR Bundle/],
    [[], /not a FHIR Bundle/],
    [{ resourceType: 'Bundle' }, /no Patient/],
    [{ resourceType: 'Bundle', entry: [patient('a'), patient('b')] }, /2 Patients/],
  ])('refuses %j', (bundle, reason) => {
    const read = toChartFromBundle(bundle);
    expect(read.ok ? '' : read.reason).toMatch(reason);
  });
});
