import { useI18n } from '../i18n';
import { TABLE_COLUMNS, type TableColumn, type TableSort } from './sort-sites';

interface Props {
  sort: TableSort;
  onSort: (sort: TableSort) => void;
}

/** Column heads that sort: a first press sorts up, the next one down; aria-sort says which way. */
export function TableHeader({ sort, onSort }: Props) {
  const { t } = useI18n();
  const press = (column: TableColumn) =>
    onSort({ column, descending: sort.column === column ? !sort.descending : false });
  return (
    <thead>
      <tr>
        {TABLE_COLUMNS.map((column) => {
          const active = sort.column === column;
          return (
            <th
              key={column}
              scope="col"
              aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
            >
              <button type="button" data-testid={`table-sort-${column}`} onClick={() => press(column)}>
                {t.tableColumns[column]}
                <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
              </button>
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
