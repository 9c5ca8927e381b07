/** Assembles every route of the local platform's HTTP server. */
import { Hono } from 'hono';
import type { LocalForge } from '../contracts';
import type { LocalJiraSite } from '../site/create-fake-jira-site';
import { apiRoutes } from './api-routes';
import { appRoutes } from './app-routes';
import { inboxPage } from './pages/inbox-page';
import { shellPage } from './pages/shell-page';
import { simulatorPage } from './pages/simulator-page';
import type { SampleListener } from './sample-listener';
import { siteRoutes } from './site-routes';
import { colorModeOf } from './theme/token-css';

export function createHttpApp(deps: { forge: LocalForge; site: LocalJiraSite; listener: SampleListener; appRoot: string; log: (l: string) => void }): Hono {
  const app = new Hono();
  app.onError((err, c) => {
    deps.log(`[server] ${c.req.method} ${new URL(c.req.url).pathname} failed: ${err.message}`);
    return c.json({ error: err.message }, 500);
  });
  app.route('/', deps.listener.routes);
  app.route('/', apiRoutes(deps));
  app.route('/', siteRoutes(deps.site));
  app.route('/', appRoutes(deps));
  app.get('/', (c) => c.html(shellPage()));
  app.get('/simulator', (c) => c.html(simulatorPage(colorModeOf(c.req.query('theme')))));
  app.get('/inbox', (c) => c.html(inboxPage(colorModeOf(c.req.query('theme')))));
  app.notFound((c) => c.json({ error: `Nothing at ${c.req.method} ${new URL(c.req.url).pathname}` }, 404));
  return app;
}
