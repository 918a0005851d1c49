import './render';
import './mobile.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { I18nProvider } from '../shared/i18n';
import { SessionProvider } from '../shared/session';
import { MobileRoutes } from './MobileRoutes';
import { MobileShell } from './MobileShell';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <MobileShell>
        <BrowserRouter basename="/m">
          <SessionProvider>
            <MobileRoutes />
          </SessionProvider>
        </BrowserRouter>
      </MobileShell>
    </I18nProvider>
  </StrictMode>,
);
