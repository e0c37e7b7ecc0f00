/**
 * Builds the extension once before the browser tests, so they always test the current code.
 * Set FEEDLENS_SKIP_BUILD=1 to reuse .output/chrome-mv3 (e.g. right after `npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  if (process.env.FEEDLENS_SKIP_BUILD === '1') return;
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, [`${root}node_modules/wxt/bin/wxt.mjs`, 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NO_COLOR: '1' },
  });
  // Both browser projects use this setup: the second finds the build made here.
  process.env.FEEDLENS_SKIP_BUILD = '1';
}
