/**
 * The fake Jira Cloud site of the local platform: REST answers per caller (`handleRest`), simulator
 * operations that change issues and emit the matching Forge product events through `onEvent`, and
 * persistence to `<dataDir>/site.json`.
 */
import type { FakeJiraSite, ForgeProductEvent, JiraRestRequest, JiraRestResponse, SiteUser, TriggerInvocationReport } from '../contracts';
import * as attachments from './attachment-ops';
import { summarizeIssue, type IssueSummary } from './issue-summary';
import * as links from './issue-link-ops';
import { resolveCaller } from './permissions';
import { restIssue } from './rest-issue';
import { createRestApp } from './rest/rest-app';
import { SITE_BASE_URL, SITE_CLOUD_ID } from './site-constants';
import type { SiteState } from './site-state';
import { createSiteStore } from './site-store';
import * as sim from './simulator';
import { setSlaRemaining } from './sla-ops';
import * as worklogs from './worklog-ops';

export type { IssueSummary };

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
  logWork(actorId: string, idOrKey: string, input: worklogs.WorklogInput): Promise<SimulationResult>;
  editWorklog(actorId: string, idOrKey: string, worklogId: string, input: worklogs.WorklogEdit): Promise<SimulationResult>;
  deleteWorklog(actorId: string, idOrKey: string, worklogId: string): Promise<SimulationResult>;
  addAttachment(actorId: string, idOrKey: string, input: attachments.AttachmentInput): Promise<SimulationResult>;
  deleteAttachment(actorId: string, idOrKey: string, attachmentId: string): Promise<SimulationResult>;
  /** `linkTypeName`: Blocks, Relates, Duplicate(s), Clones/Cloners (or a link type id). */
  linkIssues(actorId: string, sourceIdOrKey: string, destinationIdOrKey: string, linkTypeName: string): Promise<SimulationResult>;
  deleteIssueLink(actorId: string, linkId: string): Promise<SimulationResult>;
  /** Moves an ongoing SLA cycle so `remainingMinutes` are left now (negative: breached); emits no event. */
  setSlaRemaining(actorId: string, idOrKey: string, slaNameOrFieldId: string, remainingMinutes: number): Promise<SimulationResult>;
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
      return { events: change.events, reports, issue: change.issue ? restIssue(ctx.state, change.issue, now()) : null };
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
      ctx.state.issues.filter((i) => !projectKey || i.projectKey === projectKey.toUpperCase()).map((i) => summarizeIssue(ctx.state, i, now())),

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
    logWork: (actor, issue, input) => run(() => worklogs.logWork(ctx, actor, issue, input)),
    editWorklog: (actor, issue, worklogId, input) => run(() => worklogs.editWorklog(ctx, actor, issue, worklogId, input)),
    deleteWorklog: (actor, issue, worklogId) => run(() => worklogs.deleteWorklog(ctx, actor, issue, worklogId)),
    addAttachment: (actor, issue, input) => run(() => attachments.addAttachment(ctx, actor, issue, input)),
    deleteAttachment: (actor, issue, attachmentId) => run(() => attachments.deleteAttachment(ctx, actor, issue, attachmentId)),
    linkIssues: (actor, source, destination, type) => run(() => links.linkIssues(ctx, actor, source, destination, type)),
    deleteIssueLink: (actor, linkId) => run(() => links.deleteIssueLink(ctx, actor, linkId)),
    setSlaRemaining: (actor, issue, sla, minutes) => run(() => setSlaRemaining(ctx, actor, issue, sla, minutes)),
  };
}
