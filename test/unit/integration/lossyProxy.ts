/**
 * A small HTTP proxy for the reliability test: it forwards every request to the sandbox and, for a chosen fraction
 * of POSTs, lets the sandbox process the request and then loses the answer: the client gets a 503 or a reset
 * connection although the change was made.
 *
 * The sandbox's own fault injection answers 429/503 *instead of* processing a request, so behind it alone a careful
 * client's "did my create go through?" check would always find nothing. This proxy makes the other case happen for
 * real: a 503 (or a broken connection) after the write was done, as the client's documentation warns.
 *
 * Listens on 127.0.0.1, port 0. Deterministic for a seed (one draw per POST, in arrival order).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LossyProxyOptions {
  /** Fraction (0..1) of POSTs whose successful answer is replaced by a 503 or a reset connection. */
  postLossRate: number;
  seed: number;
}

export interface LossyProxy {
  readonly url: string;
  /** Answers the sandbox gave (2xx to a POST) that the client never saw, by how they were lost. */
  readonly lost: { '503': number; reset: number };
  /** Requests forwarded to the sandbox. */
  readonly forwarded: number;
  close(): Promise<void>;
}

/** mulberry32: a tiny seeded generator, so a run can be repeated. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Response headers worth passing on (the body is re-sent whole, so no framing headers). */
const PASSED_HEADERS = ['content-type', 'etag', 'retry-after'];

export async function startLossyProxy(target: string, options: LossyProxyOptions): Promise<LossyProxy> {
  const random = seeded(options.seed);
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const lost = { '503': 0, reset: 0 };
  let forwarded = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const lose = req.method === 'POST' && random() < options.postLossRate;
      const how: '503' | 'reset' = lose && random() < 0.5 ? 'reset' : '503';
      forwarded++;
      const up = http.request(
        {
          protocol: upstream.protocol,
          hostname: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          // The Host header stays the proxy's, so the sandbox's `url` and `next_page_url` point here.
          headers: { ...req.headers, connection: 'keep-alive' },
          agent,
        },
        (upRes) => {
          const upChunks: Buffer[] = [];
          upRes.on('data', (c: Buffer) => upChunks.push(c));
          upRes.on('end', () => {
            const status = upRes.statusCode ?? 502;
            if (lose && status >= 200 && status < 300) {
              lost[how]++;
              if (how === 'reset') {
                req.socket.destroy();
                return;
              }
              const text = JSON.stringify({
                code: 20503,
                message: 'Service Unavailable',
                more_info: 'https://www.twilio.com/docs/errors/20503',
                status: 503,
              });
              res.writeHead(503, { 'Content-Type': 'application/json' });
              res.end(text);
              return;
            }
            const headers: Record<string, string> = {};
            for (const name of PASSED_HEADERS) {
              const value = upRes.headers[name];
              if (typeof value === 'string') headers[name] = value;
            }
            res.writeHead(status, headers);
            res.end(Buffer.concat(upChunks));
          });
        },
      );
      up.on('error', () => {
        // The sandbox closed on us (or we gave up on a stalled request): the client sees a broken connection.
        res.destroy();
      });
      // The client gave up (its timeout): stop waiting for the sandbox too.
      res.on('close', () => {
        if (!res.writableFinished) up.destroy();
      });
      up.end(body);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    lost,
    get forwarded() {
      return forwarded;
    },
    close() {
      server.closeAllConnections();
      agent.destroy();
      return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
