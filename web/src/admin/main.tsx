import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { I18nProvider } from '../shared/i18n';
import { SessionProvider } from '../shared/session';
import { AntdShell } from './AntdShell';
import { ConsoleRoutes } from './ConsoleRoutes';
import './console.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <AntdShell>
        <BrowserRouter>
          <SessionProvider>
            <ConsoleRoutes />
          </SessionProvider>
        </BrowserRouter>
      </AntdShell>
    </I18nProvider>
  </StrictMode>,
);
