'use client';

import type { ReactNode } from 'react';
import { useSmartSession } from '@/app/_providers/smart-session';

/** Whether a reference names a resource on the EHR (`Type/id`), rather than an answer or nothing. */
function isResourceReference(reference: string | null | undefined): reference is string {
  return typeof reference === 'string' && /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/.test(reference);
}

/**
 * A link to a resource on the EHR (`<serverUrl>/<Type>/<id>`), opened in a new tab without a
 * referrer. Anything that is not a resource reference is shown as text.
 */
export function ResourceLink({
  reference,
  children,
}: {
  reference: string | null | undefined;
  children?: ReactNode;
}) {
  const { serverUrl } = useSmartSession();
  const label = children ?? reference ?? 'no resource';
  if (!isResourceReference(reference)) return <span>{label}</span>;
  return (
    <a href={`${serverUrl.replace(/\/$/, '')}/${reference}`} target="_blank" rel="noreferrer">
      {label}
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
