/**
 * LinkedIn's 2026 feed card, the variant with hashed classes and neither semantic classes nor
 * `data-view-name` (a logged-in /feed/ page saved in June 2026 is all this variant): what the card
 * offers in place of hooks.
 *
 * - Id: the card names no activity in its markup (no `data-urn`, no /feed/update/ link, its slot key
 *   a hash). Its comment box's `componentkey` does: `<token>-replaceableCommentTools…`, the token a
 *   protobuf holding the activity id or the ugcPost id (linkedin-ids.ts). Until that box is rendered,
 *   or where a card has none, the card is keyed by a fingerprint of its author and the start of its
 *   text (lib/platforms/fingerprint.ts), linked to the author's profile, and merged with its real key
 *   when that appears. Two posts by one author starting with the same 80 characters would share it.
 * - Author: the last profile link before the post's text (the header's "X likes this" or "X reposted
 *   this" names someone else first; mentions inside the text come after it).
 * - Counts: each sits in a control (the reactions link, the comments button) in its group of the
 *   action bar, as a visible number beside a visually hidden label ("16 reactions", "1 comment") that
 *   the number's element names with `aria-labelledby`. Which count it is, is its group's place in
 *   the bar, not its words (which are in the page's language): reactions in the first group (beside
 *   Like), comments in the second (Comment), reposts in the third (Repost); Send has none.
 */
import { attr, hasDigit, textOf } from './dom';
import { handleFromHref } from './linkedin-ids';

/** The count in the n-th group of the action bar: the element that names its hidden label. */
export const barCount = (n: number) => `:nth-child(${n}) > :is(a, [role="button"]) > [aria-labelledby]`;
/** The count and its hidden label, for hiding both. */
export const barCountAndLabel = (n: number) =>
  `:nth-child(${n}) > :is(a, [role="button"]) > :is([aria-labelledby], [id]:has(+ [aria-labelledby]))`;

export const BAR_GROUPS = { likes: 1, replies: 2, reposts: 3 } as const;

const PROFILE_LINK = 'a[href*="/in/"], a[href*="/company/"], a[href*="/school/"], a[href*="/showcase/"]';
const COMMENT_TOOLS = '[componentkey*="-replaceableCommentTools"]';

/** The card's comment box key, if rendered. */
export function toolsKeyOf(card: Element): string | null {
  return attr(card.querySelector(COMMENT_TOOLS), 'componentkey');
}

/** The text of the label an element names with `aria-labelledby` (looked up inside the card). */
export function labelOf(card: Element, el: Element): string | null {
  const ids = attr(el, 'aria-labelledby')?.split(/\s+/) ?? [];
  const labels = ids.map((id) => el.ownerDocument.getElementById(id)).filter((l) => l && card.contains(l));
  const text = labels.map(textOf).join(' ').trim();
  return hasDigit(text) ? text : null;
}

/**
 * The author: the last profile link before the card's text (or, without text, before its action
 * bar), mentions inside the text left out.
 */
export function actorOf(card: Element, text: Element | null, base: URL): string | undefined {
  const end = text ?? card.querySelector(barCount(1));
  let author: string | undefined;
  for (const link of card.querySelectorAll(PROFILE_LINK)) {
    if (end && (end.contains(link) || !(link.compareDocumentPosition(end) & 4 /* FOLLOWING */))) break;
    author = handleFromHref(attr(link, 'href'), base) ?? author;
  }
  return author;
}

/** The author's profile address, the link a fingerprint-keyed card gets. */
export function profileUrl(handle: string): string {
  return handle.includes('/')
    ? `https://www.linkedin.com/${handle}/`
    : `https://www.linkedin.com/in/${encodeURIComponent(handle)}/`;
}
