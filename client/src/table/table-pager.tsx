import { fill, useI18n } from '../i18n';

interface Props {
  page: number;
  pages: number;
  total: number;
  onPage: (page: number) => void;
}

/** Previous and next page, and where the reader is among the rows. */
export function TablePager({ page, pages, total, onPage }: Props) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US');
  return (
    <div className="attribute-table__pager">
      <button
        type="button"
        disabled={page === 0}
        onClick={() => onPage(page - 1)}
        aria-label={t.table.previous}
      >
        ‹
      </button>
      <span data-testid="table-page" aria-live="polite">
        {fill(t.table.page, {
          page: number.format(page + 1),
          pages: number.format(Math.max(pages, 1)),
          total: number.format(total),
        })}
      </span>
      <button
        type="button"
        disabled={page >= pages - 1}
        onClick={() => onPage(page + 1)}
        aria-label={t.table.next}
      >
        ›
      </button>
    </div>
  );
}
