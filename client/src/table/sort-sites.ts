import type { ApiFeature } from '../api';

export const TABLE_COLUMNS = ['name', 'status', 'loadMw', 'operator', 'externalId'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

export interface TableSort {
  column: TableColumn;
  descending: boolean;
}

type Site = ApiFeature<'sites'>;

/**
 * The rows in the order asked for, ties broken by id so that a page always holds the same rows. Names compare
 * as shown (`label`), in the language's collation.
 */
export function sortSites(
  sites: readonly Site[],
  { column, descending }: TableSort,
  label: (site: Site) => string,
  collator: Intl.Collator,
): Site[] {
  const value = (site: Site) => (column === 'name' ? label(site) : site.properties[column]);
  const compare = (a: Site, b: Site) => {
    const [x, y] = [value(a), value(b)];
    const byValue =
      typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return (descending ? -byValue : byValue) || a.id - b.id;
  };
  return [...sites].sort(compare);
}
