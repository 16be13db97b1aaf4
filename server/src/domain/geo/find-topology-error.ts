import type { MultiPolygon, Polygon } from 'geojson';
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';

export interface TopologyError {
  /** jsts's message: "Self-intersection", "Hole lies outside shell", "Nested shells", … */
  readonly message: string;
  /** The point jsts reports: where edges cross, or a vertex of the misplaced ring. */
  readonly at: readonly [number, number] | undefined;
}

/**
 * The OGC validity error of a polygon, found by JTS's IsValidOp: crossing edges (a bowtie), a hole outside its
 * shell, crossing or nested holes, overlapping polygons of a MultiPolygon. Expects rings already checked for
 * length, closure and finite coordinates; jsts itself does not check ranges (it accepts longitude 200).
 */
export function findTopologyError(geometry: Polygon | MultiPolygon): TopologyError | undefined {
  const op = new IsValidOp(new GeoJSONReader().read(geometry));
  if (op.isValid()) return undefined;
  const error = op.getValidationError();
  if (!error) throw new Error('jsts reported an invalid geometry without a validation error');
  const coordinate = error.getCoordinate();
  return { message: error.getMessage(), at: coordinate ? [coordinate.x, coordinate.y] : undefined };
}
