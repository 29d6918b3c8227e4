import type * as vscode from 'vscode';

export interface WaitOptions {
  /** Give up after this long. */
  timeoutMs?: number;
  /** Check again whenever one of these fires (checks also run every `intervalMs`). */
  events?: vscode.Event<unknown>[];
  intervalMs?: number;
}

/**
 * Waits until `check` returns a value other than `undefined`/`false` and returns it; rejects with `what` and the
 * last error `check` threw when the deadline passes. This is how tests wait for parts that land in any order (the
 * language server answering, a view appearing): on a condition with a deadline, never a fixed sleep.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  options: WaitOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const intervalMs = options.intervalMs ?? 100;
  return new Promise<T>((resolve, reject) => {
    let lastError: unknown;
    let settled = false;
    let running = false;
    const subscriptions = (options.events ?? []).map((event) => event(() => void attempt()));
    const timer = setInterval(() => void attempt(), intervalMs);
    const deadline = setTimeout(() => {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      finish(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`)));
    }, timeoutMs);

    function finish(settle: () => void): void {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      clearTimeout(deadline);
      subscriptions.forEach((s) => s.dispose());
      settle();
    }

    async function attempt(): Promise<void> {
      if (settled || running) return;
      running = true;
      try {
        const value = await check();
        if (value !== undefined && value !== false) finish(() => resolve(value));
      } catch (error) {
        lastError = error;
      } finally {
        running = false;
      }
    }

    void attempt();
  });
}
