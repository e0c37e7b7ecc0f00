/** The background's current or last data job and its notices, kept current from `storage.local`. */
import { useEffect, useState } from 'preact/hooks';
import { loadDataJob, loadNotices, watchDataJob, watchNotices } from '@/lib/background/data-status';
import type { DataJob, DataNotice } from '@/lib/messages/data';

export function useDataJob(): DataJob | undefined {
  const [job, setJob] = useState<DataJob | undefined>(undefined);
  useEffect(() => {
    let stopped = false;
    void loadDataJob().then((j) => !stopped && setJob(j));
    const stop = watchDataJob(setJob);
    return () => {
      stopped = true;
      stop();
    };
  }, []);
  return job;
}

export function useDataNotices(): DataNotice[] {
  const [notices, setNotices] = useState<DataNotice[]>([]);
  useEffect(() => {
    let stopped = false;
    void loadNotices().then((n) => !stopped && setNotices(n));
    const stop = watchNotices(setNotices);
    return () => {
      stopped = true;
      stop();
    };
  }, []);
  return notices;
}
