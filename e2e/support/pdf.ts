import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Reads a PDF back with Debian's poppler-utils (STACK.md, Printing), as a person would see it: its text laid out
 * as on the page, its page count, and the pictures on a page.
 */
const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

/** The text in reading layout: a table's row stays on one line. */
export const pdfText = (file: string) => run('pdftotext', ['-layout', file, '-']);

export function pdfPages(file: string): number {
  const pages = /^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [file]))?.[1];
  if (!pages) throw new Error(`pdfinfo gave no page count for ${file}`);
  return Number(pages);
}

/** An image of a page, as poppler extracts it: its size and how many distinct colours it holds. */
export interface PdfImage {
  width: number;
  height: number;
  colours: number;
}

/** The colour (PPM) images of one page; a blank map picture has one or two colours. */
export function pdfPageImages(file: string, page: number, dir: string): PdfImage[] {
  const prefix = path.join(dir, `page-${page}`);
  run('pdfimages', ['-f', String(page), '-l', String(page), file, prefix]);
  return readdirSync(dir)
    .filter((name) => name.startsWith(`page-${page}-`) && name.endsWith('.ppm'))
    .map((name) => readPpm(readFileSync(path.join(dir, name))));
}

/** A binary PPM (P6, 8 bits): "P6 <width> <height> 255" then RGB bytes. */
function readPpm(bytes: Buffer): PdfImage {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not an 8-bit binary PPM');
  const [whole, w, h] = header;
  const width = Number(w);
  const height = Number(h);
  const colours = new Set<number>();
  for (let i = whole.length; i + 2 < bytes.length; i += 3)
    colours.add(((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0));
  return { width, height, colours: colours.size };
}

/** Page `page` as a PNG at `dpi`, for a person to look at: `<out>.png`. */
export function renderPage(file: string, page: number, dpi: number, out: string): void {
  run('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    out,
  ]);
}
