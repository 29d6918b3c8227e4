/** The HTTP layer: routing of paths, Basic auth, body parsing, fault injection, JSON replies. */
import { timingSafeEqual } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { App, Reply, Request, Route } from './app';
import type { Scheduler } from './engine';
import { ApiError, badRequest, methodNotAllowed, notFound, tooManyRequests, unauthorized } from './errors';
import { Params } from './params';

export type FaultKind = '429' | '503' | 'stall';

export interface FaultOptions {
  /** Fraction of requests (0..1) that get a fault instead of being processed. */
  rate: number;
  kinds: FaultKind[];
  seed?: number;
}

export interface Credentials {
  accountSid: string;
  authToken: string;
  /** API keys (SK...) and their secrets. */
  apiKeys: { sid: string; secret: string }[];
}

interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
  literals: number;
}

/** Maximum request body: a 1 MB workflow configuration, form-encoded, fits. */
const MAX_BODY = 4 * 1024 * 1024;

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  let literals = 0;
  const pattern = route.template
    .split('/')
    .map((seg) => {
      const m = /^\{(\w+)\}$/.exec(seg);
      if (m) {
        names.push(m[1]);
        return '([^/]+)';
      }
      if (seg !== '') literals++;
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { ...route, regex: new RegExp(`^${pattern}/?$`), names, literals };
}

/** A small deterministic generator (mulberry32) so fault sequences repeat for a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function authorized(header: string | undefined, creds: Credentials): boolean {
  if (!header || !/^basic\s+/i.test(header)) return false;
  const decoded = Buffer.from(header.replace(/^basic\s+/i, ''), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const user = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  if (user === creds.accountSid) return sameSecret(secret, creds.authToken);
  const key = creds.apiKeys.find((k) => k.sid === user);
  return key !== undefined && sameSecret(secret, key.secret);
}

export class SandboxServer {
  readonly server: http.Server;
  private readonly routes: CompiledRoute[];
  private readonly random: () => number;
  private readonly stalled = new Set<http.ServerResponse>();
  private readonly sockets = new Set<Socket>();
  /** Counts of what the fault injector did, for tests and reports. */
  readonly faultCounts = { '429': 0, '503': 0, stall: 0, processed: 0 };

  constructor(
    private readonly app: App,
    private readonly scheduler: Scheduler,
    routes: Route[],
    private readonly creds: Credentials,
    private readonly faults: FaultOptions | undefined,
  ) {
    this.routes = routes.map(compile);
    this.random = seededRandom(faults?.seed ?? 1);
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 5000;
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  listen(port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve(this.server.address() as AddressInfo);
      });
    });
  }

  close(): Promise<void> {
    for (const res of this.stalled) res.destroy();
    this.stalled.clear();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      for (const s of this.sockets) s.destroy();
    });
  }

  private pickFault(): FaultKind | undefined {
    const f = this.faults;
    if (!f || f.rate <= 0 || f.kinds.length === 0) return undefined;
    const roll = this.random();
    const which = this.random();
    if (roll >= f.rate) return undefined;
    return f.kinds[Math.min(f.kinds.length - 1, Math.floor(which * f.kinds.length))];
  }

  private send(res: http.ServerResponse, reply: Reply): void {
    const headers: Record<string, string> = { ...(reply.headers ?? {}) };
    if (reply.status === 204 || reply.body === undefined) {
      res.writeHead(reply.status, headers);
      res.end();
      return;
    }
    const text = JSON.stringify(reply.body);
    headers['Content-Type'] = 'application/json; charset=utf-8';
    headers['Content-Length'] = String(Buffer.byteLength(text));
    res.writeHead(reply.status, headers);
    res.end(text);
  }

  private sendError(res: http.ServerResponse, err: ApiError): void {
    this.send(res, { status: err.status, body: err.toBody(), headers: err.headers });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const fault = this.pickFault();
    if (fault) {
      this.faultCounts[fault]++;
      // A faulted request is never processed: its body is drained and dropped.
      req.resume();
      if (fault === 'stall') {
        this.stalled.add(res);
        res.on('close', () => this.stalled.delete(res));
        return;
      }
      if (fault === '429') this.sendError(res, tooManyRequests());
      else this.sendError(res, new ApiError(503, 20503, 'Service Unavailable'));
      return;
    }
    if (!authorized(req.headers.authorization, this.creds)) {
      req.resume();
      this.sendError(res, unauthorized());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) {
        this.sendError(res, badRequest(`Request body is larger than ${MAX_BODY} bytes`));
        return;
      }
      this.dispatch(req, res, Buffer.concat(chunks).toString('utf8'));
    });
  }

  private dispatch(req: http.IncomingMessage, res: http.ServerResponse, bodyText: string): void {
    const host = req.headers.host ?? `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    const url = new URL(req.url ?? '/', `http://${host}`);
    const path = url.pathname.replace(/\.json$/, '');
    const method = (req.method ?? 'GET').toUpperCase();
    let reply: Reply;
    try {
      const candidates = this.routes.filter((r) => r.regex.test(path));
      if (candidates.length === 0) throw notFound(path);
      const route = candidates.filter((r) => r.method === method).sort((a, b) => b.literals - a.literals)[0];
      if (!route) throw methodNotAllowed(method, path);
      const m = route.regex.exec(path)!;
      const pathParams: Record<string, string> = {};
      route.names.forEach((n, i) => (pathParams[n] = decodeURIComponent(m[i + 1])));
      const contentType = String(req.headers['content-type'] ?? '');
      let json: unknown;
      let body = new Params(new URLSearchParams());
      if (contentType.includes('application/json') && bodyText.trim() !== '') {
        try {
          json = JSON.parse(bodyText);
        } catch (err) {
          throw badRequest(`Request body is not valid JSON: ${(err as Error).message}`);
        }
      } else if (bodyText !== '') {
        body = Params.parse(bodyText);
      }
      const request: Request = {
        method,
        path,
        query: new Params(url.searchParams),
        body,
        ...(json !== undefined ? { json } : {}),
        headers: req.headers,
        base: `http://${host}`,
        pathParams,
        ip: req.socket.remoteAddress ?? null,
      };
      reply = route.handler(this.app, request);
      this.faultCounts.processed++;
      if (this.app.isDirty) this.scheduler.run();
    } catch (err) {
      if (err instanceof ApiError) {
        // A rejected request may have recorded nothing; if it did, keep the state consistent on disk.
        if (this.app.isDirty) {
          try {
            this.scheduler.run();
          } catch {
            // Reported below as the original error.
          }
        }
        this.sendError(res, err);
        return;
      }
      this.sendError(res, new ApiError(500, 20500, `Internal sandbox error: ${(err as Error).message}`));
      return;
    }
    this.send(res, reply);
  }
}
