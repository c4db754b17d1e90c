'use client';

import { useEffect, useRef } from 'react';
import type { WriteItem } from '@/lib/fhir/write';
import { describeWriteItem } from '@/lib/screening/write-plan';

/**
 * The preview of a save: each resource exactly as it will be written (formatted JSON), with a
 * summary in words. Focus moves to its heading when it opens.
 */
export function ResourcePreview({
  items,
  notice,
}: {
  items: readonly WriteItem[];
  notice: string | undefined;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div className="preview" role="region" aria-labelledby="preview-heading">
      <h3 id="preview-heading" ref={heading} tabIndex={-1}>
        What will be written to the EHR ({items.length}{' '}
        {items.length === 1 ? 'resource' : 'resources'})
      </h3>
      {notice ? <p>{notice}</p> : null}
      <ol className="preview-items">
        {items.map((item) => {
          const summary = describeWriteItem(item);
          return (
            <li
              key={item.key}
              data-testid="preview-resource"
              data-resource-type={summary.resourceType}
            >
              <p>
                <strong>{summary.title}</strong>
              </p>
              <ul>
                {summary.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <details>
                <summary>Show the resource as it will be sent (FHIR JSON)</summary>
                <pre className="json" tabIndex={0}>
                  {JSON.stringify(item.resource, null, 2)}
                </pre>
              </details>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
