/** The sandbox application: state, clock, persistence, events and the request context handlers receive. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IncomingHttpHeaders } from 'node:http';
import type { Evaluate } from '../../server/src/routing';
import type { Clock } from './clock';
import { ApiError, notFound } from './errors';
import { Params, isSid } from './params';
import type { Out } from './serialize';
import {
  MAX_EVENTS,
  SandboxState,
  deserializeState,
  newSid,
  removeStaleTemporaries,
  serializeState,
  writeFileAtomic,
  type EventRec,
  type WorkspaceRec,
} from './state';

export interface WorkflowCheck {
  /** Error messages that make the configuration unacceptable (empty when it is fine). */
  errors: string[];
}

export type ValidateWorkflow = (configuration: string, queueSids: string[]) => WorkflowCheck;

/** The first error in an expression of the given scope, as a message, or undefined when it parses. */
export type CheckExpression = (text: string, scope: 'targetWorkers' | 'filter') => string | undefined;

export interface Request {
  method: string;
  /** The path without query, e.g. `/v1/Workspaces/WS.../Workers`. */
  path: string;
  query: Params;
  body: Params;
  /** The parsed body when it was JSON. */
  json?: unknown;
  headers: IncomingHttpHeaders;
  /** `http://host:port` as the client addressed the server. */
  base: string;
  pathParams: Record<string, string>;
  ip: string | null;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface AppOptions {
  accountSid: string;
  clock: Clock;
  dataFile?: string;
  evaluate: Evaluate;
  validateWorkflow: ValidateWorkflow;
  checkExpression: CheckExpression;
}

export class App {
  state = new SandboxState();
  readonly accountSid: string;
  readonly clock: Clock;
  readonly dataFile: string | undefined;
  readonly evaluate: Evaluate;
  readonly validateWorkflow: ValidateWorkflow;
  readonly checkExpression: CheckExpression;
  private dirty = false;
  /** The text last written to the data file: the state to return to when a write fails. */
  private saved: string | undefined;

  constructor(options: AppOptions) {
    this.accountSid = options.accountSid;
    this.clock = options.clock;
    this.dataFile = options.dataFile;
    this.evaluate = options.evaluate;
    this.validateWorkflow = options.validateWorkflow;
    this.checkExpression = options.checkExpression;
  }

  /** Loads the data file if it exists. Returns the Account SID stored in it, if any. */
  load(): string | undefined {
    if (!this.dataFile) return undefined;
    if (fs.existsSync(path.dirname(path.resolve(this.dataFile)))) removeStaleTemporaries(this.dataFile);
    if (!fs.existsSync(this.dataFile)) return undefined;
    const { state, accountSid } = deserializeState(fs.readFileSync(this.dataFile, 'utf8'), this.dataFile);
    this.state = state;
    return accountSid;
  }

  now(): number {
    return this.clock.now();
  }

  /** Marks the state changed; `commit` writes it. */
  touch(): void {
    this.dirty = true;
  }

  get isDirty(): boolean {
    return this.dirty;
  }

  /** Writes the state to the data file now, and keeps what was written as the last state on disk. */
  save(): void {
    if (!this.dataFile) return;
    const text = serializeState(this.state, this.accountSid);
    writeFileAtomic(this.dataFile, text);
    this.saved = text;
  }

  /**
   * Writes the state if it changed (atomically, before the response goes out). When the write fails (disk full, the
   * folder gone), the change is undone in memory too: clients are only ever told about state that is on disk, so a
   * restart never loses an acknowledged change and never shows one that was refused.
   */
  commit(): void {
    if (!this.dirty) return;
    this.dirty = false;
    if (!this.dataFile) return;
    try {
      this.save();
    } catch (err) {
      if (this.saved !== undefined) this.state = deserializeState(this.saved, this.dataFile).state;
      throw new ApiError(
        500,
        20500,
        `The sandbox could not write its data file ${this.dataFile}, so the change was not made: ${(err as Error).message}`,
      );
    }
  }

  workspace(req: Request, name = 'WorkspaceSid'): WorkspaceRec {
    const sid = req.pathParams[name];
    const ws = sid ? this.state.workspaces.get(sid) : undefined;
    if (!ws) throw notFound(req.path);
    return ws;
  }

  /** A record by SID from one of the workspace's maps, or 404. */
  find<T>(map: Map<string, T>, sid: string | undefined, req: Request): T {
    const rec = sid !== undefined && isSid(sid) ? map.get(sid) : undefined;
    if (rec === undefined) throw notFound(req.path);
    return rec;
  }

  out(req: Request, ws: WorkspaceRec): Out {
    return { base: req.base, accountSid: this.accountSid, ws, now: this.now() };
  }

  recordEvent(
    ws: WorkspaceRec,
    e: Omit<EventRec, 'sid' | 'seq' | 'event_date' | 'source' | 'source_ip_address'> & {
      source?: string;
      source_ip_address?: string | null;
    },
  ): EventRec {
    const event: EventRec = {
      sid: newSid('EV'),
      seq: this.state.nextSeq(),
      event_date: this.now(),
      source: 'twilio',
      source_ip_address: null,
      ...e,
    };
    ws.events.push(event);
    if (ws.events.length > MAX_EVENTS) ws.events.splice(0, ws.events.length - MAX_EVENTS);
    this.touch();
    return event;
  }
}

export type Handler = (app: App, req: Request) => Reply;

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** A path template such as `/v1/Workspaces/{WorkspaceSid}/Workers/{Sid}`. */
  template: string;
  handler: Handler;
}
