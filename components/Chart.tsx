/**
 * A uPlot chart (canvas: draws 100,000 points in a few milliseconds, 50 KB, no dependencies). The
 * numbers behind every chart are also in a table next to it, for screen readers and CSV export;
 * where no canvas is available (tests, a locked-down browser) the chart is simply left out.
 */
import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** uPlot is loaded on first use, once the page's tables are on screen (they do not need it). */
let library: Promise<typeof uPlot> | null = null;
const loadUplot = () => (library ??= import('uplot').then((m) => m.default));

/** The last point with a value in any series: what the legend shows when the pointer is elsewhere. */
export function lastValueIndex(data: uPlot.AlignedData): number | null {
  for (let i = data[0].length - 1; i >= 0; i--)
    if (data.slice(1).some((series) => series[i] !== null && series[i] !== undefined)) return i;
  return null;
}

export function Chart(props: { label: string; options: Omit<uPlot.Options, 'width'>; data: uPlot.AlignedData }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let plot: uPlot | undefined;
    let stopped = false;
    const width = () => Math.max(320, el.clientWidth || 640);
    const resize = new ResizeObserver(() => plot?.setSize({ width: width(), height: props.options.height }));
    void loadUplot().then((UPlot) => {
      if (stopped || !el.isConnected) return;
      try {
        if (!document.createElement('canvas').getContext('2d')) return;
        // uPlot's legend reads "--" until the pointer is over the chart: show the latest values instead.
        const latest = lastValueIndex(props.data);
        const showLatest = (u: uPlot) => {
          if (latest !== null && (u.cursor.idx === null || u.cursor.idx === undefined)) u.setLegend({ idx: latest });
        };
        const hooks = { ...props.options.hooks, ready: [...(props.options.hooks?.ready ?? []), showLatest] };
        hooks.setCursor = [...(props.options.hooks?.setCursor ?? []), showLatest];
        plot = new UPlot({ ...props.options, hooks, width: width() }, props.data, el);
        resize.observe(el);
      } catch {
        // No canvas here: the table beside the chart has the numbers.
      }
    });
    return () => {
      stopped = true;
      resize.disconnect();
      plot?.destroy();
    };
  }, [props.options, props.data]);
  return <div class="chart" ref={box} role="img" aria-label={props.label} />;
}
