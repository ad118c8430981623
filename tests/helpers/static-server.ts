/**
 * A tiny loopback HTTP server for browser tests: serves HTML (or any text) that a test defines.
 *
 * Routes are keyed by path (without query string). A route is either a string (served as
 * text/html) or a handler that gets the request (with its parsed query and form body) and returns
 * the response — enough to mimic legacy postbacks (a form posting to itself) and error pages.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The urlencoded form body of a POST (empty for GET). */
  form: URLSearchParams;
}

export interface StaticResponse {
  status?: number;
  body: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export type Route = string | ((request: StaticRequest) => string | StaticResponse);

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** How many times each path was requested. */
  readonly hits: Map<string, number>;
  close(): Promise<void>;
}

export async function startStaticServer(routes: Record<string, Route>): Promise<StaticServer> {
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    void handle(req).then(
      (response) => {
        res.writeHead(response.status ?? 200, {
          'content-type': response.contentType ?? 'text/html; charset=utf-8',
          ...response.headers,
        });
        res.end(response.body);
      },
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      },
    );
  });

  async function handle(req: IncomingMessage): Promise<StaticResponse> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const route = routes[url.pathname];
    if (route === undefined) return { status: 404, body: `No route ${url.pathname}`, contentType: 'text/plain' };
    if (typeof route === 'string') return { body: route };
    const form = new URLSearchParams(req.method === 'POST' ? await readBody(req) : '');
    const result = route({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, form });
    return typeof result === 'string' ? { body: result } : result;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
