import { useId, useState, type KeyboardEvent } from 'react';
import type { ApiClient, SearchHit } from '../api';
import { localName, useI18n } from '../i18n';
import { useSearch } from './use-search';

/** The input's id, for the shortcut that jumps to it. */
export const SEARCH_INPUT_ID = 'search-input';

interface Props {
  api: ApiClient;
  onChoose: (hit: SearchHit) => void;
}

/**
 * The search box, an ARIA combobox: typing lists the hits, ↑/↓ move through them (the input keeps the focus;
 * aria-activedescendant names the active one), Enter chooses, Esc closes.
 */
export function SearchBox({ api, onChoose }: Props) {
  const { t, locale } = useI18n();
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const hits = useSearch(api, text);
  const shown = open && text.trim() !== '';
  const optionId = (i: number) => `${listId}-${i}`;
  const choose = (hit: SearchHit) => {
    setOpen(false);
    setText(localName(hit, locale));
    onChoose(hit);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step !== undefined && hits.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (a + step + hits.length) % hits.length);
    } else if (event.key === 'Enter' && shown && hits[active]) {
      event.preventDefault();
      choose(hits[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };
  return (
    <section className="panel-section search-box">
      <input
        type="search"
        role="combobox"
        id={SEARCH_INPUT_ID}
        data-testid="search-input"
        aria-label={t.search.label}
        placeholder={t.search.placeholder}
        aria-expanded={shown && hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && hits[active] ? optionId(active) : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t.search.results}
        data-testid="search-results"
        hidden={!shown}
      >
        {hits.map((hit, i) => (
          <li
            key={`${hit.layer}:${hit.id}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            data-layer={hit.layer}
            data-id={hit.id}
            // mousedown, not click: a click would blur the input first, and closing the list would lose the hit.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(hit);
            }}
          >
            <span className="search-box__name">{localName(hit, locale)}</span>
            <span className="search-box__meta">
              {t.layerNames[hit.layer]} · {hit.externalId}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
