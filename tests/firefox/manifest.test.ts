/**
 * The Firefox build as addons.mozilla.org checks it: MV3 with its add-on id, a minimum version
 * that has every API used, no data collection declared, Mastodon servers still requestable, and
 * Mozilla's own linter (web-ext lint) with no error and only the warnings the README explains.
 */
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { storeProblems } from '../store-checks';
import { FIREFOX_EXTENSION_DIR } from './harness';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const manifest = () => JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));

interface LintMessage {
  code: string;
  file?: string;
  line?: number;
  column?: number;
}

describe('the Firefox package', () => {
  it('is MV3 with its gecko id, Firefox 140 or later and no data collection', () => {
    expect(manifest()).toMatchObject({
      manifest_version: 3,
      browser_specific_settings: {
        gecko: {
          id: 'feedlens@feedlens.app',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
      // Firefox runs MV3 backgrounds as event pages, not service workers.
      background: { scripts: ['background.js'] },
    });
  });

  it('keeps optional_host_permissions, so a Mastodon server can be added in Firefox too', () => {
    expect(manifest().optional_host_permissions).toEqual(['https://*/*']);
  });

  it('passes the stores’ static checks', () => {
    expect(storeProblems(FIREFOX_EXTENSION_DIR)).toEqual([]);
  });

  it('passes web-ext lint: no error, and the only warnings are Preact’s unused innerHTML branch', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        join(ROOT, 'node_modules/web-ext/bin/web-ext.js'),
        'lint',
        '--source-dir',
        FIREFOX_EXTENSION_DIR,
        '--output',
        'json',
        '--no-config-discovery',
      ],
      { env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, maxBuffer: 16 * 1024 * 1024 },
    );
    const report = JSON.parse(stdout) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
    expect(report.errors).toEqual([]);
    expect(report.notices).toEqual([]);
    // Each warning is the innerHTML assignment in Preact's renderer, reached only through
    // `dangerouslySetInnerHTML`, which Feedlens never uses (checked below).
    const unexplained = report.warnings.filter((warning) => {
      if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT' || !warning.file) return true;
      const line = readFileSync(join(FIREFOX_EXTENSION_DIR, warning.file), 'utf8').split('\n')[warning.line! - 1] ?? '';
      const before = line.slice(Math.max(0, warning.column! - 300), warning.column! + 40);
      return !(
        before.includes('dangerouslySetInnerHTML') &&
        before.includes('innerHTML=') &&
        before.includes('__html')
      );
    });
    expect(unexplained).toEqual([]);
  });

  it('comes from sources that never set HTML from a string', () => {
    const sources = ['lib', 'components', 'entrypoints'].flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
        .map((file) => join(ROOT, dir, file)),
    );
    expect(sources.length).toBeGreaterThan(20);
    const offenders = sources.filter((file) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
