/**
 * The workspace data of each document, asked of the client with `taskrouter/workspaceData` and kept for a while.
 *
 * - One answer per document URI, reused for `ttlMs` after it arrived (null is an answer too: kept the same way).
 * - Concurrent asks for one URI share one request.
 * - Diagnostics wait for a fresh answer (`get`); completion, hover and code actions must not (`peek`): they take a
 *   fresh or stale answer at once, and wait at most `interactiveWaitMs` only when there is no answer yet.
 * - A request that fails (an editor without the request answers MethodNotFound) turns asking off for the session:
 *   `onUnavailable` is called once, and every document is then served without data.
 */
import type { WorkspaceDataResult } from '../protocol';
import { TIMED_OUT, withDeadline } from './deadline';

export interface WorkspaceDataOptions {
  /** Asks the client (the `taskrouter/workspaceData` request). */
  request(uri: string): Promise<WorkspaceDataResult>;
  /** Called once, with the first failure, when asking is turned off. */
  onUnavailable(error: unknown, uri: string): void;
  ttlMs: number;
  interactiveWaitMs: number;
  now?: () => number;
}

interface Entry {
  /** The last answer and when it arrived; absent until the first answer. */
  answer?: { data: WorkspaceDataResult; at: number };
  /** The request in flight, if any. */
  pending?: Promise<WorkspaceDataResult>;
}

export class WorkspaceDataCache {
  private readonly entries = new Map<string, Entry>();
  private enabled = true;
  private readonly now: () => number;

  constructor(private readonly options: WorkspaceDataOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Never ask (the client said `workspaceData: false`, or the request failed). */
  disable(): void {
    this.enabled = false;
    this.entries.clear();
  }

  get asking(): boolean {
    return this.enabled;
  }

  /** A fresh answer: the kept one if it is younger than the TTL, else the client's next answer. */
  async get(uri: string): Promise<WorkspaceDataResult> {
    if (!this.enabled) return null;
    const answer = this.entries.get(uri)?.answer;
    if (answer && this.isFresh(answer.at)) return answer.data;
    return this.fetch(uri);
  }

  /**
   * An answer without waiting long: the kept one even if stale (a fresh one is asked for in the background), else the
   * answer in flight if it comes within `interactiveWaitMs`, else null.
   */
  async peek(uri: string): Promise<WorkspaceDataResult> {
    if (!this.enabled) return null;
    const answer = this.entries.get(uri)?.answer;
    if (answer && this.isFresh(answer.at)) return answer.data;
    const pending = this.fetch(uri);
    if (answer) return answer.data;
    const result = await withDeadline(pending, this.options.interactiveWaitMs);
    return result === TIMED_OUT ? null : result;
  }

  /** Drops the answers for one document, or for all: the next `get` asks again. */
  invalidate(uri?: string): void {
    if (uri === undefined) this.entries.clear();
    else this.entries.delete(uri);
  }

  private isFresh(at: number): boolean {
    return this.now() - at < this.options.ttlMs;
  }

  /** The client's answer; a request that throws at once (the connection closed) is a failed request too. */
  private ask(uri: string): Promise<WorkspaceDataResult> {
    try {
      return this.options.request(uri);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** The request in flight for `uri`, or a new one. */
  private fetch(uri: string): Promise<WorkspaceDataResult> {
    let entry = this.entries.get(uri);
    if (entry?.pending) return entry.pending;
    if (!entry) this.entries.set(uri, (entry = {}));
    const owner = entry;
    const pending = this.ask(uri).then(
      (data) => {
        // Keep the answer only if nothing dropped this entry while the request was in flight.
        if (this.entries.get(uri) === owner) owner.answer = { data: data ?? null, at: this.now() };
        return data ?? null;
      },
      (error: unknown) => {
        if (this.enabled) {
          this.disable();
          // Reporting goes over the connection too, which throws once closed: that must not reject every waiter.
          try {
            this.options.onUnavailable(error, uri);
          } catch {
            // Nothing more to report to.
          }
        }
        return null;
      },
    );
    owner.pending = pending;
    void pending.finally(() => {
      if (owner.pending === pending) owner.pending = undefined;
    });
    return pending;
  }
}
