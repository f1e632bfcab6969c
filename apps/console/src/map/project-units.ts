import type { UnitBoundaries } from '@bluezone/contract';
import { geoArea, geoMercator, geoPath } from 'd3-geo';

/**
 * d3-geo reads polygons on the sphere, where a ring's winding says which side is inside: RFC 7946 GeoJSON winds
 * outer rings counter-clockwise, d3 the other way, and a unit read the wrong way round covers the whole globe but
 * itself. A feature whose area exceeds a hemisphere is such a one: its rings are reversed.
 */
function windForD3(feature: GeoJSON.Feature): GeoJSON.Feature {
  if (geoArea(feature) <= 2 * Math.PI) return feature;
  const geometry = feature.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
  const reverse = (rings: GeoJSON.Position[][]) => rings.map((ring) => [...ring].reverse());
  const coordinates = geometry.type === 'Polygon' ? reverse(geometry.coordinates) : geometry.coordinates.map(reverse);
  return { ...feature, geometry: { ...geometry, coordinates } as GeoJSON.Geometry };
}

/** Each unit's SVG path, the province fitted to a width × height box (Mercator: the province is small). */
export function projectUnits(boundaries: UnitBoundaries, width: number, height: number): { code: string; d: string }[] {
  // Fitting the projection to the collection frames the province.
  const collection: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: (boundaries as unknown as GeoJSON.FeatureCollection).features.map(windForD3),
  };
  const projection = geoMercator().fitSize([width, height], collection);
  const path = geoPath(projection);
  return collection.features.map((feature) => ({ code: String(feature.properties?.code), d: path(feature) ?? '' }));
}
