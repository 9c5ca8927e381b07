import { normalizeEvent } from '../../src/core/normalize-event';
import { slaEvent, slaEventKind, slaSnapshot, slaSnapshots } from '../../src/core/sla-event';
import { buildWebhookBody } from '../../src/core/webhook-body';
import { BREACH_LOOKBACK_MS, slaJql } from '../../src/services/scan-slas';

const NOW = Date.parse('2026-12-04T12:00:00.000Z');
const MIN = 60_000;

const time = (ms: number) => ({ iso8601: new Date(ms).toISOString().replace('.000Z', '+0000'), jira: '', friendly: '', epochMillis: ms });
const dur = (ms: number, friendly: string) => ({ millis: ms, friendly });

/** A JSM SLA field value with an ongoing cycle of an 8 h goal, `remaining` ms left now. */
function slaValue(remaining: number, options: { paused?: boolean; completed?: boolean } = {}) {
  const goal = 8 * 60 * MIN;
  const start = NOW - (goal - remaining);
  const cycle = {
    startTime: time(start),
    breachTime: time(start + goal),
    breached: remaining < 0,
    paused: options.paused ?? false,
    withinCalendarHours: false,
    goalDuration: dur(goal, '8h'),
    elapsedTime: dur(goal - remaining, ''),
    remainingTime: dur(remaining, `${Math.round(remaining / MIN)}m`),
  };
  return options.completed
    ? { id: '2', name: 'Time to resolution', completedCycles: [{ ...cycle, stopTime: time(NOW) }] }
    : { id: '2', name: 'Time to resolution', completedCycles: [], ongoingCycle: cycle };
}

describe('SLA snapshots', () => {
  it('read the ongoing cycle of a JSM SLA field: name, start, breach time and durations', () => {
    expect(slaSnapshot('customfield_10031', slaValue(-12 * MIN))).toEqual({
      fieldId: 'customfield_10031',
      name: 'Time to resolution',
      cycleStartedAt: new Date(NOW - 8 * 60 * MIN - 12 * MIN).toISOString(),
      breachAt: new Date(NOW - 12 * MIN).toISOString(),
      breached: true,
      paused: false,
      goal: '8h',
      remaining: '-12m',
      goalMillis: 8 * 60 * MIN,
      elapsedMillis: 8 * 60 * MIN + 12 * MIN,
      remainingMillis: -12 * MIN,
    });
  });

  it('skip completed SLAs and fields that are not SLAs', () => {
    const fields = { summary: 'x', customfield_10030: slaValue(10 * MIN, { completed: true }), customfield_10031: slaValue(5 * MIN), labels: ['a'] };
    expect(slaSnapshots(fields).map((s) => s.fieldId)).toEqual(['customfield_10031']);
    expect(slaSnapshots(fields, ['customfield_10030'])).toEqual([]);
  });
});

describe('which SLA event a cycle calls for', () => {
  const kind = (remaining: number, warnMinutes = 30, options = {}) =>
    slaEventKind(slaSnapshot('cf', slaValue(remaining, options))!, NOW, warnMinutes * MIN, BREACH_LOOKBACK_MS);

  it('a breach within the last day is "sla_breached"', () => {
    expect(kind(-1 * MIN)).toBe('sla_breached');
    expect(kind(-23 * 60 * MIN)).toBe('sla_breached');
  });

  it('an old breach is not news when the scan starts', () => {
    expect(kind(-25 * 60 * MIN)).toBeUndefined();
  });

  it('a running SLA within the warning time is "sla_warning"; outside it, nothing', () => {
    expect(kind(29 * MIN)).toBe('sla_warning');
    expect(kind(31 * MIN)).toBeUndefined();
    expect(kind(29 * MIN, 0)).toBeUndefined();
  });

  it('a paused SLA gets no warning', () => {
    expect(kind(5 * MIN, 30, { paused: true })).toBeUndefined();
  });
});

describe('SLA events', () => {
  const issue = { id: '10001', key: 'SUP-1', fields: { summary: 'Login broken', project: { id: '10000', key: 'SUP' } } };

  it('travel as the relay’s own event type and reach the body and templates as `sla`', () => {
    const snapshot = slaSnapshot('customfield_10031', slaValue(-12 * MIN))!;
    const event = normalizeEvent(slaEvent('sla_breached', issue, snapshot, NOW), NOW);
    expect(event).toMatchObject({ kinds: ['sla_breached'], webhookEvent: 'sla_breached', issue: { key: 'SUP-1', projectKey: 'SUP' } });
    expect(buildWebhookBody(event, undefined).sla).toEqual(snapshot);
  });

  it('have one id per issue, SLA and cycle, whichever scan finds them', () => {
    const snapshot = slaSnapshot('customfield_10031', slaValue(-12 * MIN))!;
    const first = normalizeEvent(slaEvent('sla_breached', issue, snapshot, NOW), NOW).id;
    const later = normalizeEvent(slaEvent('sla_breached', issue, { ...snapshot, remaining: '-17m', remainingMillis: -17 * MIN }, NOW + 5 * MIN), NOW + 5 * MIN).id;
    expect(later).toBe(first);
    expect(normalizeEvent(slaEvent('sla_warning', issue, snapshot, NOW), NOW).id).not.toBe(first);
    expect(normalizeEvent(slaEvent('sla_breached', issue, { ...snapshot, cycleStartedAt: new Date(NOW).toISOString() }, NOW), NOW).id).not.toBe(first);
  });
});

describe('the SLA scan’s JQL', () => {
  it('asks for ongoing breaches and running SLAs within the warning time, per SLA, newest requests first', () => {
    expect(slaJql(['Time to resolution'], 30)).toBe(
      '("Time to resolution" = breached() AND "Time to resolution" != completed()) OR ' +
        '("Time to resolution" = running() AND "Time to resolution" != breached() AND "Time to resolution" <= remaining("30m")) ' +
        'ORDER BY created DESC',
    );
  });

  it('asks for breaches only when warnings are off, and quotes names safely', () => {
    expect(slaJql(['Say "hi"', 'B'], 0)).toBe('("Say \\"hi\\"" = breached() AND "Say \\"hi\\"" != completed()) OR ("B" = breached() AND "B" != completed()) ORDER BY created DESC');
  });
});
