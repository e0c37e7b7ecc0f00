/**
 * Deciding whether an adapter still understands a site. Sites change their markup without notice;
 * when that happens the right outcome is "reading paused, here is why", never stored nonsense.
 *
 * A pause is not for good: the page keeps being looked at, and reading resumes by itself once
 * posts are read again (a later render, in-app navigation to a page whose layout is known).
 */
import type { PauseReason, ReaderDiagnostic, ReaderStatus } from '../messages/page-store';
import { METRICS, type Metric } from '../model';
import type { ReadProblem, ScanResult } from '../platforms/types';
import type { DriftReport } from './drift';

/** Post-like elements seen without a single reading before we call the layout unrecognized. */
export const MIN_CANDIDATES_TO_JUDGE = 3;
/** Count-parse failures (at least this many, and more than successes) that pause reading. */
export const MIN_FAILURES_TO_JUDGE = 3;

/** What the scans of a page found, added up. */
interface Tally {
  candidates: number;
  readings: number;
  /** Counts read with a value, and counts that failed to parse. */
  countsRead: number;
  countFailures: number;
}

export interface HealthState extends Tally {
  status: ReaderStatus;
  diagnostic?: ReaderDiagnostic;
  /** While paused: the scans since the pause, which decide when reading resumes. */
  recovery?: Tally;
}

const EMPTY: Tally = { candidates: 0, readings: 0, countsRead: 0, countFailures: 0 };

export const initialHealth = (): HealthState => ({ status: 'idle', ...EMPTY });

const isMetric = (field: ReadProblem['field']): field is Metric => (METRICS as readonly string[]).includes(field);

function add(tally: Tally, scan: ScanResult): Tally {
  const countFailures = scan.problems.filter((p) => isMetric(p.field)).length;
  const countsRead = scan.readings.reduce(
    (sum, r) => sum + Object.values(r.counts).filter((c) => c.precision !== 'unknown').length,
    0,
  );
  return {
    candidates: tally.candidates + scan.candidates,
    readings: tally.readings + scan.readings.length,
    countsRead: tally.countsRead + countsRead,
    countFailures: tally.countFailures + countFailures,
  };
}

/** What a tally says about the layout: understood, not yet known, or why it is not. */
function verdict(tally: Tally): ReaderStatus | Exclude<PauseReason, 'not-found'> {
  if (tally.readings === 0) return tally.candidates >= MIN_CANDIDATES_TO_JUDGE ? 'unreadable' : 'idle';
  if (tally.countFailures >= MIN_FAILURES_TO_JUDGE && tally.countFailures > tally.countsRead) return 'counts';
  return 'reading';
}

/** Posts are read again; after a pause for counts, enough of them parse to trust them again. */
function recovered(tally: Tally, reason: PauseReason | undefined): boolean {
  if (verdict(tally) !== 'reading') return false;
  return reason !== 'counts' || (tally.countsRead >= MIN_FAILURES_TO_JUDGE && tally.countsRead > tally.countFailures);
}

function diagnosticOf(
  reason: PauseReason,
  problem: ReadProblem | undefined,
  fallback: string,
  state: Tally,
  locale: string,
  now: number,
): ReaderDiagnostic {
  return {
    reason,
    selector: problem ? `${problem.field}: ${problem.selector}` : fallback,
    ...(problem?.raw ? { raw: problem.raw } : {}),
    locale,
    candidates: state.candidates,
    readings: state.readings,
    at: now,
  };
}

/** Folds one scan into the page's reading health. */
export function updateHealth(
  state: HealthState,
  scan: ScanResult,
  locale: string,
  now: number,
  postSelector: string,
): HealthState {
  if (scan.candidates === 0) return state;
  if (state.status === 'paused') {
    const recovery = add(state.recovery ?? EMPTY, scan);
    return recovered(recovery, state.diagnostic?.reason) ? { status: 'reading', ...recovery } : { ...state, recovery };
  }
  const next = add(state, scan);
  const found = verdict(next);
  if (found === 'unreadable') {
    const diagnostic = diagnosticOf(found, scan.problems[0], `post: ${postSelector}`, next, locale, now);
    return { status: 'paused', ...next, diagnostic, recovery: EMPTY };
  }
  if (found === 'counts') {
    const first = scan.problems.find((p) => isMetric(p.field));
    return {
      status: 'paused',
      ...next,
      diagnostic: diagnosticOf(found, first, 'counts', next, locale, now),
      recovery: EMPTY,
    };
  }
  return { status: found, ...next };
}

/**
 * The page shows posts (recognized without the adapter's selectors) that the post selector does
 * not find, and nothing has been read: the layout changed under the adapter.
 */
export function pauseForDrift(
  state: HealthState,
  report: DriftReport,
  locale: string,
  now: number,
  postSelector: string,
): HealthState {
  const diagnostic: ReaderDiagnostic = {
    ...diagnosticOf('not-found', undefined, `post: ${postSelector}`, state, locale, now),
    recognized: report.recognized.filter((r) => r.posts > 0),
  };
  return { ...state, status: 'paused', diagnostic, recovery: EMPTY };
}
