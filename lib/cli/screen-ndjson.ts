/**
 * `screen --ndjson <folder>` (clinical-spec §13): screens every patient of a FHIR Bulk Data export
 * without answers (chart-only, `incomplete`), one output object per line in the order of
 * `Patient.ndjson`, each with an added `patient` field.
 *
 * Memory stays bounded by what one patient needs, not by the export: a first pass streams every
 * `*.ndjson` file, reports malformed lines (`<file>:<line>: <reason>`) and keeps only the byte
 * offset and length of each usable line, grouped by patient; a second pass reads each patient's
 * lines back by offset, evaluates, and writes the result before reading the next patient.
 */
import { closeSync, createReadStream, openSync, readSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { evaluateScreen } from '@/lib/redflags/evaluate';
import { isRecord } from '@/lib/redflags/json';
import type { Terminology } from '@/lib/redflags/terminology';
import type { ChartInputs } from '@/lib/redflags/types';
import type { Condition, MedicationRequest, Observation, Patient, Procedure } from 'fhir/r4';

/** Where one usable line is: file index, byte offset, byte length. */
type LineRef = readonly [file: number, offset: number, length: number];

const KINDS = new Set(['Observation', 'Condition', 'Procedure', 'MedicationRequest']);

/** The patient id a subject reference points at (`Patient/<id>` or `…/Patient/<id>`). */
function subjectPatientId(resource: Record<string, unknown>): string | undefined {
  const subject = resource.subject;
  if (!isRecord(subject) || typeof subject.reference !== 'string') return undefined;
  const ref = subject.reference.replace(/\/_history\/[^/]*$/, '');
  const match = /(?:^|\/)Patient\/([^/]+)$/.exec(ref);
  return match?.[1];
}

/**
 * Streams a file line by line with byte offsets (a line may span chunks; `\r\n` is accepted).
 * @param file - the path
 * @param onLine - called with the line text, its 1-based number, byte offset and byte length
 */
async function streamLines(
  file: string,
  onLine: (text: string, lineNumber: number, offset: number, length: number) => void,
): Promise<void> {
  let carry: Buffer = Buffer.alloc(0);
  let carryOffset = 0;
  let lineNumber = 0;
  const emit = (line: Buffer, offset: number) => {
    lineNumber += 1;
    let end = line.length;
    if (end > 0 && line[end - 1] === 13) end -= 1;
    let start = 0;
    if (offset === 0 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) start = 3;
    onLine(line.toString('utf8', start, end), lineNumber, offset + start, end - start);
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    if (!Buffer.isBuffer(chunk)) continue;
    let buffer = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let bufferOffset = carryOffset;
    let newline = buffer.indexOf(10);
    while (newline >= 0) {
      emit(buffer.subarray(0, newline), bufferOffset);
      bufferOffset += newline + 1;
      buffer = buffer.subarray(newline + 1);
      newline = buffer.indexOf(10);
    }
    carry = Buffer.from(buffer);
    carryOffset = bufferOffset;
  }
  if (carry.length > 0) emit(carry, carryOffset);
}

function readLine(fd: number, offset: number, length: number): unknown {
  const buffer = Buffer.alloc(length);
  readSync(fd, buffer, 0, length, offset);
  return JSON.parse(buffer.toString('utf8'));
}

function writeLine(out: NodeJS.WritableStream, line: string): Promise<void> {
  return new Promise((resolve) => {
    if (out.write(`${line}\n`)) resolve();
    else out.once('drain', () => resolve());
  });
}

/**
 * Screens a Bulk Data export folder.
 * @param folder - the folder holding `Patient.ndjson` and the other resource files
 * @param now - T0
 * @param terminology - code sets
 * @param stdout - one output object per patient per line
 * @param stderr - malformed lines and the closing summary
 * @returns the exit code: 0 when the folder could be read, 2 without `Patient.ndjson`
 */
export async function screenNdjson(
  folder: string,
  now: string,
  terminology: Terminology,
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream,
): Promise<number> {
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith('.ndjson'));
  } catch {
    stderr.write(`screen: cannot read the folder ${folder}\n`);
    return 2;
  }
  if (!names.includes('Patient.ndjson')) {
    stderr.write(`screen: the folder ${folder} has no Patient.ndjson\n`);
    return 2;
  }
  const files = ['Patient.ndjson', ...names.filter((n) => n !== 'Patient.ndjson').sort()];
  let skipped = 0;
  const skip = (name: string, line: number, reason: string) => {
    skipped += 1;
    stderr.write(`${name}:${line}: ${reason}\n`);
  };
  const patients: { readonly id: string; readonly line: LineRef }[] = [];
  const byPatient = new Map<string, LineRef[]>();

  for (const [index, name] of files.entries()) {
    const isPatientFile = index === 0;
    await streamLines(path.join(folder, name), (text, lineNumber, offset, length) => {
      if (text.trim() === '') return;
      let resource: unknown;
      try {
        resource = JSON.parse(text);
      } catch {
        skip(name, lineNumber, 'not JSON');
        return;
      }
      if (!isRecord(resource) || typeof resource.resourceType !== 'string') {
        skip(name, lineNumber, 'not a FHIR resource (no resourceType)');
        return;
      }
      if (isPatientFile) {
        if (resource.resourceType !== 'Patient') {
          skip(name, lineNumber, `a ${resource.resourceType} in Patient.ndjson`);
        } else if (typeof resource.id !== 'string' || resource.id === '') {
          skip(name, lineNumber, 'Patient without id');
        } else if (byPatient.has(resource.id)) {
          skip(name, lineNumber, `duplicate Patient id ${resource.id}`);
        } else {
          patients.push({ id: resource.id, line: [index, offset, length] });
          byPatient.set(resource.id, []);
        }
        return;
      }
      if (!KINDS.has(resource.resourceType)) return; // other resource types are not read
      const id = subjectPatientId(resource);
      const list = id === undefined ? undefined : byPatient.get(id);
      list?.push([index, offset, length]); // another subject (or none) is ignored, as in a Bundle
    });
  }

  const fds = files.map((name) => openSync(path.join(folder, name), 'r'));
  try {
    for (const patient of patients) {
      const [pf, po, pl] = patient.line;
      const resource = readLine(fds[pf] ?? -1, po, pl);
      if (!isRecord(resource) || resource.resourceType !== 'Patient') continue;
      const observations: Observation[] = [];
      const conditions: Condition[] = [];
      const procedures: Procedure[] = [];
      const medicationRequests: MedicationRequest[] = [];
      for (const [f, o, l] of byPatient.get(patient.id) ?? []) {
        const r = readLine(fds[f] ?? -1, o, l);
        if (!isRecord(r)) continue;
        if (isType<Observation>(r, 'Observation')) observations.push(r);
        else if (isType<Condition>(r, 'Condition')) conditions.push(r);
        else if (isType<Procedure>(r, 'Procedure')) procedures.push(r);
        else if (isType<MedicationRequest>(r, 'MedicationRequest')) medicationRequests.push(r);
      }
      const chart: ChartInputs = {
        patient: patientOf(resource),
        observations,
        conditions,
        procedures,
        medicationRequests,
        failures: new Map(),
      };
      const result = evaluateScreen(chart, undefined, now, terminology);
      if (!result.ok) continue; // T0 was checked before: cannot happen
      await writeLine(
        stdout,
        JSON.stringify({ ...result.evaluation.output, patient: `Patient/${patient.id}` }),
      );
    }
  } finally {
    for (const fd of fds) closeSync(fd);
  }
  stderr.write(`screened ${patients.length} patients, skipped ${skipped} lines\n`);
  return 0;
}

function isType<R extends { resourceType: string }>(
  value: Record<string, unknown>,
  resourceType: R['resourceType'],
): value is Record<string, unknown> & R {
  return value.resourceType === resourceType;
}

function patientOf(value: Record<string, unknown>): Patient {
  return isType<Patient>(value, 'Patient') ? value : { resourceType: 'Patient' };
}
