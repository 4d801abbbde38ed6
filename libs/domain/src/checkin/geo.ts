const EARTH_RADIUS_M = 6_371_008.8;

export interface Position {
  latitude: number;
  longitude: number;
}

/** Great-circle distance in metres (haversine). GCJ-02 coordinates are compared as they are: both ends use it. */
export function distanceMetres(a: Position, b: Position): number {
  const rad = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
