import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApi } from '../api/api-context.js';
import { mapClasses, mapColour, valueDomain, MAP_NO_DATA } from './colour-scale.js';
import { projectUnits } from './project-units.js';
import './province-map.css';

export interface ProvinceMapProps {
  /** What the map shows, read by screen readers and shown as its caption. */
  title: string;
  /** The figure of each ward or commune by unit code; a unit missing here is drawn grey. */
  values: Readonly<Record<string, number | null | undefined>>;
  /** Unit names by code, for each outline's tooltip. */
  names: Readonly<Record<string, string>>;
  /** How a figure reads (e.g. "72,5%"); used in tooltips and the legend. */
  format: (value: number) => string;
  /** The legend's words for a unit without a figure ("Chưa có số liệu" / "No figure"). */
  noDataLabel: string;
  /** Fixed ends of the scale (e.g. [0, 100] for percentages); default: the smallest and largest figure. */
  domain?: readonly [number, number];
  /** Called with a unit's code when its outline is clicked. */
  onSelect?: (code: string) => void;
}

const WIDTH = 400;
const HEIGHT = 400;

/** The outlines of the installation's province, fetched once and kept: they change with a new release only. */
export function useProvinceBoundaries() {
  const api = useApi();
  return useQuery({ queryKey: ['units', 'boundaries'], queryFn: () => api.unitBoundaries(), staleTime: Infinity, retry: false });
}

/**
 * A choropleth of the province's wards and communes (SVG, projected with d3-geo, so it prints and scales). Each unit
 * carries its name and figure as a tooltip; the figures themselves belong in a table beside the map, which stays the
 * accessible form of the data. Renders nothing when no map is shipped for the province.
 */
export function ProvinceMap({ title, values, names, format, noDataLabel, domain, onSelect }: ProvinceMapProps) {
  const boundaries = useProvinceBoundaries();
  const classes = useMemo(() => mapClasses(domain ?? valueDomain(Object.values(values))), [domain, values]);
  const paths = useMemo(() => (boundaries.data ? projectUnits(boundaries.data, WIDTH, HEIGHT) : []), [boundaries.data]);
  if (!boundaries.data) return null;
  return (
    <figure className="province-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        {paths.map(({ code, d }) => {
          const value = values[code];
          const label = `${names[code] ?? code}: ${value === null || value === undefined ? noDataLabel : format(value)}`;
          return (
            <path
              key={code}
              d={d}
              fill={mapColour(value, classes)}
              className={onSelect ? 'province-map-unit selectable' : 'province-map-unit'}
              onClick={onSelect ? () => onSelect(code) : undefined}
            >
              <title>{label}</title>
            </path>
          );
        })}
      </svg>
      <figcaption>
        <span className="province-map-title">{title}</span>
        <ul className="province-map-legend">
          {classes.map((c) => (
            <li key={c.colour}>
              <svg width="14" height="14" aria-hidden="true">
                <rect width="14" height="14" fill={c.colour} />
              </svg>
              {format(c.from)}–{format(c.to)}
            </li>
          ))}
          <li>
            <svg width="14" height="14" aria-hidden="true">
              <rect width="14" height="14" fill={MAP_NO_DATA} />
            </svg>
            {noDataLabel}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
