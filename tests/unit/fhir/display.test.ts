import { ageLabel, patientName, sexLabel } from '@/lib/fhir/display';

describe('patientName', () => {
  it('prefers the official name and joins its parts', () => {
    expect(
      patientName({
        resourceType: 'Patient',
        name: [
          { use: 'nickname', given: ['Jo'] },
          { use: 'official', prefix: ['Ms.'], given: ['Joanna', 'K'], family: 'Diaz' },
        ],
      }),
    ).toBe('Ms. Joanna K Diaz');
  });

  it('uses the text of a name when given', () => {
    expect(patientName({ resourceType: 'Patient', name: [{ text: 'Ana Lima' }] })).toBe('Ana Lima');
  });

  it('is undefined when no usable name is recorded', () => {
    expect(patientName({ resourceType: 'Patient', name: [{ given: [' '] }] })).toBeUndefined();
    expect(patientName({ resourceType: 'Patient' })).toBeUndefined();
  });
});

describe('sexLabel / ageLabel', () => {
  it('says "Not recorded" for a missing gender', () => {
    expect(sexLabel({ resourceType: 'Patient' })).toBe('Not recorded');
    expect(sexLabel({ resourceType: 'Patient', gender: 'female' })).toBe('Female');
  });

  it('writes one age, a range, or unknown', () => {
    expect(ageLabel({ min: 1, max: 1 })).toBe('1 year');
    expect(ageLabel({ min: 34, max: 34 })).toBe('34 years');
    expect(ageLabel({ min: 5, max: 6 })).toBe('5–6 years');
    expect(ageLabel({ min: 0, max: undefined })).toBe('Unknown (no usable birth date)');
  });
});
