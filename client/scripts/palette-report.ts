/**
 * Prints the table of docs/palette.md: how far apart the status colours stay under simulated colour-vision
 * deficiencies. Run with `npx tsx client/scripts/palette-report.ts` after changing the palette.
 */
import { DEFICIENCIES, pairDistances } from '../src/map/colour-vision';
import { STATUS_COLORS } from '../src/map/palette';
import { ILLEGAL_DRAWING, type Status } from '@gridwatch/contract';

const outlined = (s: string) => (ILLEGAL_DRAWING.includes(s as Status) ? `${s} ◯` : s);
const rows = pairDistances(STATUS_COLORS).map(
  (p) =>
    `| ${outlined(p.a)} | ${outlined(p.b)} | ${p.normal.toFixed(1)} | ${DEFICIENCIES.map((d) => p.simulated[d].toFixed(1)).join(' | ')} |`,
);
console.log(
  [
    `| status | status | normal | ${DEFICIENCIES.join(' | ')} |`,
    `| --- | --- | ---: | ${DEFICIENCIES.map(() => '---:').join(' | ')} |`,
    ...rows,
  ].join('\n'),
);
