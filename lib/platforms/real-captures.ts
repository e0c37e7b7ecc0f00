/**
 * Test helper: the real pages other projects captured from the sites, in ../shared/fixtures/real.
 * They are third-party material, read in place and never copied into this repository. CI has them;
 * a checkout without ../shared skips the conformance tests and says so.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REAL_CAPTURES_DIR = resolve(__dirname, '../../../shared/fixtures/real');

export const realCapturesAvailable = existsSync(REAL_CAPTURES_DIR);

// CI (.ci/run) sets this: there a missing ../shared is an error, never a silent skip.
if (!realCapturesAvailable && process.env.FEEDLENS_REQUIRE_SHARED === '1') {
  throw new Error(`FEEDLENS_REQUIRE_SHARED=1 but no real captures at ${REAL_CAPTURES_DIR}`);
}

export const SKIP_NOTE = `skipped: real captures not found at ${REAL_CAPTURES_DIR} (../shared is not beside this checkout)`;

/** The capture files for a platform (file names only). */
export function realCaptureFiles(platform: string): string[] {
  const dir = join(REAL_CAPTURES_DIR, platform);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .sort()
    : [];
}

/** A capture parsed as a document. Its frames are made inert, so parsing it loads nothing. */
export function loadRealCapture(platform: string, file: string): Document {
  const html = readFileSync(join(REAL_CAPTURES_DIR, platform, file), 'utf8').replace(
    /<(\/?)iframe\b/gi,
    '<$1inert-frame',
  );
  return new DOMParser().parseFromString(html, 'text/html');
}
