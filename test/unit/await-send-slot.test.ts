import { Pacer } from '../../src/core/pacer';
import { awaitSendSlot, bookSlot } from '../../src/services/await-send-slot';

/** A clock that only moves when the code under test sleeps. */
function fakeTime(start = 0): { now: () => number; sleep: (ms: number) => Promise<void>; slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    now: () => now,
    slept,
    sleep: (ms) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

const target = { host: 'h', rate: 8, limit: 10 };

describe('awaitSendSlot', () => {
  it('waits inline for a booked slot within the limit and is admitted on it', async () => {
    const time = fakeTime();
    const deps = { pacer: new Pacer(), clock: { now: time.now }, sleep: time.sleep };
    bookSlot(deps, target); // someone else has the first slot
    const wait = await awaitSendSlot(deps, target, bookSlot(deps, target), 1_000);
    expect(wait).toEqual({ kind: 'send', admittedAt: 125 });
  });

  it('parks a slot further away than the caller waits, where the plan stands', async () => {
    const time = fakeTime();
    const deps = { pacer: new Pacer(), clock: { now: time.now }, sleep: time.sleep };
    for (let i = 0; i < 20; i++) bookSlot(deps, target);
    const slot = bookSlot(deps, target);
    expect(await awaitSendSlot(deps, target, slot, 1_000)).toEqual({ kind: 'park', slot: { slot: slot.slot, bookedAt: 0 } });
    expect(time.slept).toEqual([]);
  });

  it('follows a 429 pause that comes while it waits, instead of sending into it', async () => {
    const time = fakeTime();
    const pacer = new Pacer();
    const deps = { pacer, clock: { now: time.now }, sleep: async (ms: number): Promise<void> => {
      await time.sleep(ms);
      if (time.now() === 500) pacer.pause('h', 1_500, 500); // another request was answered 429 meanwhile
    } };
    const slot = { slot: 500, bookedAt: 0 };
    const wait = await awaitSendSlot(deps, target, slot, 5_000);
    expect(wait).toEqual({ kind: 'send', admittedAt: 1_500 });
  });
});
