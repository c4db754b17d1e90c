import type { TrendPoint } from '@/lib/screening/chart-view';

const WIDTH = 160;
const HEIGHT = 36;
const PAD = 4;

/**
 * A small inline trend of one analyte (no chart library): an SVG line with its values told in the
 * title and description for screen readers.
 */
export function TrendSparkline({
  id,
  label,
  unit,
  points,
}: {
  id: string;
  label: string;
  unit: string;
  points: readonly TrendPoint[];
}) {
  if (points.length < 2) return null;
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) return null;
  const values = points.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const spanX = last.ms - first.ms || 1;
  const spanY = max - min || 1;
  const x = (ms: number) => PAD + ((ms - first.ms) / spanX) * (WIDTH - 2 * PAD);
  const y = (value: number) => HEIGHT - PAD - ((value - min) / spanY) * (HEIGHT - 2 * PAD);
  const path = points.map((p) => `${x(p.ms).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const description = points.map((p) => `${p.value} ${unit} on ${p.when}`).join('; ');
  return (
    <svg
      className="sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{`${label} over time, ${points.length} values`}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <polyline points={path} fill="none" stroke="currentColor" strokeWidth="1.5" />
      {points.map((p, index) => (
        <circle key={index} cx={x(p.ms)} cy={y(p.value)} r="2" fill="currentColor" />
      ))}
    </svg>
  );
}
