import { fill, useI18n } from '../i18n';
import { useOfflineSince } from './offline-since';
import './offline.css';

/**
 * "Offline since …" (test id `offline-status`): a band across the top of the app while the server cannot be
 * reached, so that a crew never takes the saved copy for the server's current data.
 */
export function OfflineStatus() {
  const { t, locale } = useI18n();
  const since = useOfflineSince();
  if (!since) return null;
  const time = since.toLocaleTimeString(locale === 'zh' ? 'zh-CN' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <div className="offline-status" data-testid="offline-status" role="status">
      {fill(t.offlineAreas.offlineSince, { time })}
    </div>
  );
}
