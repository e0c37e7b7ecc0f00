/**
 * Keys for posts a page shows without their id (Facebook before the pointer reaches a post's time
 * link, LinkedIn's 2026 feed before its comment box is rendered): `fp:<author>:<hash>`, the hash taken
 * over what identifies the post on the page, which each adapter documents (a media id where there is
 * one, else the start of the text). Such a key is stable while the post is unchanged, and the adapter
 * names it in `aliases` whenever it reads the post with its id, so the store merges the two records
 * (lib/storage/merge.ts).
 */
import { textSnippet } from '../model';

export const FALLBACK_PREFIX = 'fp:';

/** How much of a post's text goes into its fingerprint: enough to tell posts apart, little enough to
 * stay the same when a "See more" expands the rest. */
export const FINGERPRINT_TEXT_LENGTH = 80;

/**
 * A 53-bit hash as 14 hex digits (cyrb53, public domain): short, stable across browsers, and wide
 * enough that an author's own posts never meet by chance. Not a secret.
 */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The start of a post's text as a fingerprint uses it: whitespace folded, at most 80 characters. */
export function textStart(text: string | null | undefined): string | undefined {
  const snippet = textSnippet(text);
  return snippet ? Array.from(snippet).slice(0, FINGERPRINT_TEXT_LENGTH).join('') : undefined;
}

/** `fp:<author>:<hash of evidence>`; null without an author or evidence (too little to tell posts apart). */
export function fallbackKey(author: string | undefined, evidence: string | undefined): string | null {
  return author && evidence ? `${FALLBACK_PREFIX}${author}:${hash53(evidence)}` : null;
}
