/**
 * `/app/`: the Custom UI build (static/app/dist) as Jira would frame it, with the local bridge
 * injected before the app's own scripts; `/app/assets/*` serves the build's assets and
 * `/app/__tokens/*` the design token CSS the bridge loads when the app enables theming.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { ADMIN_MODULE_KEY, PROJECT_MODULE_KEY } from '../../src/shared/contract';
import type { LocalJiraSite } from '../site/create-fake-jira-site';
import { bridgeScript } from './pages/bridge-script';
import { colorModeOf, DATA_THEME, surfaceColor, themesFor } from './theme/token-css';
import { TOKENS_PATH, tokenRoutes } from './theme/token-routes';

export function appRoutes(deps: { site: LocalJiraSite; appRoot: string }): Hono {
  const { site, appRoot } = deps;
  const dist = join(appRoot, 'static', 'app', 'dist');
  const app = new Hono();

  const page = async (c: import('hono').Context): Promise<Response> => {
    const moduleKey = c.req.query('module') ?? ADMIN_MODULE_KEY;
    if (moduleKey !== ADMIN_MODULE_KEY && moduleKey !== PROJECT_MODULE_KEY) return c.text(`Unknown module "${moduleKey}"`, 404);
    const accountId = c.req.query('as') ?? site.users().find((u) => u.siteAdmin)?.accountId ?? '';
    let extension: Record<string, unknown> = { type: 'jira:adminPage' };
    if (moduleKey === PROJECT_MODULE_KEY) {
      const key = (c.req.query('project') ?? 'SUP').toUpperCase();
      const project = site.projects().find((p) => p.key === key);
      if (!project) return c.text(`Unknown project "${key}"`, 404);
      extension = { type: 'jira:projectSettingsPage', project: { id: project.id, key: project.key, type: project.projectTypeKey } };
    }
    let html: string;
    try {
      html = await readFile(join(dist, 'index.html'), 'utf8');
    } catch {
      return c.html('<p style="font-family:system-ui">The Custom UI is not built yet: run <code>npm run build:ui</code>.</p>', 503);
    }
    const script = bridgeScript({
      moduleKey, accountId, cloudId: site.cloudId, siteUrl: site.baseUrl, extension,
      colorMode: colorModeOf(c.req.query('theme')),
      dataTheme: DATA_THEME,
      themes: { light: themesFor('light'), dark: themesFor('dark') },
      tokensPath: TOKENS_PATH,
      surfaceColors: { light: surfaceColor('light'), dark: surfaceColor('dark') },
    });
    // The bridge must exist before @forge/bridge is imported, so it goes first in <head>.
    const injected = /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}\n${script}`) : `${script}\n${html}`;
    return c.html(injected);
  };

  app.route('/', tokenRoutes());
  app.get('/app', (c) => c.redirect(`/app/${new URL(c.req.url).search}`));
  app.get('/app/', page);
  app.get('/app/index.html', page);
  // serveStatic resolves `root` against the working directory, so make it relative to it.
  app.use('/app/assets/*', serveStatic({ root: relative(process.cwd(), dist) || '.', rewriteRequestPath: (p) => p.replace(/^\/app/, '') }));
  return app;
}
