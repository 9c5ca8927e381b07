/**
 * `setSlaRemaining`: moves an ongoing SLA cycle's start so that `remainingMinutes` are left now
 * (negative: breached that long ago), to demo and test SLA scans without waiting hours. Jira emits no
 * event when an SLA clock moves, so neither does this.
 */
import { projectOf } from './representations';
import { SiteError } from './site-error';
import { actorOf, requireIssue, requirePermission, type SimulatorChange, type SimulatorContext } from './simulator-support';
import { findSla, hasSlas, SLA_DEFS, slaCycles } from './sla';

const MINUTE = 60_000;

export function setSlaRemaining(ctx: SimulatorContext, actorId: string, idOrKey: string, slaNameOrFieldId: string, remainingMinutes: number): SimulatorChange {
  const actor = actorOf(ctx, actorId);
  const issue = requireIssue(ctx, idOrKey);
  const project = projectOf(ctx.state, issue);
  // Moving clocks is an admin's job: site admins and admins of the issue's project.
  requirePermission(actor, project, 'ADMINISTER_PROJECTS');
  if (!hasSlas(project)) throw new SiteError(400, `${issue.key} is in ${project.name}, which is not a service project: it has no SLAs.`, 'sla');
  const sla = findSla(slaNameOrFieldId);
  if (!sla) throw new SiteError(400, `No SLA "${slaNameOrFieldId}" on this site; there are ${SLA_DEFS.map((d) => `"${d.name}" (${d.fieldId})`).join(' and ')}.`, 'sla');
  if (!Number.isFinite(remainingMinutes)) throw new SiteError(400, 'remainingMinutes must be a number.', 'remainingMinutes');
  const goalMinutes = sla.goalMs / MINUTE;
  // More than the goal would start the cycle in the future.
  if (remainingMinutes > goalMinutes) throw new SiteError(400, `remainingMinutes can be at most the goal of "${sla.name}" (${goalMinutes}).`, 'remainingMinutes');
  const ongoing = slaCycles(ctx.state, issue, sla).find((c) => c.stop === null);
  if (!ongoing) throw new SiteError(409, `The "${sla.name}" SLA of ${issue.key} has completed: only an ongoing cycle can be moved.`, 'sla');
  issue.sla.startOverrides[sla.fieldId] = ctx.now() - (sla.goalMs - Math.round(remainingMinutes * MINUTE));
  return { events: [], issue };
}
