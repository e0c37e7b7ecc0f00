/**
 * The stores' images as the demo makes them (tests/store-assets.ts): every file a JPEG of exactly
 * the size the stores ask for, showing the real extension.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROMO_TILE, SCREENSHOT, writeStoreAssets } from '../store-assets';
import { launch, type Harness } from './harness';

let harness: Harness;
const outDir = mkdtempSync(join(tmpdir(), 'feedlens-store-'));
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => {
  await harness?.close();
  rmSync(outDir, { recursive: true, force: true });
});

/** A JPEG's width and height, from its start-of-frame segment. */
function jpegSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.readUInt16BE(0), `${file} is a JPEG`).toBe(0xffd8);
  for (let at = 2; at < bytes.length;) {
    const marker = bytes.readUInt16BE(at);
    if (marker >= 0xffc0 && marker <= 0xffc3)
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  throw new Error(`${file}: no frame header`);
}

describe('store images', () => {
  it('are made from the running extension at the stores’ sizes', async () => {
    const feed = await harness.openTab('https://x.com/home');
    await harness.storedPosts('x', (posts) => posts.length >= 6, 'the X posts stored');
    const files = await writeStoreAssets(harness, feed, outDir);
    expect(files.map((f) => basename(f))).toEqual([
      'screenshot-1-popup.jpg',
      'screenshot-2-dashboard.jpg',
      'screenshot-3-settings.jpg',
      'promo-small-440x280.jpg',
    ]);
    for (const file of files.slice(0, 3)) expect(jpegSize(file), file).toEqual(SCREENSHOT);
    expect(jpegSize(files[3]!)).toEqual(PROMO_TILE);
    // Real content, not a blank frame: a flat image compresses to a few kilobytes.
    for (const file of files) expect(readFileSync(file).length, file).toBeGreaterThan(15_000);
  });
});
