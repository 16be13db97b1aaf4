import { useEffect, useRef, useState } from 'react';
import type { PmtilesBasemap } from '@gridwatch/contract';
import type { ApiClient, Bbox } from '../api';
import { fill, useI18n } from '../i18n';
import { areaCache } from './cache-names';
import { bboxOf } from './bbox';
import { downloadArea, prepareArea, type DownloadProgress, type PreparedArea } from './save-area';
import { addArea, ageOf, megabytes, readAreas, removeArea, type SavedArea } from './saved-areas';
import './offline.css';

/**
 * The budget of one area: what a phone keeps for a day's work without crowding out its photos. An inspection
 * zone (a few sites, 20 km across) is a few MB to a few tens with the basemap to z15 (docs/offline.md).
 */
export const AREA_BUDGET_BYTES = 150_000_000;

type Step =
  | { kind: 'idle' }
  | { kind: 'preparing' }
  | { kind: 'planned'; prepared: PreparedArea; name: string }
  | { kind: 'downloading'; progress: DownloadProgress; name: string }
  | { kind: 'note'; message: string; error: boolean };

interface Props {
  api: ApiClient;
  /** The open inspection zone, saved in preference to the view. */
  zoneId: number | null;
  view: Bbox | null;
  pmtiles: PmtilesBasemap | null;
}

/**
 * Saving areas for offline (test ids `offline-save`, `offline-areas`): the open zone's box, else the visible
 * area; the estimate against the budget first, then the download with a progress bar and a cancel; the saved
 * areas with their size and age, each deletable (with its cache).
 */
