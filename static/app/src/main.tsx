import '@atlaskit/css-reset';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableTheme } from './api/enable-theme';
import { getPageContext, type PageContext } from './api/get-page-context';
import { App } from './components/App';
import { ErrorBoundary } from './components/ErrorBoundary';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root') ?? document.body);
  // Theme first, so the page never flashes light in a dark Jira.
  const [, context] = await Promise.all([
    enableTheme(),
    getPageContext().catch((err: unknown): PageContext => {
      console.error('Could not read the Forge context', err);
      return { page: 'unknown' };
    }),
  ]);
  root.render(
    <StrictMode>
      <ErrorBoundary>
        <App context={context} />
      </ErrorBoundary>
    </StrictMode>,
  );
}

void start();
