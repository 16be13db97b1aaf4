/**
 * Cells and rows of exported CSV (RFC 4180), safe to open in a spreadsheet: a text cell that begins with
 * =, +, -, @, tab or carriage return would be run as a formula by Excel or LibreOffice, so it is prefixed with
 * an apostrophe (OWASP's advice). Numbers are written as numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (values: readonly unknown[]) => `${values.map(csvCell).join(',')}\r\n`;
