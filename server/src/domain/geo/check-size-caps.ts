import { pointer, tooLarge, type GeometryRefusal } from './geometry-refusal';

export interface SizeCaps {
  /** Positions (arrays of numbers) in the whole value, closing positions included. */
  readonly maxVertices: number;
  /** Nested arrays and objects, the geometry object itself being level 1; a MultiPolygon needs 5. */
  readonly maxDepth: number;
}

/** 100,000 vertices draws any inspection zone; 16 levels leaves room for foreign members beside the 5 needed. */
export const DEFAULT_SIZE_CAPS: SizeCaps = { maxVertices: 100_000, maxDepth: 16 };

interface Frame {
  readonly value: object;
  readonly depth: number;
  readonly parent: Frame | undefined;
  readonly key: string | number;
}

/**
 * Refuses an untrusted JSON value that is too big or too deep before anything else looks at it (QUALITY.md §5).
 * The walk keeps its own stack: recursing on a value nested 10,000 deep would overflow the call stack.
 */
export function checkSizeCaps(
  value: unknown,
  caps: SizeCaps = DEFAULT_SIZE_CAPS,
): GeometryRefusal | undefined {
  if (!isContainer(value)) return undefined;
  const stack: Frame[] = [{ value, depth: 1, parent: undefined, key: '' }];
  let vertices = 0;
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    if (frame.depth > caps.maxDepth)
      return tooLarge(`the geometry is nested more than ${caps.maxDepth} levels deep`, pathOf(frame));
    const children: Frame[] = [];
    for (const [key, child] of Array.isArray(frame.value)
      ? frame.value.entries()
      : Object.entries(frame.value)) {
      if (!isContainer(child)) continue;
      const childFrame = { value: child, depth: frame.depth + 1, parent: frame, key };
      // Counted when met, in document order, so a million-vertex ring stops at the first vertex over the cap.
      if (Array.isArray(child) && child.length > 0 && !isContainer(child[0]) && ++vertices > caps.maxVertices)
        return tooLarge(`the geometry has more than ${caps.maxVertices} vertices`, pathOf(childFrame));
      children.push(childFrame);
    }
    // Reversed, so the stack pops the children in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Frame);
  }
  return undefined;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function pathOf(frame: Frame): string {
  const keys: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) keys.push(f.key);
  return pointer(...keys.reverse());
}
