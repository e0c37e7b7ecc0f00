/**
 * The background's side of reading delivery: a `readings` message from a content script is
 * validated, its valid readings are queued for the store, and the answer waits until their
 * transaction committed (lib/messages/page-store.ts says what the answer means). Nothing a page
 * sends can make it throw; what fails validation is dropped and counted.
 */
import type { PlatformId, PostReading } from '../model';
import { validateReadingsMessage, type ReadingsReply } from '../messages/page-store';
import type { HostCheck } from '../messages/reading';

export interface ReadingsInboxOptions {
  /** Queues readings for the store; resolves true once they are committed (lib/background/ingest-queue.ts). */
  push(readings: readonly PostReading[]): Promise<boolean>;
  hostAllowed: HostCheck;
  now?(): number;
}

/** How many readings a message claims to hold, for the count of what was refused. */
function claimed(message: unknown): number {
  const readings = (message as { readings?: unknown } | null)?.readings;
  return Array.isArray(readings) ? readings.length : 0;
}

/**
 * Answers one `readings` message from a tab of `platform` (undefined: a tab on no supported site,
 * whose readings are all refused).
 */
export function createReadingsInbox(
  options: ReadingsInboxOptions,
): (message: unknown, platform: PlatformId | undefined) => Promise<ReadingsReply> {
  const now = options.now ?? (() => Date.now());
  return async (message, platform) => {
    const valid = platform && validateReadingsMessage(message, platform, now(), options.hostAllowed);
    if (!valid) return { stored: true, accepted: 0, rejected: claimed(message) };
    const { readings, rejected } = valid;
    if (readings.length && !(await options.push(readings))) return { stored: false };
    return { stored: true, accepted: readings.length, rejected };
  };
}
