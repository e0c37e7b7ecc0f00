/**
 * The Chrome build as the Chrome Web Store checks an upload: listing fields within limits, the
 * icons at their sizes, every file the manifest names, no remote code and no network call.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeProblems } from '../store-checks';
import { EXTENSION_DIR } from './harness';

describe('the Chrome package', () => {
  it('passes the Web Store’s static checks', () => {
    expect(storeProblems(EXTENSION_DIR)).toEqual([]);
  });

  it('carries no Firefox-only manifest keys (Chrome lists unknown keys as errors on its extensions page)', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.browser_specific_settings).toBeUndefined();
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
  });
});
