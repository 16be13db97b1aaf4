import type { ApiClient } from '../api';
import { EvidenceList } from './evidence-list';
import { fill, useI18n } from '../i18n';
import { useApiQuery } from '../server-state/use-api-query';
import { queryKey } from '../server-state/query-keys';
import { formatInstant } from '../time/format-time';

/** The site's status changes as the API lists them, newest first: when, who, from → to, note, zone. */
export function SiteHistory({ api, siteId }: { api: ApiClient; siteId: number }) {
  const { t } = useI18n();
  const history = useApiQuery(queryKey('site-history', siteId), (signal) => api.history(siteId, signal));
  return (
    <section className="site-history" data-testid="site-history" aria-busy={history.loading}>
      <h3 className="panel-section__title">{t.history.title}</h3>
      {history.error && (
        <p className="panel-note panel-note--error">
          {fill(t.loadFailed, { what: t.history.title, message: history.error.message })}
        </p>
      )}
      {history.data?.length === 0 && <p className="panel-note">{t.history.empty}</p>}
      <ol className="site-history__list">
        {history.data?.map((change) => (
          <li
            key={change.id}
            className="site-history__item"
            data-change-id={change.id}
            data-to={change.toStatus}
          >
            <div className="site-history__meta">
              {change.observedAt === null ? (
                <time dateTime={change.at}>{formatInstant(change.at)}</time>
              ) : (
                // A change made offline: when the crew made it, and when it reached the server (docs/offline.md).
                <span data-testid="history-observed">
                  {fill(t.history.observed, {
                    observed: formatInstant(change.observedAt),
                    recorded: formatInstant(change.at),
                  })}
                </span>
              )}{' '}
              · {change.username}
              {change.zoneId !== null && <> · {fill(t.history.zone, { id: change.zoneId })}</>}
            </div>
            <div className="site-history__change">
              {change.fromStatus ? t.statuses[change.fromStatus] : t.history.created} →{' '}
              {t.statuses[change.toStatus]}
            </div>
            <p className="site-history__note">{change.note}</p>
            {change.attachments.length > 0 && <EvidenceList attachments={change.attachments} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
