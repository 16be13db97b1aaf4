import { useState } from 'react';
import { useI18n } from '../i18n';

/** Deleting asks once more, in the panel: a zone is the record of an inspection campaign. */
export function ZoneDelete({ disabled, onDelete }: { disabled: boolean; onDelete: () => void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className="button button--danger"
        data-testid="zone-delete"
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {t.zones.delete}
      </button>
    );
  }
  return (
    <div className="zone-delete" role="group">
      <p className="panel-note">{t.zones.confirmDelete}</p>
      <button
        type="button"
        className="button button--danger"
        data-testid="zone-delete-confirm"
        onClick={() => {
          setAsking(false);
          onDelete();
        }}
      >
        {t.zones.deleteConfirm}
      </button>
      <button type="button" className="button" onClick={() => setAsking(false)}>
        {t.zones.keep}
      </button>
    </div>
  );
}
