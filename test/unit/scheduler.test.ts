/**
 * The slicing scheduler without a browser: a fake MessageChannel whose
 * messages the test delivers, a fake clock for performance.now, and a fake
 * requestIdleCallback.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_SLICE_MS, Scheduler, SLICE_MS, type SlicedTask } from '../../src/page/scheduler.ts';

let now = 0;
/** Messages posted and not yet delivered, as port1 handlers to call. */
let posted: (() => void)[] = [];
/** Idle callbacks requested and not yet run. */
let idle: { cb: (d: IdleDeadline) => void; handle: number }[] = [];
const cancelled: number[] = [];

class FakeChannel {
  port1 = { onmessage: null as (() => void) | null, close: vi.fn() };
  port2 = {
    postMessage: () => {
      posted.push(() => this.port1.onmessage?.());
    },
  };
}

/** Delivers pending channel messages until none is left (or `max` were delivered); returns how many. */
function deliver(max = 1000): number {
  let n = 0;
  while (posted.length > 0 && n < max) {
    posted.shift()?.();
    n++;
  }
  return n;
}

/** Runs the pending idle callback with `remaining` ms of idle time. */
function runIdle(remaining: number, didTimeout = false): void {
  const next = idle.shift();
  next?.cb({ didTimeout, timeRemaining: () => remaining } as IdleDeadline);
}

/** A task that takes `costMs` per step and has `steps` steps; records its name per step. */
function task(log: string[], name: string, steps: number, costMs = 1): SlicedTask {
  let left = steps;
  return () => {
    now += costMs;
    log.push(name);
    return --left > 0;
  };
}

beforeEach(() => {
  now = 0;
  posted = [];
  idle = [];
  cancelled.length = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  vi.stubGlobal('MessageChannel', FakeChannel);
  let handles = 0;
  vi.stubGlobal('requestIdleCallback', (cb: (d: IdleDeadline) => void) => {
    idle.push({ cb, handle: ++handles });
    return handles;
  });
  vi.stubGlobal('cancelIdleCallback', (handle: number) => cancelled.push(handle));
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('Scheduler', () => {
  it('runs a long task in slices of SLICE_MS, one message each, and reports each slice', () => {
    const slices: number[] = [];
    const s = new Scheduler((ms) => slices.push(ms));
    const log: string[] = [];
    s.add(task(log, 'a', 20));
    expect(log).toEqual([]); // nothing runs until the message arrives
    expect(s.busy).toBe(true);
    expect(deliver(1)).toBe(1);
    expect(log).toHaveLength(SLICE_MS);
    deliver();
    expect(log).toHaveLength(20);
    expect(slices).toEqual([6, 6, 6, 2]);
    expect(s.busy).toBe(false);
    expect(posted).toEqual([]);
  });

  it('runs "soon" tasks before "idle" ones', () => {
    const s = new Scheduler();
    const log: string[] = [];
    s.add(task(log, 'idle', 2), 'idle');
    s.add(task(log, 'soon', 2));
    s.add(task(log, 'idle2', 1), 'idle');
    s.add(task(log, 'soon2', 1));
    deliver();
    // Idle work left in the queue runs in the same slice while its budget lasts.
    expect(log).toEqual(['soon', 'soon', 'soon2', 'idle', 'idle', 'idle2']);
    expect(s.busy).toBe(false);
  });

  it('gives an idle slice the idle time the browser offers, up to IDLE_SLICE_MS, and a short slice on timeout', () => {
    const slices: number[] = [];
    const s = new Scheduler((ms) => slices.push(ms));
    const log: string[] = [];
    s.add(task(log, 'i', 100), 'idle');
    expect(posted).toHaveLength(0);
    expect(idle).toHaveLength(1);
    runIdle(15);
    expect(log).toHaveLength(15);
    runIdle(200);
    expect(log).toHaveLength(15 + IDLE_SLICE_MS);
    runIdle(0, true);
    expect(log).toHaveLength(15 + IDLE_SLICE_MS + SLICE_MS);
    runIdle(1);
    expect(log).toHaveLength(15 + IDLE_SLICE_MS + SLICE_MS * 2); // never less than a normal slice
    expect(slices).toEqual([15, IDLE_SLICE_MS, SLICE_MS, SLICE_MS]);
  });

  it('lets a running task put urgent work in front of itself, and removes the finished task, not that one', () => {
    const s = new Scheduler();
    const log: string[] = [];
    // An idle task that queues "soon" work (which goes in front of it) and finishes in the same step.
    s.add(() => {
      now += 1;
      log.push('outer');
      s.add(task(log, 'urgent', 1));
      return false;
    }, 'idle');
    s.add(task(log, 'later', 1), 'idle');
    runIdle(50);
    deliver();
    expect(log).toEqual(['outer', 'urgent', 'later']);
    expect(s.busy).toBe(false);
  });

  it('skips a task that throws, counts it, and runs the rest', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const s = new Scheduler();
    const log: string[] = [];
    s.add(() => {
      now += 1;
      throw new Error('boom');
    });
    s.add(task(log, 'b', 2));
    deliver();
    expect(s.errors).toBe(1);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(log).toEqual(['b', 'b']);
    expect(s.busy).toBe(false);
  });

  it('drops queued work on stop and accepts none afterwards', () => {
    const s = new Scheduler();
    const log: string[] = [];
    s.add(task(log, 'i', 5), 'idle');
    s.stop();
    expect(cancelled).toEqual([1]);
    expect(s.busy).toBe(false);
    s.add(task(log, 'a', 1));
    deliver();
    runIdle(50);
    expect(log).toEqual([]);
    expect(posted).toEqual([]);
  });
});
