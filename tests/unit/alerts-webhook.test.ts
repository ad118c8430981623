/**
 * Alerts against a real webhook (node:http on 127.0.0.1, port 0): the JSON body arrives, a
 * webhook that fails twice gets the alert once, one that never answers is given up after the
 * configured attempts — and raise() returns at once every time. Small attempts, timeouts and
 * backoff keep it fast.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAlerter, type Alerter, type WebhookBody } from '../../src/alerts/index.ts';
import type { Logger } from '../../src/log/logger.ts';
import { clearSecrets, registerSecret } from '../../src/redact/redact.ts';
import type { KanslistConfig } from '../../src/config/config.ts';

type Line = { level: 'error' | 'warn' | 'info' | 'debug'; message: string; meta: Record<string, unknown> | undefined };

function recordingLog(): Logger & { lines: Line[] } {
  const lines: Line[] = [];
  const at = (level: Line['level']) => (message: string, meta?: Record<string, unknown>) => void lines.push({ level, message, meta });
  const log = {
    lines,
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    child: () => log,
    flush: () => Promise.resolve(),
  };
  return log;
}

interface Webhook {
  url: string;
  requests: Array<{ headers: IncomingMessage['headers']; body: WebhookBody }>;
}

const servers: Server[] = [];

/** A webhook that answers each request with `answer(n)` (n counting from 1), or never when it returns null. */
async function startWebhook(answer: (n: number) => number | null): Promise<Webhook> {
  const requests: Webhook['requests'] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: JSON.parse(text) as WebhookBody });
      const status = answer(requests.length);
      if (status !== null) res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/T0KEN-in-path`, requests };
}

function config(
  url: string | undefined,
  alerts: { attempts?: number; timeoutMs?: number } = {},
): Pick<KanslistConfig, 'alerts' | 'organisation'> {
  return {
    organisation: 'Exempel kommun',
    alerts: {
      attempts: alerts.attempts ?? 4,
      timeoutMs: alerts.timeoutMs ?? 2000,
      ...(url === undefined ? {} : { webhook: { url, headers: { authorization: 'Bearer hook-secret' } } }),
    },
  };
}

const alerters: Alerter[] = [];
function alerter(o: Parameters<typeof createAlerter>[0]): Alerter {
  const a = createAlerter({ backoffMs: 5, host: 'sched-01', ...o });
  alerters.push(a);
  return a;
}

afterEach(async () => {
  // Servers first: a request one of them never answered then fails at once, and flush() has nothing left to wait for.
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  for (const a of alerters.splice(0)) await a.flush(5000);
  clearSecrets();
});

describe('alerts: webhook', () => {
  it('POSTs the alert as JSON with the configured headers, and logs it as an error at once', async () => {
    const hook = await startWebhook(() => 200);
    const log = recordingLog();
    const alerts = alerter({ config: config(hook.url), log });
    const at = Date.parse('2026-03-02T06:00:05Z');
    alerts.raise({
      kind: 'run-failed',
      schedule: 'permit-intake',
      bot: 'permit-intake',
      runId: 'run-1',
      message: 'permit-intake: the run failed',
      details: { exitCode: 3 },
      at,
    });
    expect(log.lines).toEqual([expect.objectContaining({ level: 'error', message: 'Alert (run-failed): permit-intake: the run failed' })]);

    expect(await alerts.flush()).toEqual({ delivered: 1, failed: 0, pending: 0 });
    expect(hook.requests).toHaveLength(1);
    expect(hook.requests[0]!.headers['content-type']).toBe('application/json');
    expect(hook.requests[0]!.headers.authorization).toBe('Bearer hook-secret');
    expect(hook.requests[0]!.body).toEqual({
      source: 'kanslist',
      organisation: 'Exempel kommun',
      kind: 'run-failed',
      severity: 'error',
      at: '2026-03-02T06:00:05.000Z',
      schedule: 'permit-intake',
      bot: 'permit-intake',
      runId: 'run-1',
      message: 'permit-intake: the run failed',
      details: { exitCode: 3 },
      host: 'sched-01',
    });
  });

  it('delivers once when the first two attempts answer 500', async () => {
    const hook = await startWebhook((n) => (n <= 2 ? 500 : 200));
    const log = recordingLog();
    const alerts = alerter({ config: config(hook.url, { attempts: 4 }), log });
    alerts.raise({ kind: 'preflight-failed', schedule: 'permit-intake', system: 'casehub', message: 'preflight of casehub failed' });
    expect(await alerts.flush()).toEqual({ delivered: 1, failed: 0, pending: 0 });
    expect(hook.requests.map((r) => r.body.kind)).toEqual(['preflight-failed', 'preflight-failed', 'preflight-failed']);
    expect(log.lines.filter((l) => l.message.includes('could not be delivered'))).toEqual([]);
  });

  it('gives up on a webhook that never answers after the configured attempts; raise() returned at once', async () => {
    const hook = await startWebhook(() => null);
    const log = recordingLog();
    const alerts = alerter({ config: config(hook.url, { attempts: 3, timeoutMs: 150 }), log });
    alerts.raise({ kind: 'run-timed-out', schedule: 'nightly', message: 'nightly: stopped at its maximum duration' });
    // raise() has returned: the alert is already in the log, while its delivery has not even reached the server.
    expect(log.lines.map((l) => l.level)).toEqual(['error']);
    expect(hook.requests).toHaveLength(0);

    expect(await alerts.flush()).toEqual({ delivered: 0, failed: 1, pending: 0 });
    expect(hook.requests).toHaveLength(3);
    const givenUp = log.lines.filter((l) => l.message.includes('could not be delivered'));
    expect(givenUp).toHaveLength(1);
    expect(givenUp[0]).toMatchObject({ level: 'error', meta: expect.objectContaining({ alert: 'run-timed-out', schedule: 'nightly' }) });
    expect(givenUp[0]!.message).toContain('after 3 attempt(s): no answer within 150 ms');
    // The log names the webhook by its origin only: the path holds its token.
    expect(JSON.stringify(log.lines)).not.toContain('T0KEN');
  });

  it('gives up on a refused connection without throwing', async () => {
    const hook = await startWebhook(() => 200);
    const refused = hook.url;
    const server = servers.pop()!;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const log = recordingLog();
    const alerts = alerter({ config: config(refused, { attempts: 2 }), log });
    expect(() => alerts.raise({ kind: 'review-items', schedule: 'permit-intake', message: '2 new items wait in review' })).not.toThrow();
    expect(await alerts.flush()).toEqual({ delivered: 0, failed: 1, pending: 0 });
    expect(log.lines.at(-1)!.message).toMatch(/after 2 attempt\(s\): connection failed \(ECONNREFUSED\)/);
  });

  it('does not retry a body the webhook rejects (4xx)', async () => {
    const hook = await startWebhook(() => 400);
    const log = recordingLog();
    const alerts = alerter({ config: config(hook.url, { attempts: 4 }), log });
    alerts.raise({ kind: 'drift', system: 'casehub', message: '2 targets matched by a fallback' });
    expect(await alerts.flush()).toEqual({ delivered: 0, failed: 1, pending: 0 });
    expect(hook.requests).toHaveLength(1);
    expect(log.lines.at(-1)!.message).toContain('after 1 attempt(s): HTTP 400');
  });

  it('masks personal numbers and secrets in the message and details, in the log and the webhook', async () => {
    registerSecret('Robot-Passw0rd!');
    const hook = await startWebhook(() => 200);
    const log = recordingLog();
    const alerts = alerter({ config: config(hook.url), log });
    alerts.raise({
      kind: 'run-failed',
      message: 'login as robot with Robot-Passw0rd! failed while on 19121212-1212',
      details: { error: new Error('case for 191212121212 rejected'), applicant: '19121212-1212', nested: [{ pw: 'Robot-Passw0rd!' }] },
    });
    await alerts.flush();
    const sent = JSON.stringify(hook.requests[0]!.body);
    const logged = JSON.stringify(log.lines);
    for (const text of [sent, logged]) {
      expect(text).not.toContain('Robot-Passw0rd!');
      expect(text).not.toContain('1212-1212');
      expect(text).not.toContain('191212121212');
      expect(text).toContain('login as robot with');
    }
    expect(hook.requests[0]!.body.details).toMatchObject({ error: { name: 'Error', message: expect.stringContaining('rejected') } });
  });

  it('waits for deliveries in flight up to the flush timeout and reports them pending', async () => {
    const hook = await startWebhook(() => null);
    const log = recordingLog();
    const alerts = alerter({ config: config(hook.url, { attempts: 1, timeoutMs: 30_000 }), log });
    alerts.raise({ kind: 'run-failed', message: 'a failed run' });
    await expect.poll(() => hook.requests.length).toBe(1);
    expect(await alerts.flush(20)).toEqual({ delivered: 0, failed: 0, pending: 1 });
    expect(log.lines.at(-1)).toMatchObject({ level: 'warn', message: expect.stringContaining('still being delivered') });
  });
});

describe('alerts: without a webhook', () => {
  it('only logs: warn for review items and drift, error for failures; nothing is sent', async () => {
    const log = recordingLog();
    const fetch = (() => {
      throw new Error('no webhook is configured: nothing may be sent');
    }) as unknown as typeof globalThis.fetch;
    const alerts = alerter({ config: config(undefined), log, fetch });
    alerts.raise({ kind: 'review-items', schedule: 'permit-intake', message: '3 new items wait in review', details: { review: 3 } });
    alerts.raise({ kind: 'drift', system: 'casehub', message: 'a target matched by a fallback' });
    alerts.raise({ kind: 'preflight-failed', system: 'casehub', message: 'login failed' });
    expect(log.lines.map((l) => [l.level, l.message])).toEqual([
      ['warn', 'Alert (review-items): 3 new items wait in review'],
      ['warn', 'Alert (drift): a target matched by a fallback'],
      ['error', 'Alert (preflight-failed): login failed'],
    ]);
    expect(log.lines[0]!.meta).toEqual({ alert: 'review-items', schedule: 'permit-intake', details: { review: 3 } });
    expect(await alerts.flush()).toEqual({ delivered: 0, failed: 0, pending: 0 });
  });

  it('never throws, even for details that cannot be serialised or a logger that fails', () => {
    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = circular;
    const log = recordingLog();
    const alerts = alerter({ config: config(undefined), log });
    expect(() => alerts.raise({ kind: 'run-failed', message: 'x', details: { circular, big: 10n } })).not.toThrow();
    expect(log.lines[0]!.meta).toMatchObject({ details: { circular: { name: 'loop', self: '[circular]' }, big: '10' } });
    const broken = {
      ...recordingLog(),
      error: () => {
        throw new Error('disk full');
      },
    };
    expect(() => alerter({ config: config(undefined), log: broken }).raise({ kind: 'run-failed', message: 'y' })).not.toThrow();
  });
});
