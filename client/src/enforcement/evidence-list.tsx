import type { AttachmentOut } from '../api';
import { fill, useI18n } from '../i18n';

/**
 * The evidence a status change took (docs/evidence.md): a thumbnail or the file's name, a download link, and
 * what the server flagged — a photo without a position, or taken more than 1 km from the site.
 */
export function EvidenceList({ attachments }: { attachments: readonly AttachmentOut[] }) {
  const { t, locale } = useI18n();
  return (
    <ul className="evidence-list" data-testid="evidence-list" aria-label={t.evidence.attached}>
      {attachments.map((a) => (
        <li key={a.id} className="evidence-list__item" data-attachment-id={a.id}>
          <a href={`/api/attachments/${a.id}`} download={a.displayName} className="evidence-list__link">
            {a.hasThumbnail ? (
              <img
                src={`/api/attachments/${a.id}/thumbnail`}
                alt={a.displayName}
                className="evidence-list__thumb"
                width={64}
                height={64}
                loading="lazy"
              />
            ) : (
              <span className="evidence-list__name">{a.displayName}</span>
            )}
          </a>
          {a.distanceKm !== null && (
            <span className="evidence-list__distance">
              {fill(t.evidence.distance, {
                km: a.distanceKm.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', {
                  maximumFractionDigits: 2,
                }),
              })}
            </span>
          )}
          {a.flags.map((flag) => (
            <span key={flag} className="evidence-list__flag" data-testid="evidence-flag" data-flag={flag}>
              {t.evidence[flag]}
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}
