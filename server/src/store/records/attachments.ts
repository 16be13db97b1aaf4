import type { AttachmentOut } from '@gridwatch/contract';
import { gpsFlags, type AcceptedEvidence } from '../../domain/evidence';
import { nowIso, type Db, type Tx } from './db';
import { siteInScope } from './scope-where';
import { writeTransaction } from './idempotency';

/** An upload not taken by a status change within a day is removed (with its bytes, if nothing else uses them). */
const UNATTACHED_TTL_MS = 24 * 60 * 60 * 1000;

type AttachmentRow = {
  id: number;
  sha256: string;
  type: string;
  size: number;
  displayName: string;
  gpsLon: number | null;
  gpsLat: number | null;
  uploadedBy: string;
  statusChangeId: number | null;
  distanceKm: number | null;
  flags: string;
  content?: { thumbnail: Uint8Array | null } | null;
};

const SUMMARY = {
  id: true,
  sha256: true,
  type: true,
  size: true,
  displayName: true,
  gpsLon: true,
  gpsLat: true,
  uploadedBy: true,
  statusChangeId: true,
  distanceKm: true,
  flags: true,
} as const;

export const toAttachmentOut = (row: AttachmentRow, hasThumbnail: boolean): AttachmentOut => ({
  id: row.id,
  sha256: row.sha256,
  type: row.type as AttachmentOut['type'],
  bytes: row.size,
  displayName: row.displayName,
  flags: JSON.parse(row.flags) as AttachmentOut['flags'],
  distanceKm: row.distanceKm,
  hasThumbnail,
});

/** Who may read an attachment: any reader once a status change took it, only its uploader before. */
export interface AttachmentAccess {
  uploadedBy: string;
  statusChangeId: number | null;
}

/** Why a status change cannot take an attachment: it is not there, someone else's, or taken already. */
export interface AttachmentRefusal {
  id: number;
  reason: string;
}

/** The uploads a status change may take, as read once: every one the uploader's own and not taken yet. */
export type TakeableAttachments = { ok: true; rows: (AttachmentRow & { hasThumbnail: boolean })[] };

/** Reads the uploads a status change by `username` names: all of them takeable, or why the first is not. */
export async function takeableAttachments(
  tx: Tx,
  ids: readonly number[],
  username: string,
): Promise<TakeableAttachments | { ok: false; refusal: AttachmentRefusal }> {
  const found = await tx.attachment.findMany({
    where: { id: { in: [...ids] } },
    select: { ...SUMMARY, content: { select: { thumbnail: true } } },
  });
  const byId = new Map(found.map((row) => [row.id, row]));
  const rows = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row || row.uploadedBy !== username) {
      return { ok: false, refusal: { id, reason: `no upload of yours with id ${id}` } };
    }
    if (row.statusChangeId !== null) {
      return { ok: false, refusal: { id, reason: `upload ${id} belongs to another status change` } };
    }
    rows.push({ ...row, hasThumbnail: row.content.thumbnail !== null });
  }
  return { ok: true, rows };
}

/**
 * Takes the uploads read by takeableAttachments into status change `changeId` inside its transaction, each
 * flagged against the site's position (docs/evidence.md: a photo without GPS, or more than 1 km away); returns
 * them as the change lists them.
 */
export async function takeAttachments(
  tx: Tx,
  changeId: number,
  takeable: TakeableAttachments,
  site: { lon: number; lat: number },
): Promise<AttachmentOut[]> {
  const taken: AttachmentOut[] = [];
  for (const row of takeable.rows) {
    const gps = row.gpsLon === null || row.gpsLat === null ? null : { lon: row.gpsLon, lat: row.gpsLat };
    const check = row.type === 'application/pdf' ? { flags: [], distanceKm: null } : gpsFlags(gps, site);
    const flags = JSON.stringify(check.flags);
    await tx.attachment.update({
      where: { id: row.id },
      data: { statusChangeId: changeId, distanceKm: check.distanceKm, flags },
    });
    taken.push(toAttachmentOut({ ...row, distanceKm: check.distanceKm, flags }, row.hasThumbnail));
  }
  return taken;
}

