import { randomUUID } from 'node:crypto';
import type { Bundle, BundleLink, Resource } from '@medplum/fhirtypes';
import type { SearchPlan } from './search-params';

/**
 * Turns Medplum's bare search Bundle (no links, no fullUrl) into a proper searchset: `self`,
 * `first`, `next` and `previous` links as absolute URLs under the FHIR base (fhirclient follows
 * `next`), `fullUrl` and `search.mode` on each entry, and `total`.
 * @param bundle - Medplum's result page.
 * @param plan - The search it answers.
 * @param baseUrl - Absolute FHIR base without a trailing slash.
 * @param now - Timestamp for `meta.lastUpdated`.
 */
export function decorateSearchBundle(
  bundle: Bundle,
  plan: SearchPlan,
  baseUrl: string,
  now: Date = new Date(),
): Bundle {
  const total = bundle.total ?? 0;
  const pageUrl = (offset: number): string => {
    const query = new URLSearchParams(plan.linkQuery);
    query.set('_count', String(plan.count));
    if (offset > 0) query.set('_offset', String(offset));
    return `${baseUrl}/${plan.resourceType}?${query.toString()}`;
  };
  const link: BundleLink[] = [{ relation: 'self', url: pageUrl(plan.offset) }];
  if (plan.count > 0) {
    link.push({ relation: 'first', url: pageUrl(0) });
    if (plan.offset > 0) {
      link.push({ relation: 'previous', url: pageUrl(Math.max(0, plan.offset - plan.count)) });
    }
    if (plan.offset + plan.count < total) {
      link.push({ relation: 'next', url: pageUrl(plan.offset + plan.count) });
    }
  }
  const entry = (bundle.entry ?? [])
    .map((item) => item.resource)
    .filter((resource): resource is Resource => resource !== undefined)
    .map((resource) => ({
      fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id ?? ''}`,
      resource,
      search: { mode: 'match' as const },
    }));
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    meta: { lastUpdated: now.toISOString() },
    type: 'searchset',
    total,
    link,
    ...(entry.length > 0 ? { entry } : {}),
  };
}
