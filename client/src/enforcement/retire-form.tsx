import { useState, type FormEvent } from 'react';
import { ApiError, type ApiClient, type ApiFeature } from '../api';
import { useI18n } from '../i18n';
import { retirementBody } from './retire-site';

interface Props {
  api: ApiClient;
  site: ApiFeature<'sites'>;
  /** The site is retired: it is gone from every read, so the popup closes. */
  onRetired: () => void;
  /** The site was changed by someone else: it must be reloaded, and the user told. */
  onConflict: () => void;
}

/** An admin's way to retire a wrong site: asks for the reason first, then retires it at the version shown. */
export function RetireForm({ api, site, onRetired, onConflict }: Props) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const body = retirementBody(reason, site.properties.version);

  if (!asking) {
    return (
      <button
        type="button"
        className="button button--danger"
        data-testid="site-retire"
        onClick={() => setAsking(true)}
      >
        {t.retire.action}
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body) return;
    setBusy(true);
    setError(null);
    api
      .retireSite(site.id, body)
      .then(onRetired)
      .catch((e: unknown) => {
        setBusy(false);
        if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') onConflict();
        else setError(e instanceof Error ? e.message : String(e));
      });
  };
  return (
    <form className="form retire-form" onSubmit={submit} data-testid="site-retire-form">
      <h3 className="panel-section__title">{t.retire.title}</h3>
      <p className="panel-note">{t.retire.explain}</p>
      <label>
        {t.retire.reason}
        <textarea
          data-testid="site-retire-reason"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      {error && (
        <p className="form__problem" role="alert">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="button button--danger"
        data-testid="site-retire-confirm"
        disabled={!body || busy}
      >
        {t.retire.confirm}
      </button>
      <button type="button" className="button" onClick={() => setAsking(false)}>
        {t.retire.cancel}
      </button>
    </form>
  );
}
