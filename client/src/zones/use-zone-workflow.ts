import { useCallback, useState } from 'react';
import type { Polygon } from 'geojson';
import { ApiError, type ApiClient, type ApiFeature, type CreateZoneBody } from '../api';
import { useI18n } from '../i18n';
import type { DrawShape, ZoneEditRequest } from '../map';
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

/**
 * The inspection-zone workflow: which zone is open, what is being drawn, and the writes. `onWritten` is told of
 * every write, and of a conflict too, since the zone was then changed by someone else and must be reloaded.
 */
export function useZoneWorkflow(api: ApiClient, onWritten: () => void) {
  const { t } = useI18n();
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState<ZoneEditing | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [seq, setSeq] = useState(0);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (write: () => Promise<void>, done: string) => {
      setBusy(true);
      setFeedback(null);
      try {
        await write();
        setFeedback({ tone: 'info', text: done });
        onWritten();
      } catch (error) {
        setFeedback({ tone: 'error', text: zoneErrorMessage(error, t.zones) });
        if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
          setEditing(null);
          onWritten();
        }
      } finally {
        setBusy(false);
      }
    },
    [onWritten, t],
  );

  return {
    selected,
    editing,
    feedback,
    busy,
    select: useCallback((id: number | null) => {
      setSelected(id);
      setEditing(null);
      setFeedback(null);
    }, []),
    startDraw: useCallback(
      (shape: DrawShape) => {
        setSelected(null);
        setFeedback(null);
        setEditing({ kind: 'new', request: { kind: 'draw', shape, seq: seq + 1 }, geometry: null });
        setSeq(seq + 1);
      },
      [seq],
    ),
    startReshape: useCallback(
      (zone: ApiFeature<'zones'>) => {
        if (zone.geometry.type !== 'Polygon') return;
        setFeedback(null);
        const request: ZoneEditRequest = { kind: 'edit', geometry: zone.geometry, seq: seq + 1 };
        setEditing({ kind: 'reshape', zoneId: zone.id, request, geometry: null });
        setSeq(seq + 1);
      },
      [seq],
    ),
    cancel: useCallback(() => setEditing(null), []),
    onShape: useCallback((geometry: Polygon) => setEditing((e) => e && { ...e, geometry }), []),
    create: (fields: ZoneFields, geometry: Polygon) =>
      run(async () => {
        const zone = await api.createZone({ ...fields, geometry });
        setEditing(null);
        setSelected(zone.id);
      }, t.zones.saved),
    update: (zone: ApiFeature<'zones'>, change: Partial<ZoneFields> & { geometry?: Polygon }) =>
      run(async () => {
        await api.updateZone(zone.id, { ...change, version: zone.properties.version });
        setEditing(null);
      }, t.zones.saved),
    remove: (zone: ApiFeature<'zones'>) =>
      run(async () => {
        await api.deleteZone(zone.id, zone.properties.version);
        setSelected(null);
      }, t.zones.deleted),
  };
}

export type ZoneWorkflow = ReturnType<typeof useZoneWorkflow>;
