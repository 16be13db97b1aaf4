/** The ways to draw a zone; kept apart from create-draw.ts so that naming them does not load terra-draw. */
export const DRAW_SHAPES = ['polygon', 'rectangle', 'circle'] as const;
export type DrawShape = (typeof DRAW_SHAPES)[number];
