/**
 * `/app/__tokens/<theme>.css`: one @atlaskit/tokens theme as CSS. The injected bridge loads these into
 * the app's iframe when the app enables theming, and the dev-tool pages link them directly.
 */
import { Hono } from 'hono';
import { isTokenThemeId, tokenThemeCss } from './token-css';

export const TOKENS_PATH = '/app/__tokens/';

export function tokenRoutes(): Hono {
  const app = new Hono();
  app.get(`${TOKENS_PATH}:file{[a-z-]+\\.css}`, (c) => {
    const id = c.req.param('file').replace(/\.css$/, '');
    if (!isTokenThemeId(id)) return c.text(`Unknown token theme "${id}"`, 404);
    return c.body(tokenThemeCss(id), 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' });
  });
  return app;
}
