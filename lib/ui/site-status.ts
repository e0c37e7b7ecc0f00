/**
 * How reading and hiding are going on a site, in words a user can act on, and the plain-text report
 * "Copy report" puts on the clipboard for a bug report. The report holds what the diagnostics hold:
 * selectors, raw count text (which may name the people in "Ana and 12 others"), counts and times;
 * never a post's text, an author or an address. Nothing is sent anywhere.
 */
import type { HidingFallback, ReaderDiagnostic, ReaderStatus } from '../messages/page-store';
import { plural, t, type MessageKey } from './i18n';

export interface SiteStatusWords {
  /** "Reading", "Paused", "Idle". */
  label: string;
  /** One or two sentences for the user. */
  detail: string;
}

const PAUSED: Record<NonNullable<ReaderDiagnostic['reason']>, MessageKey> = {
  'not-found': 'prefs.status.pausedLayout',
  unreadable: 'prefs.status.pausedUnreadable',
  counts: 'prefs.status.pausedCounts',
};

export function statusWords(status: ReaderStatus, diagnostic?: ReaderDiagnostic): SiteStatusWords {
  if (status === 'reading') return { label: t('prefs.status.reading'), detail: t('prefs.status.readingDetail') };
  if (status === 'idle') return { label: t('prefs.status.idle'), detail: t('prefs.status.idleDetail') };
  const why = t(PAUSED[diagnostic?.reason ?? 'not-found']);
  return { label: t('prefs.status.paused'), detail: `${why} ${t('prefs.status.pausedResumes')}` };
}

export function fallbackWords(fallback: HidingFallback): string {
  return plural('prefs.status.fallback', fallback.hidden);
}

// The report stays in English: it is written for whoever fixes the bug, not for the user.
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
