/**
 * The fake Jira Cloud site of the local platform: REST answers per caller (`handleRest`), simulator
 * operations that change issues and emit the matching Forge product events through `onEvent`, and
 * persistence to `<dataDir>/site.json`.
 */
import type { FakeJiraSite, ForgeProductEvent, JiraRestRequest, JiraRestResponse, SiteUser, TriggerInvocationReport } from '../contracts';
import { resolveCaller } from './permissions';
import { findUser, priorityOf, restIssue, statusOf, issueTypeOf, jiraTime } from './representations';
import { createRestApp } from './rest/rest-app';
import { SITE_BASE_URL, SITE_CLOUD_ID } from './site-constants';
import { adfToPlain, type SiteState, type StoredIssue } from './site-state';
import { createSiteStore } from './site-store';
import * as sim from './simulator';

export type SiteEventListener = (event: ForgeProductEvent) => Promise<TriggerInvocationReport[]> | TriggerInvocationReport[] | void;

export interface FakeJiraSiteOptions {
  dataDir: string;
  /** Clock for timestamps (tests pin it). Default `Date.now`. */
  now?: () => number;
  /** Receives every event a simulator operation produces, in order; its reports are returned to the caller. */
  onEvent?: SiteEventListener;
}

export interface SimulationResult {
  events: ForgeProductEvent[];
  /** `reports[i]` is what `onEvent` returned for `events[i]` (empty when there is no listener). */
  reports: TriggerInvocationReport[][];
  /** The issue after the change as `GET /rest/api/3/issue` returns it to the app; null once deleted. */
  issue: Record<string, unknown> | null;
}

/** A compact issue listing for the simulator page. */
export interface IssueSummary {
  id: string;
  key: string;
  projectKey: string;
  summary: string;
  issueType: string;
  status: string;
  priority: string;
  labels: string[];
  assignee: { accountId: string; displayName: string } | null;
  updated: string;
  comments: Array<{ id: string; authorId: string; author: string; text: string; created: string; updated: string }>;
}

export interface LocalJiraSite extends FakeJiraSite {
  readonly cloudId: string;
  /** True when this start created site.json from the seed. */
  readonly seeded: boolean;
  readonly file: string;
  projects(): Array<{ id: string; key: string; name: string; projectTypeKey: string }>;
  issues(projectKey?: string): IssueSummary[];
  createIssue(actorId: string, input: sim.CreateIssueInput): Promise<SimulationResult>;
  editIssue(actorId: string, idOrKey: string, input: sim.EditIssueInput): Promise<SimulationResult>;
  transitionIssue(actorId: string, idOrKey: string, status: string): Promise<SimulationResult>;
  assignIssue(actorId: string, idOrKey: string, assigneeId: string | null): Promise<SimulationResult>;
  addComment(actorId: string, idOrKey: string, body: string): Promise<SimulationResult>;
  editComment(actorId: string, idOrKey: string, commentId: string, body: string): Promise<SimulationResult>;
  deleteComment(actorId: string, idOrKey: string, commentId: string): Promise<SimulationResult>;
  deleteIssue(actorId: string, idOrKey: string): Promise<SimulationResult>;
}

function toSiteUser(u: SiteState['users'][number]): SiteUser {
  return {
    accountId: u.accountId,
    displayName: u.displayName,
    ...(u.emailAddress ? { emailAddress: u.emailAddress } : {}),
    siteAdmin: u.siteAdmin,
    projectAdminOf: [...u.projectAdminOf],
    ...(u.serviceAccount ? { serviceAccount: true } : {}),
  };
}

function summarize(state: SiteState, issue: StoredIssue): IssueSummary {
  const assignee = findUser(state, issue.assigneeId);
  return {
    id: issue.id,
    key: issue.key,
    projectKey: issue.projectKey,
    summary: issue.summary,
    issueType: issueTypeOf(issue).name,
    status: statusOf(issue).name,
    priority: priorityOf(issue).name,
    labels: [...issue.labels],
    assignee: assignee ? { accountId: assignee.accountId, displayName: assignee.displayName } : null,
    updated: jiraTime(issue.updated),
    comments: issue.comments.map((c) => ({
      id: c.id,
      authorId: c.authorId,
      author: findUser(state, c.authorId)?.displayName ?? c.authorId,
      text: adfToPlain(c.body),
      created: jiraTime(c.created),
      updated: jiraTime(c.updated),
    })),
  };
}

export async function createFakeJiraSite(options: FakeJiraSiteOptions): Promise<LocalJiraSite> {
  const store = createSiteStore(options.dataDir);
  const { state, seeded } = await store.load();
  const now = options.now ?? Date.now;
  const rest = createRestApp(now);
  const ctx: sim.SimulatorContext = { state, now };
  // Serialise operations so "mutate, save, emit" of one change never interleaves with another's.
  let queue: Promise<unknown> = Promise.resolve();

  function run(op: () => sim.SimulatorChange): Promise<SimulationResult> {
    const next = queue.then(async () => {
      // Keep a copy so a rejected operation leaves the site exactly as it was.
      const before = structuredClone(ctx.state);
      let change: sim.SimulatorChange;
      try {
        change = op();
      } catch (err) {
        ctx.state = before;
        throw err;
      }
      await store.save(ctx.state);
      const reports: TriggerInvocationReport[][] = [];
      for (const event of change.events) reports.push((await options.onEvent?.(event)) ?? []);
      return { events: change.events, reports, issue: change.issue ? restIssue(ctx.state, change.issue) : null };
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    baseUrl: SITE_BASE_URL,
    cloudId: SITE_CLOUD_ID,
    seeded,
    file: store.file,
    users: () => ctx.state.users.map(toSiteUser),
    projects: () => ctx.state.projects.map((p) => ({ id: p.id, key: p.key, name: p.name, projectTypeKey: p.projectTypeKey })),
    issues: (projectKey) =>
      ctx.state.issues.filter((i) => !projectKey || i.projectKey === projectKey.toUpperCase()).map((i) => summarize(ctx.state, i)),

    async handleRest(req: JiraRestRequest): Promise<JiraRestResponse> {
      const request = new Request(new URL(req.path, SITE_BASE_URL), {
        method: req.method.toUpperCase(),
        headers: req.headers,
        body: req.method.toUpperCase() === 'GET' || req.method.toUpperCase() === 'HEAD' ? undefined : req.body,
      });
      const response = await rest.fetch(request, { state: ctx.state, caller: resolveCaller(ctx.state, req.as) });
      const body = response.status === 204 ? undefined : await response.text();
      return { status: response.status, headers: { 'content-type': response.headers.get('content-type') ?? 'application/json' }, body };
    },

    createIssue: (actor, input) => run(() => sim.createIssue(ctx, actor, input)),
    editIssue: (actor, issue, input) => run(() => sim.editIssue(ctx, actor, issue, input)),
    transitionIssue: (actor, issue, status) => run(() => sim.transitionIssue(ctx, actor, issue, status)),
    assignIssue: (actor, issue, assignee) => run(() => sim.assignIssue(ctx, actor, issue, assignee)),
    addComment: (actor, issue, body) => run(() => sim.addComment(ctx, actor, issue, body)),
    editComment: (actor, issue, commentId, body) => run(() => sim.editComment(ctx, actor, issue, commentId, body)),
    deleteComment: (actor, issue, commentId) => run(() => sim.deleteComment(ctx, actor, issue, commentId)),
    deleteIssue: (actor, issue) => run(() => sim.deleteIssue(ctx, actor, issue)),
  };
}
