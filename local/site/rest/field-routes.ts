/** `GET /rest/api/3/field`: system fields, Request Type and the JSM SLA fields (field-catalog.ts). */
import type { Hono } from 'hono';
import { FIELDS } from '../field-catalog';
import type { RestEnv } from './rest-env';

export function registerFieldRoutes(app: Hono<RestEnv>): void {
  app.get('/rest/api/3/field', (c) => c.json(FIELDS));
}
