/**
 * A scripted HTTP server for the REST client's tests: it records every request and answers with whatever the
 * test's handler returns. Listens on 127.0.0.1, port 0; `close()` also ends connections left hanging.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TaskRouterClient, type RetryOptions, type TaskRouterClientOptions } from '../../../client/src/api';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as a form. */
  form: URLSearchParams;
}

export type Reply =
  | { status?: number; headers?: Record<string, string>; body?: unknown }
  /** Never answer (the client's timeout or abort ends it). */
  | 'hang'
  /** Destroy the connection after the request arrived (the client sees a reset / hang-up). */
  | 'destroy';

export type Handler = (req: RecordedRequest, index: number) => Reply | Promise<Reply>;

export interface TestServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Resolves when at least `n` requests have arrived. */
  waitForRequests(n: number): Promise<void>;
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        form: new URLSearchParams(body),
      };
      const index = requests.length;
      requests.push(recorded);
      for (const w of waiters.filter((w) => requests.length >= w.n)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
      void Promise.resolve(handler(recorded, index)).then(
        (reply) => {
          if (reply === 'hang') return;
          if (reply === 'destroy') {
            req.socket.destroy();
            return;
          }
          const status = reply.status ?? 200;
          const headers: Record<string, string> = { ...reply.headers };
          let text = '';
          if (typeof reply.body === 'string') {
            text = reply.body;
          } else if (reply.body !== undefined) {
            text = JSON.stringify(reply.body);
            headers['Content-Type'] ??= 'application/json';
          }
          res.writeHead(status, headers);
          res.end(text);
        },
        (err: unknown) => {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end(`test handler failed: ${String(err)}`);
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    waitForRequests(n) {
      if (requests.length >= n) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ n, resolve }));
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

export const ACCOUNT_SID = 'AC' + '0123456789abcdef'.repeat(2);
export const AUTH_TOKEN = 'tok-' + 'f'.repeat(28);
export const WS = 'WS' + 'a'.repeat(32);
export const WW = 'WW' + 'b'.repeat(32);
export const WQ = 'WQ' + 'c'.repeat(32);
export const WK = 'WK' + 'd'.repeat(32);
export const WT = 'WT' + 'e'.repeat(32);
export const WR = 'WR' + '1'.repeat(32);
export const WA = 'WA' + '2'.repeat(32);

/** Records every sleep and resolves it at once, so retries run without waiting. */
export function recordingSleep(): { delays: number[]; sleep: NonNullable<RetryOptions['sleep']> } {
  const delays: number[] = [];
  return {
    delays,
    sleep: (ms) => {
      delays.push(ms);
      return Promise.resolve();
    },
  };
}

/** A client for `server` whose retries do not wait (sleeps are recorded) and whose jitter is fixed. */
export function clientFor(
  server: { baseUrl: string },
  options: TaskRouterClientOptions & { delays?: number[] } = {},
): TaskRouterClient {
  const { delays, ...rest } = options;
  const sleep = recordingSleep();
  const retry: RetryOptions = {
    sleep: (ms, signal) => {
      delays?.push(ms);
      return sleep.sleep(ms, signal);
    },
    random: () => 0.5,
    ...rest.retry,
  };
  return new TaskRouterClient(ACCOUNT_SID, AUTH_TOKEN, { baseUrl: server.baseUrl, ...rest, retry });
}

/** A list body as the API returns it. */
export function listBody(key: string, items: unknown[], nextPageUrl: string | null, url = '/v1/x'): unknown {
  return {
    [key]: items,
    meta: {
      key,
      page: 0,
      page_size: items.length,
      first_page_url: url,
      previous_page_url: null,
      url,
      next_page_url: nextPageUrl,
    },
  };
}

export function workerJson(sid: string, friendlyName: string): Record<string, unknown> {
  return {
    sid,
    account_sid: ACCOUNT_SID,
    workspace_sid: WS,
    friendly_name: friendlyName,
    activity_name: 'Available',
    activity_sid: WA,
    attributes: '{"skills":["en"]}',
    available: true,
    date_created: '2024-01-02T03:04:05Z',
    date_status_changed: '2024-01-02T03:04:06Z',
    date_updated: '2024-01-02T03:04:07Z',
    url: `https://taskrouter.twilio.com/v1/Workspaces/${WS}/Workers/${sid}`,
    links: { channels: `https://taskrouter.twilio.com/v1/Workspaces/${WS}/Workers/${sid}/Channels` },
  };
}
