/**
 * What the data jobs tell the pages, kept in `storage.local`: the current or last job (an import's
 * progress and outcome, a deletion's counts) and the last few things Feedlens deleted on its own
 * (retention, a full disk), so that nothing is ever deleted without the user being told.
 */
import { browser } from 'wxt/browser';
import type { DataJob, DataNotice } from '../messages/data';

export const DATA_JOB_KEY = 'dataJob';
export const DATA_NOTICES_KEY = 'dataNotices';
/** When retention by age last ran (the settings page shows it). */
export const LAST_CLEANUP_KEY = 'lastCleanup';
/** Notices kept: the settings page shows them newest first. */
const MAX_NOTICES = 5;

export async function loadDataJob(): Promise<DataJob | undefined> {
  return (await browser.storage.local.get(DATA_JOB_KEY))[DATA_JOB_KEY] as DataJob | undefined;
}

export async function saveDataJob(job: DataJob): Promise<void> {
  await browser.storage.local.set({ [DATA_JOB_KEY]: job });
}

export async function loadNotices(): Promise<DataNotice[]> {
  const stored = (await browser.storage.local.get(DATA_NOTICES_KEY))[DATA_NOTICES_KEY];
  return Array.isArray(stored) ? (stored as DataNotice[]) : [];
}

/**
 * Adds a notice, newest first. The same words as the newest notice only move its time: a write
 * refused every 30 s must not push out the notice that says what was deleted.
 */
export async function addNotice(text: string, at: number = Date.now()): Promise<void> {
  const [newest, ...older] = await loadNotices();
  const kept = newest && newest.text !== text ? [newest, ...older] : older;
  const notices = [{ at, text }, ...kept].slice(0, MAX_NOTICES);
  await browser.storage.local.set({ [DATA_NOTICES_KEY]: notices });
}

export interface LastCleanup {
  at: number;
  posts: number;
}

export async function loadLastCleanup(): Promise<LastCleanup | undefined> {
  return (await browser.storage.local.get(LAST_CLEANUP_KEY))[LAST_CLEANUP_KEY] as LastCleanup | undefined;
}

export async function saveLastCleanup(cleanup: LastCleanup): Promise<void> {
  await browser.storage.local.set({ [LAST_CLEANUP_KEY]: cleanup });
}

export function watchLastCleanup(listener: (cleanup: LastCleanup | undefined) => void): () => void {
  return watchKey(LAST_CLEANUP_KEY, (value) => listener(value as LastCleanup | undefined));
}

/** Calls `listener` with the job whenever it changes; returns a function that stops listening. */
export function watchDataJob(listener: (job: DataJob | undefined) => void): () => void {
  return watchKey(DATA_JOB_KEY, (value) => listener(value as DataJob | undefined));
}

export function watchNotices(listener: (notices: DataNotice[]) => void): () => void {
  return watchKey(DATA_NOTICES_KEY, (value) => listener(Array.isArray(value) ? (value as DataNotice[]) : []));
}

function watchKey(key: string, listener: (value: unknown) => void): () => void {
  const handle = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && key in changes) listener(changes[key]!.newValue);
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}

/**
 * Publishes a running job's progress at most every `everyMs` (each write is an extension API call,
 * which also keeps the service worker awake through a long import); state changes go out at once.
 */
export function jobPublisher(everyMs = 250): (job: DataJob) => Promise<void> {
  let last = 0;
  let lastState = '';
  return async (job) => {
    const now = Date.now();
    if (job.state === lastState && now - last < everyMs) return;
    last = now;
    lastState = job.state;
    await saveDataJob(job);
  };
}
