/**
 * axe-core on every page Feedlens draws, in light and dark: the popup (over a feed and on a site
 * it does not read), the settings, the dashboard and the in-feed card. A page is one row of
 * PAGES. Any violation fails, listed with its rule, its elements and axe's explanation.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OVERLAY_TAG } from '../../lib/overlay/host';
import { launch, waitFor, type Harness } from './harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
  harness.serve('https://example.org/', '<!doctype html><html lang="en"><title>Example</title><p>hi</p></html>');
  // Posts in the store for the popup, the dashboard's tables and charts.
  const feed = await harness.open('https://x.com/home');
  await harness.storedPosts('x', (posts) => posts.length >= 6, 'the X posts stored');
  await feed.close();
});
afterAll(async () => harness?.close());

interface AuditedPage {
  page: Page;
  /** What axe looks at (a selector, or a path through shadow roots), else the whole document. */
  include?: string[][];
}

const visible = async (page: Page, selector: string) => {
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: 20_000 });
  return page;
};

async function popupOver(url: string, ready: string): Promise<AuditedPage> {
  const { tabId } = await harness.openTab(url);
  return { page: await visible(await harness.extensionPage(`popup.html?tabId=${tabId}`), ready) };
}

/** Each page to audit, and how to reach it ready to use. Adding a page is one line. */
const PAGES: [string, () => Promise<AuditedPage>][] = [
  ['the popup over a feed', () => popupOver('https://x.com/home', 'li.post')],
  ['the popup on another site', () => popupOver('https://example.org/', 'a[href$="dashboard.html"]')],
  ['the settings', async () => ({ page: await visible(await harness.extensionPage('options.html'), 'h2') })],
  ['the dashboard', async () => ({ page: await visible(await harness.extensionPage('dashboard.html'), 'tbody tr') })],
  ['the welcome page', async () => ({ page: await visible(await harness.extensionPage('welcome.html'), 'h2') })],
  ['the in-feed card', openCard],
];

async function openCard(): Promise<AuditedPage> {
  const page = await harness.open('https://x.com/home');
  const badge = page.locator(`${OVERLAY_TAG} button.badge`).first();
  await badge.click();
  await page.locator(`${OVERLAY_TAG} [role="dialog"]`).first().waitFor({ state: 'visible' });
  // Only what Feedlens adds: the page itself is the site's.
  return { page, include: [[OVERLAY_TAG]] };
}

interface Violation {
  id: string;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

async function violations({ page, include }: AuditedPage): Promise<Violation[]> {
  // Evaluated (not a <script> tag), so extension pages' content security policy does not apply.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Violation[] }> } })
      .axe;
    const result = await axe.run(context ? { include: context } : document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, include ?? null);
}

describe.each(PAGES)('accessibility of %s', (_name, open) => {
  it.each(['light', 'dark'] as const)('has no axe violations in %s mode', async (colorScheme) => {
    const audited = await open();
    await audited.page.emulateMedia({ colorScheme });
    // The page has restyled once a frame has been drawn in the new scheme.
    await waitFor(
      () => audited.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(true)))),
      'a frame',
    );
    const found = await violations(audited);
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
    await audited.page.close();
  });
});
