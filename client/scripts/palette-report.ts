/**
 * Prints the tables of docs/palette.md: how far apart the status colours, and the rivers and the power lines,
 * stay under simulated colour-vision deficiencies. Run with `npx tsx client/scripts/palette-report.ts` after
 * changing the palette.
 */
import { DEFICIENCIES, pairDistances } from '../src/map/colour-vision';
import { BASEMAP_COLORS, STATUS_COLORS, VOLTAGE_CLASSES } from '../src/map/palette';
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

const rivers = VOLTAGE_CLASSES.map(({ kv, color }) => {
  const [p] = pairDistances({ river: BASEMAP_COLORS.waterLine, line: color });
  return `| rivers ${BASEMAP_COLORS.waterLine} | ${kv} kV ${color} | ${p!.normal.toFixed(1)} | ${DEFICIENCIES.map((d) => p!.simulated[d].toFixed(1)).join(' | ')} |`;
});
console.log(
  [
    '',
    `| basemap | line | normal | ${DEFICIENCIES.join(' | ')} |`,
    `| --- | --- | ---: | ${DEFICIENCIES.map(() => '---:').join(' | ')} |`,
    ...rivers,
  ].join('\n'),
);
