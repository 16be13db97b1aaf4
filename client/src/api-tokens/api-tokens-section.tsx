import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ApiClient } from '../api';
import { fill, useI18n } from '../i18n';
import { queryKey } from '../server-state/query-keys';
import { useApiQuery } from '../server-state/use-api-query';
import { DayInput } from '../time/day-input';
import { formatInstant } from '../time/format-time';
import './api-tokens.css';

interface Props {
  api: ApiClient;
}

/**
 * Admins issue, list and revoke the read-only API tokens that QGIS, GDAL and ArcGIS use (docs/gis-clients.md).
 * A new token is shown here once, right after it is issued; the list never holds it.
 */
export function ApiTokensSection({ api }: Props) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const key = queryKey('api-tokens');
  const tokens = useApiQuery(key, (signal) => api.apiTokens(signal));
  const [name, setName] = useState('');
  const [username, setUsername] = useState('');
  const [expires, setExpires] = useState('');
  const [fresh, setFresh] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const act = async (work: () => Promise<void>) => {
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
    await queries.invalidateQueries({ queryKey: key });
  };
  const issue = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      // The day is a Beijing day (docs/ui.md): the token works to its end there, whatever the browser's zone.
      const expiresAt = expires ? new Date(`${expires}T23:59:59+08:00`).toISOString() : undefined;
      const issued = await api.issueApiToken({ name, username, ...(expiresAt ? { expiresAt } : {}) });
      setFresh(issued.token);
      setName('');
    });
  };

  return (
    <section className="panel-section" aria-labelledby="api-tokens-title" data-testid="api-tokens">
      <h2 id="api-tokens-title" className="panel-section__title">
        {t.apiTokens.title}
      </h2>
      <form onSubmit={issue} className="api-tokens__form">
        <label>
          {t.apiTokens.name}
          <input
            value={name}
            required
            data-testid="api-token-name"
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label>
          {t.apiTokens.username}
          <input
            value={username}
            required
            data-testid="api-token-username"
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          {t.apiTokens.expires} (YYYY-MM-DD)
          <DayInput
            value={expires}
            data-testid="api-token-expires"
            onDay={setExpires}
            onEmpty={() => setExpires('')}
          />
        </label>
        <button type="submit" className="button" data-testid="api-token-issue">
          {t.apiTokens.issue}
        </button>
      </form>
      {fresh && (
        <p className="panel-note api-tokens__fresh" data-testid="api-token-fresh">
          {t.apiTokens.shownOnce} <code>{fresh}</code>
        </p>
      )}
      {problem && <p className="panel-note panel-note--error">{problem}</p>}
      {tokens.data?.length === 0 && <p className="panel-note">{t.apiTokens.empty}</p>}
      <ul className="api-tokens__list" data-testid="api-token-list">
        {tokens.data?.map((token) => (
          <li key={token.id} data-token-id={token.id}>
            {token.name} · {token.username} ({token.role}) ·{' '}
            {token.expiresAt && `${fill(t.apiTokens.expiresOn, { when: formatInstant(token.expiresAt) })} · `}
            {fill(t.apiTokens.lastUsed, {
              when: token.lastUsedAt ? formatInstant(token.lastUsedAt) : t.apiTokens.never,
            })}
            {token.revokedAt ? (
              ` · ${t.apiTokens.revoked}`
            ) : (
              <button
                type="button"
                className="button"
                data-testid="api-token-revoke"
                onClick={() => void act(() => api.revokeApiToken(token.id))}
              >
                {t.apiTokens.revoke}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
