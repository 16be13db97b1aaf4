import { useCallback, useState } from 'react';
import type { Polygon } from 'geojson';
import { ApiError, type ApiClient, type ApiFeature, type CreateZoneBody } from '../api';
import { useI18n } from '../i18n';
import type { DrawShape } from '../map/zone-editor/draw-shapes';
import type { ZoneEditRequest } from '../map/zone-editor/use-zone-editor';
import { panelKey, zoneOf } from '../selection/selection';
import { useSelect, useSelection } from '../selection/use-selection';
import { useDataWritten } from '../server-state/use-data-written';
import { zoneErrorMessage } from './zone-error';

/** A zone being drawn (new) or reshaped (an existing one), with the polygon the map last reported. */
export type ZoneEditing =
  | { kind: 'new'; request: ZoneEditRequest; geometry: Polygon | null }
  | { kind: 'reshape'; zoneId: number; request: ZoneEditRequest; geometry: Polygon | null };

export interface Feedback {
  tone: 'error' | 'info';
  text: string;
}

type ZoneFields = Omit<CreateZoneBody, 'geometry'>;

/** State that belongs to the panel open when it was set (panelKey): a drawing or a message is dropped with it. */
interface Held<T> {
  panel: string;
  value: T;
}

const heldIn = <T>(held: Held<T> | null, panel: string): T | null =>
  held?.panel === panel ? held.value : null;

/**
 * The inspection-zone workflow: what is being drawn, and the writes. The open zone is the selection's; each write
 * (and a conflict, since the zone was then changed by someone else) invalidates what reads zones.
 */
export function useZoneWorkflow(api: ApiClient) {
  const { t } = useI18n();
  const selection = useSelection();
  const select = useSelect();
  const written = useDataWritten();
  const panel = panelKey(selection);
  const [heldEditing, setHeldEditing] = useState<Held<ZoneEditing> | null>(null);
  const [heldFeedback, setHeldFeedback] = useState<Held<Feedback> | null>(null);
  const [seq, setSeq] = useState(0);
  const [busy, setBusy] = useState(false);
  const editing = heldIn(heldEditing, panel);
  const feedback = heldIn(heldFeedback, panel);
  // Set after a selection change in the same event: the panel is the store's as it is now, not this render's.
  const setEditing = useCallback(
    (value: ZoneEditing | null) => setHeldEditing(value && { panel: panelKey(select.current()), value }),
    [select, setHeldEditing],
  );
  const setFeedback = useCallback(
    (value: Feedback | null) => setHeldFeedback(value && { panel: panelKey(select.current()), value }),
    [select, setHeldFeedback],
  );

  const run = useCallback(
    async (write: () => Promise<void>, done: string) => {
      setBusy(true);
      setFeedback(null);
      try {
        await write();
        setFeedback({ tone: 'info', text: done });
        written('zones');
      } catch (error) {
        setFeedback({ tone: 'error', text: zoneErrorMessage(error, t.zones) });
        if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
          setEditing(null);
          written('zones');
        }
      } finally {
        setBusy(false);
      }
    },
    [written, t, setEditing, setFeedback, setBusy],
  );

  return {
    selected: zoneOf(selection),
    editing,
    feedback,
    busy,
    startDraw: useCallback(
      (shape: DrawShape) => {
        select.closePanel();
        setFeedback(null);
        setEditing({ kind: 'new', request: { kind: 'draw', shape, seq: seq + 1 }, geometry: null });
        setSeq(seq + 1);
      },
      [seq, select, setEditing, setFeedback, setSeq],
    ),
    startReshape: useCallback(
      (zone: ApiFeature<'zones'>) => {
        if (zone.geometry.type !== 'Polygon') return;
        setFeedback(null);
        const request: ZoneEditRequest = { kind: 'edit', geometry: zone.geometry, seq: seq + 1 };
        setEditing({ kind: 'reshape', zoneId: zone.id, request, geometry: null });
        setSeq(seq + 1);
      },
      [seq, setEditing, setFeedback, setSeq],
    ),
    cancel: useCallback(() => setHeldEditing(null), [setHeldEditing]),
    onShape: useCallback(
      (geometry: Polygon) => setHeldEditing((e) => e && { ...e, value: { ...e.value, geometry } }),
      [setHeldEditing],
    ),
    create: (fields: ZoneFields, geometry: Polygon) =>
      run(async () => {
        const zone = await api.createZone({ ...fields, geometry });
        setEditing(null);
        select.zone(zone.id);
      }, t.zones.saved),
    update: (zone: ApiFeature<'zones'>, change: Partial<ZoneFields> & { geometry?: Polygon }) =>
      run(async () => {
        await api.updateZone(zone.id, { ...change, version: zone.properties.version });
        setEditing(null);
      }, t.zones.saved),
    remove: (zone: ApiFeature<'zones'>) =>
      run(async () => {
        await api.deleteZone(zone.id, zone.properties.version);
        select.closePanel();
      }, t.zones.deleted),
  };
}

export type ZoneWorkflow = ReturnType<typeof useZoneWorkflow>;
