/**
 * Before the Firefox tests: finds Firefox (installing Debian's firefox-esr where none is found,
 * once, before the test files start their own) and builds the Firefox extension, so the tests
 * always test the current code. FEEDLENS_SKIP_BUILD=1 reuses .output/firefox-mv3.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { browserPath } from '../find-browser';

export default function setup(): void {
  browserPath('firefox');
  if (process.env.FEEDLENS_SKIP_BUILD === '1') return;
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, [`${root}node_modules/wxt/bin/wxt.mjs`, 'build', '-b', 'firefox', '--mv3'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NO_COLOR: '1' },
  });
}
