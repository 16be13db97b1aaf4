import { useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient, ApiFeature } from '../api';
import { ExportLinks } from '../export/export-links';
import { localName, useI18n } from '../i18n';
import { formatNumber } from '../panels/format';
import { sortSites, type TableSort } from './sort-sites';
import { TableHeader } from './table-header';
import { TablePager } from './table-pager';
import { useTableSites, type TableScope } from './use-table-sites';

const PAGE_SIZE = 100;

interface Props {
  api: ApiClient;
  scope: TableScope;
  /** The site under the pointer, on the map or in the table. */
  hovered: number | null;
  onHover: (site: ApiFeature<'sites'> | null) => void;
  /** The site whose popup is open: its row is brought into view. */
  selected: number | null;
  onChoose: (site: ApiFeature<'sites'>) => void;
}

/** The sites of the view or of a zone as rows: sorted, paged, and linked both ways to the map. */
export function AttributeTable({ api, scope, hovered, onHover, selected, onChoose }: Props) {
  const { t, locale } = useI18n();
  const { data, error } = useTableSites(api, scope);
  const [sort, setSort] = useState<TableSort>({ column: 'loadMw', descending: true });
  const [page, setPage] = useState(0);
  const rows = useMemo(
    () =>
      sortSites(data?.sites ?? [], sort, (s) => localName(s.properties, locale), new Intl.Collator(locale)),
    [data, sort, locale],
  );
  const pages = Math.ceil(rows.length / PAGE_SIZE);
  const shownPage = Math.min(page, Math.max(pages - 1, 0));
  const body = useRef<HTMLTableSectionElement>(null);

  // A site chosen on the map: turn to its page, then bring its row into view.
  const selectedIndex = selected === null ? -1 : rows.findIndex((s) => s.id === selected);
  // Adjusted while rendering, not in an effect, so the page turns in the same paint as the selection.
  const [seenIndex, setSeenIndex] = useState(selectedIndex);
  if (selectedIndex !== seenIndex) {
    setSeenIndex(selectedIndex);
    if (selectedIndex >= 0) setPage(Math.floor(selectedIndex / PAGE_SIZE));
  }
  useEffect(() => {
    body.current?.querySelector(`[data-site-id="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected, shownPage]);

  return (
    <section className="attribute-table" data-testid="attribute-table" aria-labelledby="table-title">
      <header className="attribute-table__header">
        <h2 id="table-title" className="panel-section__title">
          {t.table.title}
        </h2>
        <span className="panel-note">{'zoneId' in scope ? t.table.inZone : t.table.inView}</span>
        <TablePager page={shownPage} pages={pages} total={rows.length} onPage={setPage} />
        <ExportLinks scope={scope} testIdPrefix="table-export" />
      </header>
      {error && <p className="panel-note panel-note--error">{error.message}</p>}
      {data?.truncated && <p className="panel-note">{t.table.truncated}</p>}
      <div className="attribute-table__scroll">
        <table>
          <TableHeader sort={sort} onSort={setSort} />
          <tbody ref={body} onMouseLeave={() => onHover(null)}>
            {rows.slice(shownPage * PAGE_SIZE, (shownPage + 1) * PAGE_SIZE).map((site) => (
              <tr
                key={site.id}
                data-site-id={site.id}
                aria-selected={site.id === selected}
                className={site.id === hovered ? 'is-hovered' : undefined}
                onMouseEnter={() => onHover(site)}
                // A click anywhere on the row opens its site; the name's button (for the keyboard) bubbles here.
                onClick={() => onChoose(site)}
              >
                <td>
                  <button type="button">{localName(site.properties, locale)}</button>
                </td>
                <td>{t.statuses[site.properties.status]}</td>
                <td className="attribute-table__number">{formatNumber(locale, site.properties.loadMw)}</td>
                <td>{site.properties.operator}</td>
                <td>{site.properties.externalId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
