/** Test helpers: a sandbox on 127.0.0.1:0 with a manual clock, and a small form-encoding HTTP caller. */
import { ManualClock, startSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox/src/index';

export interface Response {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

export interface Harness {
  sandbox: Sandbox;
  clock: ManualClock;
  call(
    method: string,
    path: string,
    form?: Record<string, string | string[]>,
    headers?: Record<string, string>,
  ): Promise<Response>;
  /** GET with query parameters. */
  get(path: string, query?: Record<string, string | string[]>): Promise<Response>;
  close(): Promise<void>;
}

export function basicAuth(user: string, secret: string): string {
  return 'Basic ' + Buffer.from(`${user}:${secret}`).toString('base64');
}

function encode(form: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) p.append(k, item);
  return p.toString();
}

export async function request(
  url: string,
  method: string,
  auth: string,
  form?: Record<string, string | string[]>,
  headers: Record<string, string> = {},
): Promise<Response> {
  const res = await fetch(url, {
    method,
    headers: {
      Authorization: auth,
      ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      ...headers,
    },
    ...(form ? { body: encode(form) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

export async function harness(options: SandboxOptions = {}): Promise<Harness> {
  const clock = (options.clock as ManualClock | undefined) ?? new ManualClock(Date.UTC(2024, 2, 4, 10, 0, 0));
  const sandbox = await startSandbox({ port: 0, ...options, clock });
  const auth = basicAuth(sandbox.accountSid, sandbox.authToken);
  return {
    sandbox,
    clock,
    call: (method, path, form, headers) => request(sandbox.url + path, method, auth, form, headers),
    get: (path, query) => request(sandbox.url + path + (query ? `?${encode(query)}` : ''), 'GET', auth),
    close: () => sandbox.close(),
  };
}

export interface Fixture {
  ws: string;
  activities: Record<string, string>;
  queue: string;
  workflow: string;
}

/** A FIFO workspace with its activity SIDs by name. */
export async function fifoWorkspace(h: Harness, name = 'Support'): Promise<Fixture> {
  const ws = await h.call('POST', '/v1/Workspaces', { FriendlyName: name, Template: 'FIFO' });
  if (ws.status !== 201) throw new Error(`workspace create failed: ${JSON.stringify(ws.body)}`);
  const sid = ws.body.sid as string;
  const acts = await h.get(`/v1/Workspaces/${sid}/Activities`);
  const activities: Record<string, string> = {};
  for (const a of acts.body.activities) activities[a.friendly_name] = a.sid;
  const queues = await h.get(`/v1/Workspaces/${sid}/TaskQueues`);
  const workflows = await h.get(`/v1/Workspaces/${sid}/Workflows`);
  return { ws: sid, activities, queue: queues.body.task_queues[0].sid, workflow: workflows.body.workflows[0].sid };
}
