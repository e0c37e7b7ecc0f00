/**
 * Deciding whether an adapter still understands a site. Sites change their markup without notice;
 * when that happens the right outcome is "reading paused, here is why", never stored nonsense.
 */
import type { ReaderDiagnostic, ReaderStatus } from '../messages/page-store';
import { METRICS, type Metric } from '../model';
import type { ReadProblem, ScanResult } from '../platforms/types';

/** Post-like elements seen without a single reading before we call the layout unrecognized. */
export const MIN_CANDIDATES_TO_JUDGE = 3;
/** Count-parse failures (at least this many, and more than successes) that pause reading. */
export const MIN_FAILURES_TO_JUDGE = 3;

export interface HealthState {
  status: ReaderStatus;
  candidates: number;
  readings: number;
  /** Counts read with a value, and counts that failed to parse. */
  countsRead: number;
  countFailures: number;
  diagnostic?: ReaderDiagnostic;
}

export const initialHealth = (): HealthState => ({
  status: 'idle',
  candidates: 0,
  readings: 0,
  countsRead: 0,
  countFailures: 0,
});

const isMetric = (field: ReadProblem['field']): field is Metric => (METRICS as readonly string[]).includes(field);

function diagnosticOf(
  problem: ReadProblem | undefined,
  fallback: string,
  state: HealthState,
  locale: string,
  now: number,
): ReaderDiagnostic {
  return {
    selector: problem ? `${problem.field}: ${problem.selector}` : fallback,
    ...(problem?.raw ? { raw: problem.raw } : {}),
    locale,
    candidates: state.candidates,
    readings: state.readings,
    at: now,
  };
}

/**
 * Folds one scan into the page's reading health. Once paused, a page stays paused: the layout it
 * did not recognize is still there, and a reload (or an updated Feedlens) starts afresh.
 */
export function updateHealth(
  state: HealthState,
  scan: ScanResult,
  locale: string,
  now: number,
  postSelector: string,
): HealthState {
  if (state.status === 'paused' || scan.candidates === 0) return state;
  const countFailures = scan.problems.filter((p) => isMetric(p.field)).length;
  const countsRead = scan.readings.reduce(
    (sum, r) => sum + Object.values(r.counts).filter((c) => c.precision !== 'unknown').length,
    0,
  );
  const next: HealthState = {
    status: 'reading',
    candidates: state.candidates + scan.candidates,
    readings: state.readings + scan.readings.length,
    countsRead: state.countsRead + countsRead,
    countFailures: state.countFailures + countFailures,
  };
  if (next.readings === 0 && next.candidates >= MIN_CANDIDATES_TO_JUDGE) {
    const first = scan.problems[0];
    return { ...next, status: 'paused', diagnostic: diagnosticOf(first, `post: ${postSelector}`, next, locale, now) };
  }
  if (next.countFailures >= MIN_FAILURES_TO_JUDGE && next.countFailures > next.countsRead) {
    const first = scan.problems.find((p) => isMetric(p.field));
    return { ...next, status: 'paused', diagnostic: diagnosticOf(first, 'counts', next, locale, now) };
  }
  if (next.readings === 0) return { ...next, status: 'idle' };
  return next;
}
