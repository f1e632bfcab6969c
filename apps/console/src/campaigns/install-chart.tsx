import { formatPercent } from '../components/format.js';

export interface ChartBar {
  key: string;
  label: string;
  /** 0–100. */
  value: number;
}

const ROW = 26;
const LABEL = 190;
const WIDTH = 560;
const BAR = WIDTH - LABEL - 70;

/**
 * Horizontal bars of a percentage per unit, drawn in SVG (attributes, not inline styles, so the page's
 * Content-Security-Policy stands). The table beside it stays the accessible form of the figures; the chart is named
 * by `title` for screen readers.
 */
export function InstallChart({ title, bars, locale }: { title: string; bars: readonly ChartBar[]; locale: string }) {
  const height = Math.max(ROW, bars.length * ROW);
  return (
    <figure className="install-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
        {bars.map((bar, i) => {
          const y = i * ROW;
          const width = Math.max(1, (Math.min(100, bar.value) / 100) * BAR);
          return (
            <g key={bar.key}>
              <text x={LABEL - 6} y={y + ROW / 2 + 5} textAnchor="end" className="install-chart-label">
                {bar.label.length > 28 ? `${bar.label.slice(0, 27)}…` : bar.label}
              </text>
              <rect x={LABEL} y={y + 4} width={BAR} height={ROW - 8} className="install-chart-track" />
              <rect x={LABEL} y={y + 4} width={width} height={ROW - 8} className="install-chart-bar" />
              <text x={LABEL + BAR + 6} y={y + ROW / 2 + 5} className="install-chart-value">
                {formatPercent(bar.value, locale)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
