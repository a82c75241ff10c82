import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { compose } from './app/compose';
import { DatabaseGuard } from './app/DatabaseGuard';
import { loadAppFonts } from './app/fonts';
import { I18nProvider } from './ui/i18n';

const services = compose();
const settle = () => services.workbench.whenSaved();
const freeze = () => services.workbench.freeze();
// The faces are loaded before the first article is laid out, so it is shaped once (app/fonts.ts); never more
// than 1.5 s of waiting.
void loadAppFonts(1500).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider>
        <DatabaseGuard db={services.db} backup={services.backup} onSaveReadable={services.saveReadable} settle={settle} freeze={freeze}>
          <App services={services} />
        </DatabaseGuard>
      </I18nProvider>
    </StrictMode>,
  ),
);