export function OfflineAreasSection({ api, zoneId, view, pmtiles }: Props) {
  const { t } = useI18n();
  const [areas, setAreas] = useState<SavedArea[]>(() => readAreas(localStorage));
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => () => abort.current?.abort(), []);

  const plan = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setStep({ kind: 'preparing' });
    try {
      let bbox: Bbox;
      let name: string;
      if (zoneId !== null) {
        const zone = await api.zone(zoneId, controller.signal);
        bbox = bboxOf(zone.geometry);
        name = zone.properties.name;
      } else if (view) {
        bbox = view;
        name = fill(t.offlineAreas.viewName, {
          lon: ((view[0] + view[2]) / 2).toFixed(2),
          lat: ((view[1] + view[3]) / 2).toFixed(2),
        });
      } else return setStep({ kind: 'idle' });
      const prepared = await prepareArea(bbox, pmtiles, AREA_BUDGET_BYTES, controller.signal);
      setStep({ kind: 'planned', prepared, name });
    } catch (error) {
      setStep(failed(error));
    }
  };

  const failed = (error: unknown): Step =>
    (error as Error).name === 'AbortError'
      ? { kind: 'note', message: t.offlineAreas.cancelled, error: false }
      : {
          kind: 'note',
          message: fill(t.offlineAreas.failed, { message: (error as Error).message }),
          error: true,
        };

  const download = async (prepared: PreparedArea, name: string) => {
    const controller = new AbortController();
    abort.current = controller;
    const id = crypto.randomUUID();
    const total = prepared.plan.urls.length;
    setStep({ kind: 'downloading', progress: { done: 0, total, bytes: 0 }, name });
    try {
      const saved = await downloadArea(
        id,
        prepared,
        (progress) => setStep({ kind: 'downloading', progress, name }),
        controller.signal,
      );
      setAreas(
        addArea(localStorage, {
          id,
          name,
          bbox: prepared.bbox,
          savedAt: new Date().toISOString(),
          bytes: saved.bytes,
          urlCount: saved.urlCount,
          sitesUrl: prepared.sitesUrl,
          basemapMaxZoom: prepared.plan.basemapMaxZoom,
        }),
      );
      setNow(new Date());
      setStep({ kind: 'idle' });
    } catch (error) {
      setStep(failed(error));
    }
  };

  const remove = async (area: SavedArea) => {
    await caches.delete(areaCache(area.id));
    setAreas(removeArea(localStorage, area.id));
  };

  const ageText = (area: SavedArea) => {
    const { unit, count } = ageOf(area.savedAt, now);
    const message = { min: t.offlineAreas.ageMin, h: t.offlineAreas.ageH, d: t.offlineAreas.ageD }[unit];
    return fill(message, { n: count });
  };
  const budget = megabytes(AREA_BUDGET_BYTES).replace(/\.0$/, '');
  const busy = step.kind === 'preparing' || step.kind === 'downloading' || step.kind === 'planned';

  return (
    <section className="panel-section" aria-labelledby="offline-areas-title">
      <h2 id="offline-areas-title" className="panel-section__title">
        {t.offlineAreas.title}
      </h2>
      <button
        type="button"
        className="button"
        data-testid="offline-save"
        disabled={busy || (zoneId === null && !view) || typeof caches === 'undefined'}
        onClick={() => void plan()}
      >
        {zoneId !== null ? t.offlineAreas.saveZone : t.offlineAreas.saveView}
      </button>
      {step.kind === 'preparing' && <p className="panel-note">{t.offlineAreas.preparing}</p>}
      {step.kind === 'planned' && (
        <div className="offline-plan" data-testid="offline-estimate">
          <p className={step.prepared.plan.fits ? 'panel-note' : 'panel-note panel-note--error'}>
            {fill(
              !step.prepared.plan.fits
                ? t.offlineAreas.tooLarge
                : step.prepared.plan.basemapMaxZoom === null
                  ? t.offlineAreas.estimateNoBasemap
                  : t.offlineAreas.estimate,
              {
                mb: megabytes(step.prepared.plan.estimatedBytes),
                count: step.prepared.plan.urls.length,
                zoom: step.prepared.plan.basemapMaxZoom ?? '',
                budget,
              },
            )}
          </p>
          <div className="offline-plan__actions">
            {step.prepared.plan.fits && (
              <button
                type="button"
                className="button button--primary"
                data-testid="offline-download"
                onClick={() => void download(step.prepared, step.name)}
              >
                {t.offlineAreas.download}
              </button>
            )}
            <button type="button" className="button" onClick={() => setStep({ kind: 'idle' })}>
              {t.offlineAreas.cancel}
            </button>
          </div>
        </div>
      )}
      {step.kind === 'downloading' && (
        <div className="offline-plan">
          <progress
            className="offline-plan__progress"
            data-testid="offline-progress"
            max={step.progress.total}
            value={step.progress.done}
            aria-label={step.name}
          />
          <p className="panel-note" aria-live="polite">
            {fill(t.offlineAreas.progress, {
              done: step.progress.done,
              total: step.progress.total,
              mb: megabytes(step.progress.bytes),
            })}
          </p>
          <button
            type="button"
            className="button"
            data-testid="offline-cancel"
            onClick={() => abort.current?.abort()}
          >
            {t.offlineAreas.cancel}
          </button>
        </div>
      )}
      {step.kind === 'note' && (
        <p className={step.error ? 'panel-note panel-note--error' : 'panel-note'} role="status">
          {step.message}
        </p>
      )}
      <ul className="offline-areas" data-testid="offline-areas">
        {areas.length === 0 && <li className="panel-note">{t.offlineAreas.none}</li>}
        {areas.map((area) => (
          <li key={area.id} className="offline-areas__row" data-area-id={area.id}>
            <span className="offline-areas__name">{area.name}</span>
            <span className="offline-areas__meta" data-testid="offline-area-meta">
              {fill(t.offlineAreas.row, { mb: megabytes(area.bytes), age: ageText(area) })}
            </span>
            <button
              type="button"
              className="button button--small"
              data-testid="offline-area-delete"
              aria-label={fill(t.offlineAreas.deleteLabel, { name: area.name })}
              onClick={() => void remove(area)}
            >
              {t.offlineAreas.delete}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
