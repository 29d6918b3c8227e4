/**
 * When diagnostics are computed and published: at once when a document opens, `delayMs` after the last change while
 * typing, for the latest version only, and cleared when the document closes.
 *
 * Each run first waits for the document's workspace data (at most `dataWaitMs`: a slow client gets diagnostics without
 * its data first, and again with it); a run whose document changed, closed or was scheduled again meanwhile is dropped
 * (a newer run publishes instead), so a slow answer never publishes stale diagnostics.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceDataResult } from '../protocol';
import { TIMED_OUT, withDeadline } from './deadline';
import { describe } from './errors';

export interface ValidationOptions {
  /** The open document, if any. */
  document(uri: string): TextDocument | undefined;
  /** Whether the service reads this document (others get no diagnostics). */
  accepts(document: TextDocument): boolean;
  workspaceData(uri: string): Promise<WorkspaceDataResult>;
  /** Optional: does the document's expensive work ahead (the parse), while the client answers the data request. */
  prepare?(document: TextDocument): void;
  /** Computes the diagnostics; an exception is logged and publishes none. */
  compute(document: TextDocument, data: WorkspaceDataResult): Diagnostic[];
  publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  log(message: string): void;
  /** How long after the last change a run starts. */
  delayMs: number;
  /** How long a run waits for the workspace data before it publishes without (and again when the data comes). */
  dataWaitMs: number;
}

export class ValidationScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Bumped by every open, change and close: a run only publishes if it is still the latest for its document. */
  private readonly generations = new Map<string, number>();
  private lastGeneration = 0;
  /** The version last scheduled per document (TextDocuments reports an open as a change too: that one is skipped). */
  private readonly scheduledVersions = new Map<string, number>();

  constructor(private readonly options: ValidationOptions) {}

  opened(document: TextDocument): void {
    if (!this.options.accepts(document)) return;
    this.schedule(document, 0);
  }

  changed(document: TextDocument): void {
    if (!this.options.accepts(document)) return;
    if (this.scheduledVersions.get(document.uri) === document.version) return;
    this.schedule(document, this.options.delayMs);
  }

  closed(uri: string): void {
    const wasTracked = this.scheduledVersions.has(uri);
    this.cancel(uri);
    this.generations.delete(uri);
    this.scheduledVersions.delete(uri);
    if (wasTracked) this.options.publish(uri, undefined, []);
  }

  /** Validates again at once (the workspace data changed). */
  revalidate(document: TextDocument): void {
    if (!this.options.accepts(document)) return;
    this.schedule(document, 0);
  }

  private schedule(document: TextDocument, delay: number): void {
    const uri = document.uri;
    this.cancel(uri);
    const generation = this.bump(uri);
    this.scheduledVersions.set(uri, document.version);
    if (delay === 0) {
      this.start(uri, generation);
    } else {
      this.timers.set(
        uri,
        setTimeout(() => this.start(uri, generation), delay),
      );
    }
  }

  /**
   * Runs without leaving a rejection unhandled: publishing to a connection that closed throws, and Node ends the
   * process on an unhandled rejection.
   */
  private start(uri: string, generation: number): void {
    this.run(uri, generation).catch((error: unknown) =>
      this.options.log(`Diagnostics run failed for ${uri}: ${describe(error)}`),
    );
  }

  private async run(uri: string, generation: number): Promise<void> {
    this.timers.delete(uri);
    const answer = this.options.workspaceData(uri);
    this.prepareWhileWaiting(uri, generation);
    const first = await withDeadline(answer, this.options.dataWaitMs);
    if (first !== TIMED_OUT) {
      this.publishLatest(uri, generation, first);
      return;
    }
    // A slow client: publish what can be said without its data now, and again with it when it comes.
    this.publishLatest(uri, generation, null);
    const data = await answer;
    if (data !== null) this.publishLatest(uri, generation, data);
  }

  /**
   * Parses while the client answers: after this turn the data request is on its way (the writer sends on a later
   * tick), so the parse overlaps the round trip instead of following it. On a 1 MB workflow that is the difference
   * between the two adding up and the longer one counting.
   */
  private prepareWhileWaiting(uri: string, generation: number): void {
    const prepare = this.options.prepare;
    if (!prepare) return;
    setImmediate(() => {
      const document = this.options.document(uri);
      if (!document || this.generations.get(uri) !== generation) return;
      try {
        prepare(document);
      } catch (error) {
        this.options.log(`Preparing ${uri} failed: ${describe(error)}`);
      }
    });
  }

  /** Computes and publishes, unless the document changed, closed or was scheduled again since `generation`. */
  private publishLatest(uri: string, generation: number, data: WorkspaceDataResult): void {
    if (this.generations.get(uri) !== generation) return;
    const document = this.options.document(uri);
    if (!document) return;
    let diagnostics: Diagnostic[];
    try {
      diagnostics = this.options.compute(document, data);
    } catch (error) {
      this.options.log(`Diagnostics failed for ${uri}: ${describe(error)}`);
      diagnostics = [];
    }
    this.options.publish(uri, document.version, diagnostics);
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** A new generation for `uri`, unique across documents, so a run survives no close and reopen. */
  private bump(uri: string): number {
    this.generations.set(uri, ++this.lastGeneration);
    return this.lastGeneration;
  }
}