/** Evidence files: stored once per content, in the store's transaction with their row (docs/evidence.md). */
export class AttachmentsRepository {
  constructor(private readonly db: Db) {}

  /** Stores an inspected upload for its uploader; removes the uploads nobody took within a day. */
  async create(
    file: AcceptedEvidence,
    bytes: Uint8Array,
    thumbnail: Uint8Array | null,
    username: string,
  ): Promise<AttachmentOut> {
    return writeTransaction(this.db, async (tx) => {
      // Uploads nobody took within a day go, and with them the bytes that no other upload shares.
      const cutoff = new Date(Date.now() - UNATTACHED_TTL_MS).toISOString();
      const expired = await tx.attachment.findMany({
        where: { statusChangeId: null, uploadedAt: { lt: cutoff } },
        select: { id: true, sha256: true },
      });
      if (expired.length > 0) {
        await tx.attachment.deleteMany({ where: { id: { in: expired.map((e) => e.id) } } });
        await tx.attachmentContent.deleteMany({
          where: { sha256: { in: [...new Set(expired.map((e) => e.sha256))] }, attachments: { none: {} } },
        });
      }
      await tx.attachmentContent.upsert({
        where: { sha256: file.sha256 },
        create: {
          sha256: file.sha256,
          bytes: Uint8Array.from(bytes),
          thumbnail: thumbnail && Uint8Array.from(thumbnail),
        },
        update: {},
      });
      const row = await tx.attachment.create({
        data: {
          sha256: file.sha256,
          type: file.type,
          size: file.size,
          displayName: file.displayName,
          width: file.width ?? null,
          height: file.height ?? null,
          gpsLon: file.gps?.lon ?? null,
          gpsLat: file.gps?.lat ?? null,
          uploadedBy: username,
          uploadedAt: nowIso(),
          // Until a status change takes it, only a missing position can be said of a photo.
          flags: JSON.stringify(file.type !== 'application/pdf' && !file.gps ? ['NO_GPS'] : []),
        },
        select: SUMMARY,
      });
      return toAttachmentOut(row, thumbnail !== null);
    });
  }

  /**
   * Who may read it, or null when there is no such attachment or it belongs to a status change of a site outside
   * the request's scope (a utility's user reads only its own sites' evidence).
   */
  async access(id: number): Promise<AttachmentAccess | null> {
    return this.db.attachment.findFirst({
      where: { id, OR: [{ statusChangeId: null }, { statusChange: { site: siteInScope() } }] },
      select: { uploadedBy: true, statusChangeId: true },
    });
  }

  /** The stored bytes (or the thumbnail) with the type they are served as. */
  async content(
    id: number,
    which: 'file' | 'thumbnail',
  ): Promise<{ bytes: Uint8Array; type: string; displayName: string } | null> {
    const row = await this.db.attachment.findFirst({
      where: { id },
      select: { type: true, displayName: true, content: { select: { bytes: true, thumbnail: true } } },
    });
    if (!row) return null;
    if (which === 'file') return { bytes: row.content.bytes, type: row.type, displayName: row.displayName };
    if (!row.content.thumbnail) return null;
    return { bytes: row.content.thumbnail, type: 'image/webp', displayName: `${row.displayName}.webp` };
  }

  /** The attachments of these status changes, by change id, in upload order. */
  async ofChanges(changeIds: readonly number[]): Promise<Map<number, AttachmentOut[]>> {
    const byChange = new Map<number, AttachmentOut[]>();
    if (changeIds.length === 0) return byChange;
    const rows = await this.db.attachment.findMany({
      where: { statusChangeId: { in: [...changeIds] } },
      select: { ...SUMMARY, content: { select: { thumbnail: true } } },
      orderBy: { id: 'asc' },
    });
    for (const row of rows) {
      const list = byChange.get(row.statusChangeId!) ?? [];
      list.push(toAttachmentOut(row, row.content.thumbnail !== null));
      byChange.set(row.statusChangeId!, list);
    }
    return byChange;
  }
}
