/**
 * Simulator operations on issue links. Jira emits the issuelink event, then records a `Link` item in
 * the history of BOTH issues ("This issue blocks ENG-1" on the source, "This issue is blocked by SUP-1"
 * on the destination) and sends an `avi:jira:updated:issue` for each, source first.
 */
import type { ForgeProductEvent } from '../contracts';
import { findIssueLinkType } from './catalog';
import { issueLinkEvent } from './entity-event-builders';
import { linkTypeOf } from './entity-representations';
import { issueUpdatedEvent, type ChangelogItem } from './event-builders';
import { projectOf } from './representations';
import { SiteError } from './site-error';
import type { StoredIssue, StoredIssueLink, StoredUser } from './site-state';
import { actorOf, nextChangelogId, requireIssue, requirePermission, type SimulatorChange, type SimulatorContext } from './simulator-support';

/** Jira's `Link` changelog item has no fieldId; `to`/`from` is the other issue's key. */
function linkItem(other: StoredIssue, description: string, added: boolean): ChangelogItem {
  const text = `This issue ${description} ${other.key}`;
  return added
    ? { field: 'Link', fieldtype: 'jira', from: null, fromString: null, to: other.key, toString: text }
    : { field: 'Link', fieldtype: 'jira', from: other.key, fromString: text, to: null, toString: null };
}

function issueById(ctx: SimulatorContext, id: string): StoredIssue {
  const issue = ctx.state.issues.find((i) => i.id === id);
  if (!issue) throw new SiteError(404, 'Issue does not exist or you do not have permission to see it.');
  return issue;
}

/** Linking needs Link Issues where the link starts and sight of the issue it points at. */
function checkLinkPermission(ctx: SimulatorContext, actor: StoredUser, source: StoredIssue, destination: StoredIssue): void {
  requirePermission(actor, projectOf(ctx.state, source), 'LINK_ISSUES');
  requirePermission(actor, projectOf(ctx.state, destination), 'BROWSE_PROJECTS');
}

function linkChanged(ctx: SimulatorContext, link: StoredIssueLink, actorId: string, added: boolean): ForgeProductEvent[] {
  const now = ctx.now();
  const source = issueById(ctx, link.sourceIssueId);
  const destination = issueById(ctx, link.destinationIssueId);
  const type = linkTypeOf(link);
  const sides: Array<[StoredIssue, ChangelogItem]> = [
    [source, linkItem(destination, type.outward, added)],
    [destination, linkItem(source, type.inward, added)],
  ];
  return [
    issueLinkEvent(added ? 'created' : 'deleted', link, actorId, now),
    ...sides.map(([issue, change]) => {
      issue.updated = now;
      const changelog = { id: nextChangelogId(ctx), items: [change] };
      return issueUpdatedEvent(ctx.state, issue, actorId, now, { changelog, jiraEventTypeName: 'issue_generic' });
    }),
  ];
}

export function linkIssues(ctx: SimulatorContext, actorId: string, sourceIdOrKey: string, destinationIdOrKey: string, linkType: string): SimulatorChange {
  const actor = actorOf(ctx, actorId);
  const source = requireIssue(ctx, sourceIdOrKey);
  const destination = requireIssue(ctx, destinationIdOrKey);
  checkLinkPermission(ctx, actor, source, destination);
  const type = findIssueLinkType(linkType);
  if (!type) throw new SiteError(400, `No issue link type with name '${linkType}' found.`, 'type');
  if (source.id === destination.id) throw new SiteError(400, 'You cannot link an issue to itself.', 'destinationKey');
  const exists = ctx.state.issueLinks.some((l) => l.typeId === type.id && l.sourceIssueId === source.id && l.destinationIssueId === destination.id);
  if (exists) throw new SiteError(400, `${source.key} already ${type.outward} ${destination.key}.`, 'destinationKey');
  const link: StoredIssueLink = {
    id: String(ctx.state.counters.issueLinkId++),
    typeId: type.id,
    sourceIssueId: source.id,
    destinationIssueId: destination.id,
    created: ctx.now(),
  };
  ctx.state.issueLinks.push(link);
  return { events: linkChanged(ctx, link, actor.accountId, true), issue: source };
}

export function deleteIssueLink(ctx: SimulatorContext, actorId: string, linkId: string): SimulatorChange {
  const actor = actorOf(ctx, actorId);
  const link = ctx.state.issueLinks.find((l) => l.id === linkId);
  if (!link) throw new SiteError(404, `No issue link with id '${linkId}' exists.`);
  const source = issueById(ctx, link.sourceIssueId);
  checkLinkPermission(ctx, actor, source, issueById(ctx, link.destinationIssueId));
  ctx.state.issueLinks = ctx.state.issueLinks.filter((l) => l.id !== linkId);
  return { events: linkChanged(ctx, link, actor.accountId, false), issue: source };
}
