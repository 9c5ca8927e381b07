/**
 * The time pickers' menu and typed input. Atlaskit's default menu lists only 9:00 to 18:00, and without
 * `timeIsEditable` a typed time that is not in the menu gives "No options": a delivery log spans the
 * whole day, so the menu lists every half hour and any other time can be typed.
 */

const pad = (n: number): string => String(n).padStart(2, '0');

/** "00:00", "00:30", … "23:30": the picker shows them in the viewer's locale (e.g. 12:00 AM or 00:00). */
export const HALF_HOURS: readonly string[] = Array.from({ length: 48 }, (_, i) => `${pad(Math.floor(i / 2))}:${i % 2 === 0 ? '00' : '30'}`);

/** 24-hour ("23:00", "7.15", "0715") or 12-hour ("7:15 PM", "12:50 am", "7pm", "7 p.m.") text. */
const TYPED_TIME = /^(\d{1,2})(?:\s*[:.h]?\s*(\d{2}))?(?:\s*[:.]\s*(\d{2}))?\s*(?:([ap])\.?\s*m?\.?)?$/i;

/** "HH:mm" (24-hour) for a typed time, or undefined when it is not one. */
export function typedTimeValue(text: string): string | undefined {
  const match = TYPED_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, h, m = '00', seconds = '00', meridiem] = match;
  let hour = Number(h);
  const minute = Number(m);
  if (minute > 59 || Number(seconds) > 59) return undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = meridiem.toLowerCase() === 'p';
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (hour > 23) {
    return undefined;
  }
  return `${pad(hour)}:${pad(minute)}`;
}

/**
 * The picker's `parseInputValue`: the typed time on a fixed day; throws on text that is not a time (the
 * picker then ignores it). Only hours and minutes are read from it, so the day is one without a clock
 * change: on today's date, a time inside a spring-forward gap would come back an hour later.
 */
export function parseTypedTime(text: string): Date {
  const value = typedTimeValue(text);
  if (!value) throw new RangeError(`Not a time: ${text}`);
  const [hour = 0, minute = 0] = value.split(':').map(Number);
  // 15 January 2001: no time zone changes its clocks in mid-January.
  return new Date(2001, 0, 15, hour, minute, 0, 0);
}

/** A DateTimePicker's value (local ISO text with an offset) as the instant the backend compares, in UTC. */
export function pickedInstant(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
