/** Waiting for a promise at most so long, without cancelling it (the answer still lands in the cache). */

export const TIMED_OUT: unique symbol = Symbol('timed out');

/** `promise`'s value if it settles within `ms`, else TIMED_OUT (the promise keeps running). */
export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
