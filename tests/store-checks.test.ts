import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pngSize, storeProblems } from './store-checks';

/** The first bytes of a PNG of this size: all pngSize reads. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(24);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

const icons = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A small extension that passes, with `change` applied to its manifest and files. */
function extension(
  change: (manifest: Record<string, unknown>, files: Map<string, string | Uint8Array>) => void = () => {},
) {
  dir = mkdtempSync(join(tmpdir(), 'feedlens-store-check-'));
  const manifest: Record<string, unknown> = {
    manifest_version: 3,
    name: 'Feedlens',
    description: 'See how posts are really doing.',
    icons,
    action: { default_icon: icons, default_popup: 'popup.html' },
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ['https://x.com/*'], js: ['content-scripts/x.js'] }],
  };
  const files = new Map<string, string | Uint8Array>([
    ['background.js', 'chrome.runtime.onInstalled.addListener(() => {});'],
    ['content-scripts/x.js', 'document.querySelectorAll("article");'],
    ['popup.html', '<!doctype html><script type="module" src="/chunks/popup.js"></script>'],
    ['chunks/popup.js', 'import("./chart.js");'],
    ...Object.entries(icons).map(([size, file]) => [file, pngHeader(Number(size), Number(size))] as const),
  ]);
  change(manifest, files);
  files.set('manifest.json', JSON.stringify(manifest));
  for (const [file, contents] of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), contents);
  }
  return dir;
}

describe('store checks', () => {
  it('pass a complete extension with local code only', () => {
    expect(storeProblems(extension())).toEqual([]);
  });

  it('read a PNG’s size and reject what is not a PNG', () => {
    expect(pngSize(pngHeader(48, 48))).toEqual({ width: 48, height: 48 });
    expect(pngSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
  });

  it('refuse a description over 132 characters in any language', () => {
    const built = extension((m) => ((m.name = '__MSG_extName__'), (m.description = '__MSG_extDescription__')));
    const write = (language: string, description: string) => {
      mkdirSync(join(built, '_locales', language), { recursive: true });
      writeFileSync(
        join(built, '_locales', language, 'messages.json'),
        JSON.stringify({ extName: { message: 'Feedlens' }, extDescription: { message: description } }),
      );
    };
    write('en', 'See how posts are really doing.');
    write('de', 'x'.repeat(133));
    expect(storeProblems(built)).toEqual(['description (de): missing or 133 characters (at most 132)']);
  });

  it('refuse a description over 132 characters', () => {
    const problems = storeProblems(extension((m) => (m.description = 'x'.repeat(133))));
    expect(problems).toEqual(['description: missing or 133 characters (at most 132)']);
  });

  it('refuse missing icons, icons of the wrong size and files the manifest names but the package lacks', () => {
    const problems = storeProblems(
      extension((m, files) => {
        files.set('icon/48.png', pngHeader(64, 64));
        files.delete('content-scripts/x.js');
        m.action = { default_popup: 'popup.html' };
      }),
    );
    expect(problems).toEqual([
      'icons.48: icon/48.png is 64×64',
      'action.default_icon: no icons',
      'content-scripts/x.js: named in the manifest, not in the package',
    ]);
  });

  it('refuse remote code, eval and network calls', () => {
    const problems = storeProblems(
      extension((_m, files) => {
        files.set('popup.html', '<script src="https://cdn.example.com/lib.js"></script>');
        files.set('chunks/popup.js', 'eval(code); fetch("/x"); import("https://cdn.example.com/m.js");');
      }),
    );
    expect(problems).toEqual([
      'chunks/popup.js: eval()',
      'chunks/popup.js: import() of a URL',
      'chunks/popup.js: fetch()',
      'popup.html: loads https://cdn.example.com/lib.js',
    ]);
  });
});
