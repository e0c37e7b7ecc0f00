/**
 * The page → store channel: what a content script sends the background about the page it reads
 * (readings to store, and whether reading works there), and how the background validates it.
 *
 * Content scripts run beside pages we do not control, so the background treats everything they
 * send as untrusted input: a reading is accepted only if every field has the right type and
 * range, its permalink belongs to its platform, and it came from a tab on that platform.
 *
 * A `readings` message is answered once its readings are committed to the store (or refused for
 * good): the content script keeps them until then and sends again what was not answered
 * (lib/content/delivery.ts).
 */
import type { PlatformId, PostReading } from '../model';
import { boundedString, isFiniteNumber, isObject } from './checks';
import { MAX_URL_LENGTH, MAX_RAW_LENGTH, validateReading, type HostCheck } from './reading';

/** The health of reading on one site, as the popup shows it. */
export type ReaderStatus = 'reading' | 'paused' | 'idle';

/**
 * Why reading paused: post elements found but none readable, counts that stopped parsing, or posts
 * recognized on the page (by permalinks or stable attributes) that the post selector does not find.
 */
export type PauseReason = 'unreadable' | 'counts' | 'not-found';
export const PAUSE_REASONS: readonly PauseReason[] = ['unreadable', 'counts', 'not-found'];

export interface ReaderDiagnostic {
  /** What was expected and not found, e.g. "id: a[href*="/status/"]" or "likes: 1,2 k". */
  selector: string;
  reason?: PauseReason;
  /** Posts each recognizer saw that the post selector did not find (reason `not-found`). */
  recognized?: { name: string; posts: number }[];
  raw?: string;
  locale: string;
  /** Post-like elements found vs readings taken when the decision was made. */
  candidates: number;
  readings: number;
  at: number;
}

/** How often hiding fell back to the safe rule on a page (lib/hide/fallback.ts), and where. */
export interface HidingFallback {
  hidden: number;
  /** Up to three "where: raw count text" lines; no post text or names. */
  examples: string[];
}

export type ContentMessage =
  | { type: 'readings'; readings: PostReading[] }
  | { type: 'reader-health'; platform: PlatformId; status: ReaderStatus; diagnostic?: ReaderDiagnostic }
  | ({ type: 'hiding-fallback'; platform: PlatformId } & HidingFallback)
  | WellbeingMessage;

/** Today's wellbeing figures grew on a page: posts shown without counts, peeks (lib/wellbeing/today.ts). */
export interface WellbeingMessage {
  type: 'wellbeing';
  shownHidden: number;
  peeks: number;
}

/** More than a page could add between two reports (one every few seconds) is not believed. */
const MAX_WELLBEING_STEP = 1000;

export function validateWellbeingMessage(message: unknown): WellbeingMessage | undefined {
  if (!isObject(message) || message.type !== 'wellbeing') return undefined;
  const step = (v: unknown) =>
    Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_WELLBEING_STEP ? (v as number) : null;
  const shownHidden = step(message.shownHidden);
  const peeks = step(message.peeks);
  if (shownHidden === null || peeks === null || shownHidden + peeks === 0) return undefined;
  return { type: 'wellbeing', shownHidden, peeks };
}

/**
 * The background's answer to a `readings` message. `stored`: the message's transaction committed
 * (`rejected` of its readings failed validation and are dropped for good: sending them again would
 * not help). Not `stored`: the write failed (a full disk); the readings should be sent again later.
 */
export type ReadingsReply = { stored: true; accepted: number; rejected: number } | { stored: false };

export function isReadingsReply(value: unknown): value is ReadingsReply {
  if (!isObject(value)) return false;
  if (value.stored === false) return true;
  return value.stored === true && isFiniteNumber(value.accepted) && isFiniteNumber(value.rejected);
}

/** Upper bound on readings per message: a frame never holds more posts than this. */
export const MAX_READINGS_PER_MESSAGE = 500;

export interface ValidatedReadings {
  readings: PostReading[];
  rejected: number;
}

/**
 * The readings of a `readings` message that pass validation and belong to the sending tab's
 * platform; anything else in the message is dropped and counted.
 */
export function validateReadingsMessage(
  message: unknown,
  senderPlatform: PlatformId,
  now: number,
  hostAllowed: HostCheck,
): ValidatedReadings | undefined {
  if (!isObject(message) || message.type !== 'readings' || !Array.isArray(message.readings)) return undefined;
  if (message.readings.length > MAX_READINGS_PER_MESSAGE) return undefined;
  const readings: PostReading[] = [];
  let rejected = 0;
  for (const candidate of message.readings) {
    const reading = validateReading(candidate, now, hostAllowed);
    if (reading && reading.platform === senderPlatform) readings.push(reading);
    else rejected++;
  }
  return { readings, rejected };
}

export function validateHealthMessage(
  message: unknown,
  senderPlatform: PlatformId,
): Extract<ContentMessage, { type: 'reader-health' }> | undefined {
  if (!isObject(message) || message.type !== 'reader-health' || message.platform !== senderPlatform) return undefined;
  if (message.status !== 'reading' && message.status !== 'paused' && message.status !== 'idle') return undefined;
  const result: Extract<ContentMessage, { type: 'reader-health' }> = {
    type: 'reader-health',
    platform: senderPlatform,
    status: message.status,
  };
  const d = message.diagnostic;
  if (d !== undefined) {
    if (!isObject(d)) return undefined;
    const selector = boundedString(MAX_URL_LENGTH)(d.selector);
    const locale = boundedString(64)(d.locale);
    if (!selector || !locale || !isFiniteNumber(d.candidates) || !isFiniteNumber(d.readings) || !isFiniteNumber(d.at)) {
      return undefined;
    }
    const raw = typeof d.raw === 'string' ? d.raw.slice(0, MAX_RAW_LENGTH) : undefined;
    const reason = PAUSE_REASONS.find((r) => r === d.reason);
    const recognized = validRecognized(d.recognized);
    result.diagnostic = {
      selector,
      locale,
      candidates: d.candidates,
      readings: d.readings,
      at: d.at,
      ...(raw ? { raw } : {}),
      ...(reason ? { reason } : {}),
      ...(recognized ? { recognized } : {}),
    };
  }
  return result;
}

const shortText = boundedString(200);

/** Drift detection's counts per recognizer: a few named numbers, or nothing. */
function validRecognized(value: unknown): ReaderDiagnostic['recognized'] | undefined {
  if (!Array.isArray(value)) return undefined;
  const valid = value
    .slice(0, 8)
    .filter((r): r is { name: string; posts: number } => isObject(r) && !!shortText(r.name) && isFiniteNumber(r.posts));
  return valid.length ? valid.map((r) => ({ name: r.name, posts: r.posts })) : undefined;
}

export function validateFallbackMessage(
  message: unknown,
  senderPlatform: PlatformId,
): Extract<ContentMessage, { type: 'hiding-fallback' }> | undefined {
  if (!isObject(message) || message.type !== 'hiding-fallback' || message.platform !== senderPlatform) return undefined;
  if (!isFiniteNumber(message.hidden) || message.hidden < 1 || !Array.isArray(message.examples)) return undefined;
  const examples = message.examples.slice(0, 3).filter((e): e is string => !!shortText(e));
  return { type: 'hiding-fallback', platform: senderPlatform, hidden: Math.floor(message.hidden), examples };
}
