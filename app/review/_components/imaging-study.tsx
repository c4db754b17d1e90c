import type { ImagingSuggestion } from '@/lib/redflags/types';
import { studyView } from '@/lib/screening/assessment-view';

/** A suggested imaging study with its codes, priority and latest time (§7, §10.6). */
export function ImagingStudy({ study, primary }: { study: ImagingSuggestion; primary: boolean }) {
  const view = studyView(study);
  return (
    <div
      className="imaging-study"
      data-testid={primary ? 'imaging-suggestion' : 'secondary-imaging'}
      data-key={study.key}
      data-region={study.region}
    >
      <p>
        <strong>{view.title}</strong>
        {view.studyName ? <span className="muted"> — {view.studyName}</span> : null}
      </p>
      <p>
        Priority {view.priority}; at the latest by {view.latest}.
      </p>
      <dl className="codes">
        {view.codes.map((c) => (
          <div key={c.system}>
            <dt>{c.system}</dt>
            <dd className="detail">{c.codes}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
