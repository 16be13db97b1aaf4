// jsts 2.12.1 ships types generated from its JavaScript, nearly all `any`. These declarations cover only the
// modules the domain imports, with the types they really have; an ambient module takes precedence over the
// package's own. The paths keep `.js`: jsts has no `exports` map, so Node resolves only real file names.

declare module 'jsts/org/locationtech/jts/io/GeoJSONReader.js' {
  /** Opaque: the domain only passes a parsed geometry on to IsValidOp. */
  export interface JstsGeometry {
    readonly __jstsGeometry: unique symbol;
  }
  export default class GeoJSONReader {
    /** Builds a geometry from a GeoJSON geometry object, or throws on one it cannot read. */
    read(geoJson: object): JstsGeometry;
  }
}

declare module 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js' {
  import type { JstsGeometry } from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
  export interface TopologyValidationError {
    /** One of jsts's fixed English messages, e.g. "Self-intersection" or "Hole lies outside shell". */
    getMessage(): string;
    /** Where the error was found; jsts always sets it for polygon errors. */
    getCoordinate(): { x: number; y: number } | null;
  }
  export default class IsValidOp {
    constructor(geometry: JstsGeometry);
    isValid(): boolean;
    getValidationError(): TopologyValidationError | null;
  }
}
