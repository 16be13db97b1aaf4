import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import '../import/import-dialog.css';

/**
 * A dialog over the app with its title and a close button. Esc closes it, and only it: the dialog listens before
 * the app's own Esc (app.tsx), which would otherwise close the panel behind it.
 */
export function Modal({
  title,
  testId,
  onClose,
  wide = false,
  children,
}: {
  title: string;
  testId: string;
  onClose: () => void;
  wide?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      close.current();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
  return (
    <div className="modal" role="presentation">
      <section
        className={`modal__dialog${wide ? ' modal__dialog--wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${testId}-title`}
        data-testid={testId}
      >
        <header className="floating-panel__header">
          <h2 id={`${testId}-title`} className="feature-details__title">
            {title}
          </h2>
          <button type="button" className="floating-panel__close" aria-label={t.close} onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </section>
    </div>
  );
}
