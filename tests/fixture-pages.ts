/**
 * The project's hand-written fixtures, as pages to serve at the sites' real addresses (for the
 * browser tests and `npm run demo`). Each fixture names its address in
 * `<meta name="feedlens:url">`; `<meta name="feedlens:demo">` marks the page the demo opens.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = fileURLToPath(new URL('../lib/platforms/fixtures', import.meta.url));

export interface FixturePage {
  file: string;
  platform: string;
  url: string;
  /** The demo's title for this page, when the demo shows it. */
  demo?: string;
  html: string;
}

const meta = (html: string, name: string) =>
  new RegExp(`<meta name="feedlens:${name}" content="([^"]*)"`).exec(html)?.[1];

export function fixturePages(): FixturePage[] {
  return readdirSync(FIXTURES_DIR)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const html = readFileSync(join(FIXTURES_DIR, file), 'utf8');
      const url = meta(html, 'url');
      if (!url) throw new Error(`${file} has no <meta name="feedlens:url">: where would it be served?`);
      const demo = meta(html, 'demo');
      return { file, platform: file.split('-')[0]!, url, html, ...(demo ? { demo } : {}) };
    });
}

export function fixturePage(file: string): FixturePage {
  const page = fixturePages().find((p) => p.file === file);
  if (!page) throw new Error(`no fixture ${file}`);
  return page;
}
