/**
 * A tiny line chart of one count over time, as inline SVG (no library: the popup and the overlay
 * stay light). Points without a value are skipped, never drawn as 0.
 */
import { hasValue, type Count } from '@/lib/model';

export interface SparkPoint {
  at: number;
  count: Count | undefined;
}

/** The SVG path through the points that have a value, scaled into width × height; '' for fewer than 2. */
export function sparklinePath(points: readonly SparkPoint[], width: number, height: number): string {
  const known = points.filter((p): p is { at: number; count: Extract<Count, { value: number }> } => hasValue(p.count));
  if (known.length < 2) return '';
  const xs = known.map((p) => p.at);
  const ys = known.map((p) => p.count.value);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const x = (v: number) => (x1 === x0 ? width / 2 : ((v - x0) / (x1 - x0)) * width);
  // A flat series sits in the middle rather than on the floor.
  const y = (v: number) => (y1 === y0 ? height / 2 : height - ((v - y0) / (y1 - y0)) * height);
  return known.map((p, i) => `${i ? 'L' : 'M'}${x(p.at).toFixed(1)},${y(p.count.value).toFixed(1)}`).join('');
}

export function Sparkline(props: { points: readonly SparkPoint[]; label: string; width?: number; height?: number }) {
  const width = props.width ?? 160;
  const height = props.height ?? 32;
  const path = sparklinePath(props.points, width, height);
  if (!path) return null;
  return (
    <svg
      class="sparkline"
      role="img"
      aria-label={props.label}
      width={width}
      height={height}
      viewBox={`-1 -1 ${width + 2} ${height + 2}`}
    >
      <path d={path} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
    </svg>
  );
}
