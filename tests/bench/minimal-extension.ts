/**
 * The minimal storing reader (minimal-reader-entry.ts) as a tiny unpacked extension: its content
 * script on the bench's three sites, and a service worker that keeps what it is sent (in memory:
 * the floor is the page's side of reading and sending).
 */
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BACKGROUND = `
const kept = new Map();
globalThis.minimalReadings = () => kept.size;
chrome.runtime.onMessage.addListener((message) => {
  if (message && message.type === 'minimal-readings') for (const [link, label] of message.batch) kept.set(link, label);
});
`;

/** Builds the extension into a fresh temporary directory and returns it. */
export async function buildMinimalExtension(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'feedlens-minimal-'));
  await build({
    entryPoints: [fileURLToPath(new URL('./minimal-reader-entry.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'chrome120',
    outfile: join(dir, 'content.js'),
  });
  writeFileSync(join(dir, 'background.js'), BACKGROUND);
  const matches = ['https://x.com/*', 'https://www.youtube.com/*', 'https://www.reddit.com/*'];
  const manifest = {
    manifest_version: 3,
    name: 'Minimal storing reader (bench)',
    version: '1.0',
    background: { service_worker: 'background.js' },
    host_permissions: matches,
    content_scripts: [{ matches, js: ['content.js'], run_at: 'document_start' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}
