/**
 * LinkedIn post identity: activity URNs, the time they carry, and the SDUI slot keys they hide in.
 * Pure string work, split out of linkedin.ts so each rule has its own tests.
 */
import { pathOf } from './dom';

/** Activity ids have been 19 digits since 2015; older ones had at least 16. */
const ACTIVITY_URN = /urn:li:activity:(\d{16,20})(?!\d)/;
/** `/posts/<author>_<slug>-activity-<id>-<hash>`, the address LinkedIn shares posts under. */
const POSTS_PATH = /-activity-(\d{16,20})-/;
/** Content URNs (`urn:li:share:<id>`, `urn:li:ugcPost:<id>`) carry a time the same way. */
const CONTENT_URN = /^urn:li:(?:share|ugcPost|activity):(\d{16,20})$/;
/** `expanded<token>FeedType_MAIN_FEED_RELEVANCE`: the token is base64 (either alphabet). */
const SLOT_KEY = /^(?:expanded)?([A-Za-z0-9+/_-]{8,64}={0,2})FeedType_/;

/** The numeric id of an activity URN found anywhere in `value` (attribute, link). */
export function activityIdIn(value: string | null | undefined): string | null {
  if (!value) return null;
  return ACTIVITY_URN.exec(value)?.[1] ?? POSTS_PATH.exec(value)?.[1] ?? null;
}

/** The canonical address of a post key: an activity id, or `ugcPost:<id>` (LinkedIn opens both). */
export function activityUrl(id: string): string {
  const [kind, rest] = id.startsWith('ugcPost:') ? ['ugcPost', id.slice(8)] : ['activity', id];
  return `https://www.linkedin.com/feed/update/urn:li:${kind}:${rest}/`;
}

/**
 * Post time (epoch ms) from an activity, share or ugcPost id: its first 41 of 63 bits are a Unix
 * time in ms (codingmatheus/linkedin-timestamp-extractor). Undefined for anything else.
 */
export function idTime(idOrUrn: string | null | undefined): number | undefined {
  if (!idOrUrn) return undefined;
  const id = /^\d+$/.test(idOrUrn) ? idOrUrn : (CONTENT_URN.exec(idOrUrn)?.[1] ?? /^ugcPost:(\d+)$/.exec(idOrUrn)?.[1]);
  if (!id || id.length < 16) return undefined;
  return Number(BigInt(id) >> 22n);
}

/**
 * The entity in a base64 protobuf token of LinkedIn's SDUI: one length-delimited field whose field 1
 * is the id as a zigzag varint (sint64). Field 1 holds an activity id, field 2 a ugcPost id:
 * `CgsIgsDKgKL2turOAQ` ↔ urn:li:activity:7451889312482283521, a pair published with a 2026 capture,
 * and field 2 in the comment box keys of 2026 feed cards (two public scrapers decode them so).
 * Anything shaped differently gives null rather than a guess.
 */
export function urnInToken(token: string): { kind: 'activity' | 'ugcPost'; id: string } | null {
  let bytes: string;
  try {
    const b64 = token.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
    bytes = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  } catch {
    return null;
  }
  const kind = TOKEN_FIELDS[bytes.charCodeAt(0)];
  // <field 1 or 2, bytes> <len> 0x08 <varint>: a message holding field 1 (varint).
  if (!kind || bytes.charCodeAt(2) !== 0x08) return null;
  const end = 2 + bytes.charCodeAt(1);
  let value = 0n;
  let shift = 0n;
  for (let i = 3; i < Math.min(end, bytes.length) && shift < 70n; i++) {
    const byte = bytes.charCodeAt(i);
    value |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
    if (byte < 0x80) {
      const id = (value >> 1n) ^ -(value & 1n);
      const digits = id.toString();
      return id > 0n && digits.length >= 16 && digits.length <= 20 ? { kind, id: digits } : null;
    }
  }
  return null;
}
const TOKEN_FIELDS: Record<number, 'activity' | 'ugcPost'> = { 0x0a: 'activity', 0x12: 'ugcPost' };

/** The activity id inside an SDUI feed slot's `componentkey` (`expanded<token>FeedType_…`). */
export function activityIdFromSlotKey(key: string | null | undefined): string | null {
  const token = key ? SLOT_KEY.exec(key)?.[1] : undefined;
  const urn = token ? urnInToken(token) : null;
  return urn?.kind === 'activity' ? urn.id : null;
}

/** `<token>-replaceableCommentTools<hash>FeedType_…`: the comment box of a 2026 feed card. */
const TOOLS_KEY = /^([A-Za-z0-9+/_-]{8,64}={0,2})-replaceableCommentTools/;

/** The post a 2026 card's comment box names: its activity, or its ugcPost (keyed `ugcPost:<id>`). */
export function postIdFromToolsKey(key: string | null | undefined): string | null {
  const token = key ? TOOLS_KEY.exec(key)?.[1] : undefined;
  const urn = token ? urnInToken(token) : null;
  if (!urn) return null;
  return urn.kind === 'activity' ? urn.id : `ugcPost:${urn.id}`;
}

/** Author handle from a profile link: `/in/<slug>` → slug, `/company/<slug>` → "company/<slug>". */
const PROFILE_PATH = /^\/(in|company|school|showcase)\/([^/?#]+)/;

export function handleFromHref(href: string | null | undefined, base: URL): string | undefined {
  const path = pathOf(href, base);
  if (!path) return undefined;
  const match = PROFILE_PATH.exec(path);
  if (!match) return undefined;
  let slug = match[2]!;
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // Keep the encoded form.
  }
  return match[1] === 'in' ? slug : `${match[1]}/${slug}`;
}
