import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { compose } from './app/compose';
import { DatabaseGuard } from './app/DatabaseGuard';
import { I18nProvider } from './app/i18n';

const services = compose();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <DatabaseGuard db={services.db}>
        <App services={services} />
      </DatabaseGuard>
    </I18nProvider>
  </StrictMode>,
);
