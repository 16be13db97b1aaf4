import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './root';
import { I18nProvider } from './i18n';
import { registerWorker } from './offline/register-worker';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-600.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// The worker only in the built app: in development it would serve old scripts over the ones being edited.
if (import.meta.env.PROD) registerWorker();

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <Root />
    </I18nProvider>
  </StrictMode>,
);
