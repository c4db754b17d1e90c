import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The sandbox launch URL (QA contract) for an EHR launch of `patient` into this app. */
export function sandboxLaunchUrl(
  baseURL: string,
  patient: string,
  extra: Record<string, string> = {},
): string {
  const url = new URL('/sandbox/launch', baseURL);
  url.searchParams.set('patient', patient);
  url.searchParams.set('launch_uri', new URL('/launch', baseURL).href);
  for (const [key, value] of Object.entries(extra)) url.searchParams.set(key, value);
  return url.href;
}

/** Fails on any serious or critical axe-core violation on the page as it is now. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

/** Nothing the app stores in localStorage may hold a token. */
export async function expectNoTokensInLocalStorage(page: Page): Promise<void> {
  const entries = await page.evaluate(() => Object.entries(window.localStorage));
  for (const [, value] of entries) expect(value).not.toMatch(/access_token|refresh_token|eyJ/);
}
