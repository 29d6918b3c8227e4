/**
 * Clocks for the sandbox. Every time-based behaviour (task age, target timeouts, reservation timeouts, task TTL,
 * statistics windows) reads the clock given to `startSandbox`, so tests can drive time with a {@link ManualClock}.
 */

export interface ClockTimer {
  readonly id: number;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `fn` once, `delayMs` from now. */
  setTimer(fn: () => void, delayMs: number): ClockTimer;
  clearTimer(timer: ClockTimer): void;
}

/** The real clock. Timers do not keep the process alive. */
export class SystemClock implements Clock {
  private nextId = 1;
  private readonly handles = new Map<number, NodeJS.Timeout>();

  now(): number {
    return Date.now();
  }

  setTimer(fn: () => void, delayMs: number): ClockTimer {
    const id = this.nextId++;
    // setTimeout caps at 2^31-1 ms; longer delays are re-armed by the caller's next reschedule.
    const delay = Math.min(Math.max(0, delayMs), 2 ** 31 - 1);
    const handle = setTimeout(() => {
      this.handles.delete(id);
      fn();
    }, delay);
    handle.unref();
    this.handles.set(id, handle);
    return { id };
  }

  clearTimer(timer: ClockTimer): void {
    const handle = this.handles.get(timer.id);
    if (handle) {
      clearTimeout(handle);
      this.handles.delete(timer.id);
    }
  }
}

interface PendingTimer {
  id: number;
  at: number;
  fn: () => void;
}

/** A clock that only moves when told to. `advance` fires every timer that falls due, in time order. */
export class ManualClock implements Clock {
  private current: number;
  private nextId = 1;
  private timers: PendingTimer[] = [];

  constructor(start: number | Date = Date.UTC(2024, 0, 1, 9, 0, 0)) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.current;
  }

  setTimer(fn: () => void, delayMs: number): ClockTimer {
    const id = this.nextId++;
    this.timers.push({ id, at: this.current + Math.max(0, delayMs), fn });
    return { id };
  }

  clearTimer(timer: ClockTimer): void {
    this.timers = this.timers.filter((t) => t.id !== timer.id);
  }

  /** Moves time forward by `ms`, firing due timers at their own time (a timer set while firing may fire too). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance(ms) needs a non-negative number, got ${ms}`);
    const target = this.current + ms;
    for (;;) {
      let next: PendingTimer | undefined;
      for (const t of this.timers) if (t.at <= target && (!next || t.at < next.at)) next = t;
      if (!next) break;
      const due = next;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      due.fn();
    }
    this.current = target;
  }

  /** How many timers are waiting (for tests). */
  get pendingTimers(): number {
    return this.timers.length;
  }
}
