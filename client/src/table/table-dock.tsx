import { useState } from 'react';
import type { ApiClient, ApiFeature } from '../api';
import { useI18n } from '../i18n';
import { AttributeTable } from './attribute-table';
import type { TableScope } from './use-table-sites';
import './attribute-table.css';

interface Props {
  api: ApiClient;
  scope: TableScope | null;
  hovered: number | null;
  onHover: (site: ApiFeature<'sites'> | null) => void;
  selected: number | null;
  onChoose: (site: ApiFeature<'sites'>) => void;
}

/** The attribute table under the map, behind a button so that the map keeps its room until it is wanted. */
export function TableDock({ scope, ...table }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <div className="table-dock">
      <button
        type="button"
        className="button table-dock__toggle"
        data-testid="table-toggle"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {t.table.open}
      </button>
      {open && scope && <AttributeTable scope={scope} {...table} />}
    </div>
  );
}
