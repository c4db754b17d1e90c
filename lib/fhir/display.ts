/**
 * Display helpers for FHIR data (pure).
 */
import type { HumanName, Patient } from 'fhir/r4';

function nameText(name: HumanName): string | undefined {
  if (name.text?.trim()) return name.text.trim();
  const parts = [
    ...(name.prefix ?? []),
    ...(name.given ?? []),
    name.family ?? '',
    ...(name.suffix ?? []),
  ]
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/**
 * The patient's name for the banner: the `official` name if there is one, else the first usable.
 * @param patient - the Patient resource
 * @returns the name, or undefined when none is recorded
 */
export function patientName(patient: Patient): string | undefined {
  const names = patient.name ?? [];
  const official = names.find((n) => n.use === 'official' && nameText(n));
  const chosen = official ?? names.find((n) => nameText(n) !== undefined);
  return chosen ? nameText(chosen) : undefined;
}

const SEX_LABELS: Readonly<Record<NonNullable<Patient['gender']>, string>> = {
  male: 'Male',
  female: 'Female',
  other: 'Other',
  unknown: 'Unknown',
};

/** `Patient.gender` in words ("Not recorded" when absent). */
export function sexLabel(patient: Patient): string {
  return patient.gender ? SEX_LABELS[patient.gender] : 'Not recorded';
}

/** An age range in words: "34 years", "2–3 years", or "Unknown (no usable birth date)". */
export function ageLabel(range: {
  readonly min: number;
  readonly max: number | undefined;
}): string {
  if (range.max === undefined) return 'Unknown (no usable birth date)';
  const unit = (n: number) => (n === 1 ? 'year' : 'years');
  if (range.min === range.max) return `${range.min} ${unit(range.min)}`;
  return `${range.min}–${range.max} years`;
}
