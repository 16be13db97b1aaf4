import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';

const KEY = 'gridwatch.mapKeyOpen';

function storedOpen(): boolean {
  try {
    return localStorage.getItem(KEY) === 'true';
  } catch {
    return false;
  }
}

function storeOpen(open: boolean): void {
  try {
    localStorage.setItem(KEY, String(open));
  } catch {
    // Not remembered: the choice still holds for this page.
  }
}

/**
 * The map's key over the map: the layer switches and the legend, behind a button (aria-expanded, so the
 * keyboard reaches and opens it). Closed at first, so that it covers no part of the map a user has not asked
 * for; the choice is remembered on this browser. Closed, its content stays in the page, hidden.
 */
export function MapKey({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(storedOpen);
  const toggle = () => {
    storeOpen(!open);
    setOpen(!open);
  };
  return (
    <section className={`map-key${open ? ' map-key--open' : ''}`} aria-label={t.layout.mapKey}>
      <button
        type="button"
        className="map-key__toggle button"
        data-testid="map-key-toggle"
        aria-expanded={open}
        aria-controls="map-key-body"
        onClick={toggle}
      >
        {t.layout.mapKey} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div id="map-key-body" className="map-key__body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
