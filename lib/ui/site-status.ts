/**
 * How reading and hiding are going on a site, in words a user can act on, and the plain-text report
 * "Copy report" puts on the clipboard for a bug report. The report holds what the diagnostics hold:
 * selectors, raw count text (which may name the people in "Ana and 12 others"), counts and times;
 * never a post's text, an author or an address. Nothing is sent anywhere.
 */
import type { HidingFallback, ReaderDiagnostic, ReaderStatus } from '../messages/page-store';

export interface SiteStatusWords {
  /** "Reading", "Paused", "Idle". */
  label: string;
  /** One or two sentences for the user. */
  detail: string;
}

const PAUSED: Record<NonNullable<ReaderDiagnostic['reason']>, string> = {
  'not-found': 'Feedlens doesn’t recognize this page’s layout any more; nothing is being stored here.',
  unreadable: 'Feedlens finds posts here but can’t read them any more; nothing is being stored here.',
  counts:
    'Feedlens can’t read the numbers on this page any more; nothing is being stored here, rather than wrong numbers.',
};

export function statusWords(status: ReaderStatus, diagnostic?: ReaderDiagnostic): SiteStatusWords {
  if (status === 'reading') return { label: 'Reading', detail: 'Feedlens reads the posts on this site.' };
  if (status === 'idle') return { label: 'Idle', detail: 'No posts read here yet.' };
  const why = PAUSED[diagnostic?.reason ?? 'not-found'];
  return {
    label: 'Paused',
    detail: `${why} Your saved data is unaffected, and reading resumes by itself once the page shows posts Feedlens knows.`,
  };
}

export function fallbackWords(fallback: HidingFallback): string {
  const counts = fallback.hidden === 1 ? 'a count' : `${fallback.hidden} counts`;
  return `Hiding fell back to the safe rule: ${counts} in posts’ buttons that Feedlens didn’t recognize were hidden by their place. The site may have changed; a report helps fix it.`;
}

export interface ReportInput {
  site: string;
  status: ReaderStatus;
  diagnostic?: ReaderDiagnostic;
  hidingFallback?: HidingFallback & { at: number };
  version: string;
  browser: string;
}

const when = (at: number) => new Date(at).toISOString();

export function siteReport(input: ReportInput): string {
  const lines = [
    'Feedlens site report',
    `Site: ${input.site}`,
    `Feedlens: ${input.version}`,
    `Browser: ${input.browser}`,
    `Reading: ${input.status}`,
  ];
  const d = input.diagnostic;
  if (d) {
    lines.push(
      `  reason: ${d.reason ?? 'unreadable'}`,
      `  selector: ${d.selector}`,
      ...(d.raw ? [`  raw text: ${d.raw}`] : []),
      `  page language: ${d.locale}`,
      `  post elements found: ${d.candidates}, read: ${d.readings}`,
      ...(d.recognized ?? []).map((r) => `  recognized without the selector (${r.name}): ${r.posts}`),
      `  at: ${when(d.at)}`,
    );
  }
  const f = input.hidingFallback;
  if (f) {
    lines.push(`Hiding fell back to the safe rule: ${f.hidden} counts, at ${when(f.at)}`);
    for (const example of f.examples) lines.push(`  ${example}`);
  }
  lines.push('', 'This report holds selectors and raw count text only: no post text, authors or addresses.');
  return lines.join('\n');
}
