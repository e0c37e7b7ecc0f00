/**
 * Mastodon addresses and account names: the post key and the author handle, which must mean the
 * same thing whichever server the user reads from (see mastodon.ts for why).
 */

/** `/@user/123` or `/@user@origin.example/123`, optionally under the web UI's `/deck` or `/web`. */
const STATUS_PATH = /^(?:\/(?:deck|web))?(\/@[^/@\s]+(?:@[^/@\s]+)?\/[A-Za-z0-9]+)\/?$/;
/** `/@user` or `/@user@origin.example` (a profile link), same optional prefixes. */
const PROFILE_PATH = /^(?:\/(?:deck|web))?\/@([^/@\s]+)(?:@([^/@\s]+))?\/?$/;
/** `user` or `user@origin.example`, with or without the leading "@" Mastodon 4.x puts in `title`. */
const ACCT = /^@?([A-Za-z0-9_][A-Za-z0-9_.-]*)(?:@([A-Za-z0-9.-]+))?$/;
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}$/;

/**
 * The canonical address of a status link, or null. Any https server counts: for remote posts the
 * link points at the post's origin server, which may run Mastodon or any other fediverse software
 * (`/notice/…`, `/notes/…`, `/users/…/statuses/…`). The web UI's `/deck` and `/web` prefixes are
 * dropped so the same post has one address; query and fragment never belong to the key.
 */
export function statusUrl(href: string | null | undefined, base: URL): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.pathname.length <= 1 || PROFILE_PATH.test(url.pathname)) return null;
  const local = STATUS_PATH.exec(url.pathname);
  return `https://${url.host}${local ? local[1] : url.pathname}`;
}

/** `user@domain`, lower-cased domain; the page's server is the domain of local accounts. */
function withDomain(user: string, domain: string | undefined, pageHost: string): string | null {
  const host = (domain ?? pageHost).toLowerCase();
  return DOMAIN.test(host) ? `${user}@${host}` : null;
}

/** An author from an acct string (`title` of the display-name link, or "@user@domain" text). */
export function acctAuthor(text: string | null | undefined, pageHost: string): string | null {
  const match = text ? ACCT.exec(text.trim()) : null;
  return match ? withDomain(match[1]!, match[2], pageHost) : null;
}

/**
 * An author from a profile link: `/@user@domain` (4.x links to the local copy), or `/@user` on the
 * account's own server (3.x links to the origin profile), whose host is then the domain.
 */
export function profileAuthor(href: string | null | undefined, base: URL): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    const match = PROFILE_PATH.exec(url.pathname);
    return match ? withDomain(match[1]!, match[2], url.hostname) : null;
  } catch {
    return null;
  }
}
