/**
 * The scripting contract (README, e2e tests, demos): events, resolvers, scheduled triggers on demand,
 * users, metrics and the sample listener's inbox. Bodies are validated with zod; errors come back as `{ error }`.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { LocalForge } from '../contracts';
import { UnknownScheduledTriggerError } from '../runtime/scheduled-triggers';
import type { LocalJiraSite } from '../site/create-fake-jira-site';
import type { SampleListener } from './sample-listener';
import { readJson } from './read-json';

const eventSchema = z.looseObject({ eventType: z.string().min(1) });
const invokeSchema = z.object({
  moduleKey: z.string().min(1),
  functionKey: z.string().min(1),
  payload: z.unknown().optional(),
  accountId: z.string().min(1),
  extension: z.record(z.string(), z.unknown()).optional(),
});
const failSchema = z.object({ count: z.number().int().min(0).max(10_000) });

export function apiRoutes(deps: { forge: LocalForge; site: LocalJiraSite; listener: SampleListener }): Hono {
  const { forge, site, listener } = deps;
  const app = new Hono();

  app.post('/api/events', async (c) => {
    const parsed = eventSchema.safeParse(await readJson(c));
    if (!parsed.success) return c.json({ error: 'Body must be a Forge product event: a JSON object with a string "eventType".' }, 400);
    // Dispatched unchanged, even for projects or issues the fake site does not know: Forge does not check either.
    const reports = await forge.dispatchEvent(parsed.data);
    return c.json({ eventType: parsed.data.eventType, reports }, 202);
  });

  app.get('/api/resolvers', (c) => c.json(forge.resolverFunctions()));

  app.post('/api/invoke', async (c) => {
    const parsed = invokeSchema.safeParse(await readJson(c));
    if (!parsed.success) return c.json({ error: `Invalid invoke request: ${z.prettifyError(parsed.error)}` }, 400);
    const known = forge.resolverFunctions()[parsed.data.moduleKey];
    if (!known) return c.json({ error: `No module with a resolver has key "${parsed.data.moduleKey}"` }, 404);
    try {
      const result = await forge.invokeResolver(parsed.data);
      // `undefined` has no JSON form; the bridge turns it into null too.
      return c.json(result ?? null);
    } catch (err) {
      return c.json({ error: err instanceof Error ? err.message : String(err) }, 500);
    }
  });

  // Runs a scheduled trigger at once (an SLA scan, a breaker probe) instead of waiting for its interval.
  app.post('/api/scheduled/:moduleKey', async (c) => {
    try {
      return c.json(await forge.runScheduledTrigger(c.req.param('moduleKey')));
    } catch (err) {
      if (err instanceof UnknownScheduledTriggerError) return c.json({ error: err.message }, 404);
      throw err;
    }
  });

  app.get('/api/users', (c) =>
    c.json(
      site.users().map((u) => ({
        accountId: u.accountId,
        displayName: u.displayName,
        siteAdmin: u.siteAdmin,
        projectAdminOf: u.projectAdminOf,
        ...(u.serviceAccount ? { serviceAccount: true } : {}),
      })),
    ),
  );

  app.get('/api/metrics', (c) => c.json(forge.metrics()));

  app.get('/api/listener/requests', (c) => c.json(listener.requests()));
  app.delete('/api/listener/requests', (c) => {
    listener.clear();
    return c.body(null, 204);
  });
  app.post('/api/listener/fail', async (c) => {
    const parsed = failSchema.safeParse(await readJson(c));
    if (!parsed.success) return c.json({ error: 'Body must be { "count": <non-negative integer> }.' }, 400);
    listener.failNext(parsed.data.count);
    return c.json({ failNext: listener.pendingFailures() });
  });

  return app;
}
