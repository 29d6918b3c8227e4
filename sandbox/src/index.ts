/**
 * The offline TaskRouter sandbox: a local, stateful server that answers the TaskRouter v1 REST API.
 *
 *   const sandbox = await startSandbox({ port: 0, clock: new ManualClock() });
 *   // ... requests to sandbox.url with Basic auth sandbox.accountSid / sandbox.authToken ...
 *   sandbox.advance(30_000); // with a ManualClock: fires target and reservation timeouts
 *   await sandbox.close();
 */
import { randomBytes } from 'node:crypto';
import { App } from './app';
import { activityRoutes } from './api/activities';
import { eventRoutes } from './api/events';
import { reservationRoutes } from './api/reservations';
import { statisticsRoutes } from './api/statistics';
import { taskChannelRoutes } from './api/taskChannels';
import { taskQueueRoutes } from './api/taskQueues';
import { taskRoutes } from './api/tasks';
import { workerRoutes } from './api/workers';
import { workflowRoutes } from './api/workflows';
import { workspaceRoutes } from './api/workspaces';
import { ManualClock, SystemClock, type Clock } from './clock';
import { Scheduler } from './engine';
import { checkExpression, checkWorkflow, evaluate } from './expressions';
import { SandboxServer, type FaultKind, type FaultOptions } from './server';

export { ManualClock, SystemClock };
export type { Clock, FaultKind, FaultOptions };
export { DEFAULT_ACTIVITIES, DEFAULT_TASK_CHANNELS, FIFO_QUEUE_NAME, FIFO_WORKFLOW_NAME } from './api/workspaces';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: '127.0.0.1';
  /** Defaults to a made-up AC... SID (or the one stored in `dataFile`). */
  accountSid?: string;
  /** Defaults to a made-up token. */
  authToken?: string;
  /** API keys accepted besides the Account SID + token. */
  apiKeys?: { sid: string; secret: string }[];
  /** Where the state is kept across restarts; without it, state lives in memory. */
  dataFile?: string;
  /** Defaults to the system clock. Pass a ManualClock to drive time from tests. */
  clock?: Clock;
  faults?: FaultOptions;
}

export interface Sandbox {
  /** `http://127.0.0.1:PORT`, the base URL for clients (paths start with /v1). */
  readonly url: string;
  readonly port: number;
  readonly accountSid: string;
  readonly authToken: string;
  readonly clock: Clock;
  /** Moves a ManualClock forward, firing due timers; throws with any other clock. */
  advance(ms: number): void;
  /** What fault injection did so far, and how many requests were processed. */
  readonly stats: {
    readonly '429': number;
    readonly '503': number;
    readonly stall: number;
    readonly processed: number;
  };
  close(): Promise<void>;
}

export const ACCOUNT_SID_PATTERN = /^AC[0-9a-fA-F]{32}$/;
export const API_KEY_PATTERN = /^SK[0-9a-fA-F]{32}$/;

export function makeAccountSid(): string {
  return 'AC' + randomBytes(16).toString('hex');
}

export function makeAuthToken(): string {
  return randomBytes(16).toString('hex');
}

export const ROUTES = [
  ...workspaceRoutes,
  ...activityRoutes,
  ...taskQueueRoutes,
  ...workerRoutes,
  ...workflowRoutes,
  ...taskRoutes,
  ...taskChannelRoutes,
  ...reservationRoutes,
  ...eventRoutes,
  ...statisticsRoutes,
];

function checkFaults(faults: FaultOptions | undefined): void {
  if (!faults) return;
  if (!(faults.rate >= 0 && faults.rate <= 1))
    throw new RangeError(`faults.rate must be between 0 and 1, got ${faults.rate}`);
  for (const k of faults.kinds) {
    if (k !== '429' && k !== '503' && k !== 'stall') {
      throw new RangeError(`faults.kinds: '${String(k)}' is not one of 429, 503, stall`);
    }
  }
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  if (options.accountSid !== undefined && !ACCOUNT_SID_PATTERN.test(options.accountSid)) {
    throw new Error('accountSid must be AC followed by 32 hex digits');
  }
  for (const key of options.apiKeys ?? []) {
    if (!API_KEY_PATTERN.test(key.sid)) throw new Error('API key SIDs must be SK followed by 32 hex digits');
  }
  checkFaults(options.faults);
  const clock = options.clock ?? new SystemClock();
  const probe = new App({
    accountSid: options.accountSid ?? '',
    clock,
    ...(options.dataFile ? { dataFile: options.dataFile } : {}),
    evaluate,
    validateWorkflow: checkWorkflow,
    checkExpression,
  });
  const stored = probe.load();
  const accountSid = options.accountSid ?? stored ?? makeAccountSid();
  const app = new App({
    accountSid,
    clock,
    ...(options.dataFile ? { dataFile: options.dataFile } : {}),
    evaluate,
    validateWorkflow: checkWorkflow,
    checkExpression,
  });
  app.state = probe.state;
  if (options.dataFile) {
    // Written once now: a data file that cannot be written stops the start with a clear message (instead of every
    // change failing later), and a made-up Account SID is kept for the next start even if nothing changes.
    try {
      app.save();
    } catch (err) {
      throw new Error(`Cannot write the sandbox data file ${options.dataFile}: ${(err as Error).message}`);
    }
  }
  const authToken = options.authToken ?? makeAuthToken();
  const scheduler = new Scheduler(app);
  const server = new SandboxServer(
    app,
    scheduler,
    ROUTES,
    { accountSid, authToken, apiKeys: options.apiKeys ?? [] },
    options.faults,
  );
  // Catch up on what fell due while the sandbox was down.
  scheduler.run();
  const address = await server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  let closed = false;
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    accountSid,
    authToken,
    clock,
    stats: server.faultCounts,
    advance(ms: number) {
      if (!(clock instanceof ManualClock)) throw new Error('advance(ms) needs the sandbox to run on a ManualClock');
      clock.advance(ms);
    },
    async close() {
      if (closed) return;
      closed = true;
      scheduler.stop();
      await server.close();
    },
  };
}
