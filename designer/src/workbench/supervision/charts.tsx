import type { WeekVolume } from './types';
import { weekLabel } from './stats';

export interface Bar {
  label: string;
  value: number | null;
  /** The text at the bar's end; the value when absent. */
  text?: string;
  color?: string;
}

/** Horizontal bars, one per row (a department's on-time rate, the count of a rating level): plain SVG. */
export function BarChart({ bars, max, title, unit = '' }: { bars: readonly Bar[]; max?: number; title: string; unit?: string }) {
  const rowHeight = 30;
  const labelWidth = 110;
  const width = 560;
  const barArea = width - labelWidth - 130;
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value ?? 0), 1);
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${bars.length * rowHeight + 8}`} width="100%" style={{ maxWidth: width, display: 'block' }}>
      <title>{title}</title>
      {bars.map((b, i) => {
        const y = i * rowHeight + 4;
        const w = b.value === null ? 0 : Math.max((barArea * b.value) / top, b.value > 0 ? 2 : 0);
        return (
          <g key={`${b.label}-${i}`}>
            <text x={labelWidth - 8} y={y + 16} textAnchor="end" fontSize="13" fill="#262626">{b.label}</text>
            <rect x={labelWidth} y={y + 3} width={barArea} height={18} fill="#f5f5f5" rx={3} />
            <rect x={labelWidth} y={y + 3} width={w} height={18} fill={b.color ?? '#a61d24'} rx={3} />
            <text x={labelWidth + barArea + 6} y={y + 16} fontSize="13" fill="#595959">{b.text ?? (b.value === null ? '—' : `${b.value}${unit}`)}</text>
          </g>
        );
      })}
    </svg>
  );
}

/** Received and closed per week, side by side, with the counts over the columns: plain SVG. */
export function WeeklyChart({ data, title }: { data: readonly WeekVolume[]; title: string }) {
  const width = 640;
  const height = 220;
  const left = 36;
  const bottom = 40;
  const plotHeight = height - bottom - 24;
  const top = Math.max(1, ...data.flatMap((d) => [d.received, d.closed]));
  const slot = (width - left - 8) / Math.max(data.length, 1);
  const barWidth = Math.min(22, slot / 3);
  const ticks = [0, Math.ceil(top / 2), top].filter((t, i, all) => all.indexOf(t) === i);
  const y = (v: number) => 24 + plotHeight - (plotHeight * v) / top;
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width, display: 'block' }}>
      <title>{title}</title>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={width - 8} y1={y(t)} y2={y(t)} stroke="#f0f0f0" />
          <text x={left - 6} y={y(t) + 4} fontSize="11" textAnchor="end" fill="#8c8c8c">{t}</text>
        </g>
      ))}
      {data.map((d, i) => {
        const x = left + i * slot + slot / 2;
        return (
          <g key={d.week}>
            <rect x={x - barWidth - 1} y={y(d.received)} width={barWidth} height={y(0) - y(d.received)} fill="#1677ff" />
            <rect x={x + 1} y={y(d.closed)} width={barWidth} height={y(0) - y(d.closed)} fill="#52c41a" />
            <text x={x - barWidth / 2 - 1} y={y(d.received) - 4} fontSize="11" textAnchor="middle" fill="#1677ff">{d.received}</text>
            <text x={x + barWidth / 2 + 1} y={y(d.closed) - 4} fontSize="11" textAnchor="middle" fill="#389e0d">{d.closed}</text>
            <text x={x} y={height - bottom + 16} fontSize="11" textAnchor="middle" fill="#595959">{weekLabel(d.week)}</text>
          </g>
        );
      })}
      <g transform={`translate(${left}, ${height - 10})`}>
        <rect width={10} height={10} y={-9} fill="#1677ff" /><text x={14} fontSize="12">收件</text>
        <rect x={56} width={10} height={10} y={-9} fill="#52c41a" /><text x={70} fontSize="12">办结</text>
        <text x={120} fontSize="12" fill="#8c8c8c">（按周，周一起）</text>
      </g>
    </svg>
  );
}
