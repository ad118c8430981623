/**
 * The ledger of chains under load and over time: runners appending at once (two stores on one
 * SQLite file, two pools on one PostgreSQL schema) still get one gap-free ledger; chains written
 * before the ledger are adopted and still verify; the checkpoint file's latest line is the one
 * compared, a changed line is named; the webhook gets the checkpoint; a mistake in
 * audit.checkpoint names the field.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readLatestCheckpoint, takeCheckpoint } from '../../src/audit/checkpoint.ts';
import { CheckpointWriteError, publishCheckpoint } from '../../src/audit/checkpoint-publish.ts';
import { openAuditTrail, storeVerified, verifyStore } from '../../src/audit/trail.ts';
import { recordHash } from '../../src/audit/trail-hash.ts';
import { checkKnownKeys } from '../../src/config/known-keys.ts';
import { mergeConfig } from '../../src/config/load.ts';
import { validateConfig } from '../../src/config/validate.ts';
import { DEFAULT_CONFIG } from '../../src/config/config.ts';
import { openStore, type AuditRow, type Store } from '../../src/store/index.ts';
import { usePgSchemas } from '../helpers/pg-schemas.ts';
import { thrown } from '../helpers/thrown.ts';
import { storeDb } from '../helpers/store-internals.ts';

const KEY = Buffer.from('a-test-only-audit-key-0123456789', 'utf8');
const CHAINS_PER_STORE = 4;

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'kanslist-ledger-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const opened: Store[] = [];
const pgSchemas = usePgSchemas('kanslist_ledger');
const pgUrl = pgSchemas.url;
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

async function track(store: Promise<Store>): Promise<Store> {
  const s = await store;
  opened.push(s);
  return s;
}

/** Several chains on each of two stores (two runners), all opened and closed at once. */
async function concurrentChains(stores: Store[]): Promise<void> {
  await Promise.all(
    stores.flatMap((store, s) =>
      Array.from({ length: CHAINS_PER_STORE }, async (_, c) => {
        const trail = await openAuditTrail(
          store,
          { bot: 'b', botVersion: 'v1', host: `runner-${s}`, runId: `chain-${s}-${c}` },
          { key: KEY },
        );
        for (let n = 0; n < 3; n++) await trail.append({ kind: 'schedule.decision', data: { n } });
        await trail.close();
      }),
    ),
  );
}

function defineConcurrency(engine: string, openTwo: () => Promise<[Store, Store]>): void {
  it(`${engine}: two runners appending at once get one gap-free ledger that verifies`, async () => {
    const stores = await openTwo();
    await concurrentChains(stores);
    const ledger = await stores[0].audit.ledger();
    expect(ledger.map((e) => e.seq)).toEqual(Array.from({ length: 2 * 2 * CHAINS_PER_STORE }, (_, i) => i + 1));
    expect(new Set(ledger.map((e) => e.chain_id)).size).toBe(2 * CHAINS_PER_STORE);
    const v = await verifyStore(stores[1], { key: KEY });
    expect(v.ledger.problems).toEqual([]);
    expect(storeVerified(v)).toBe(true);
  });
}

describe('the ledger of chains', () => {
  defineConcurrency('sqlite', async () => {
    const file = join(tempDir(), 'kanslist.db');
    const first = await track(openStore(`sqlite:${file}`));
    return [first, await track(openStore(`sqlite:${file}`))];
  });

  describe.skipIf(pgUrl === undefined)('PostgreSQL', () => {
    defineConcurrency('postgres', async () => {
      const schema = pgSchemas.newSchema();
      const first = await track(openStore(pgUrl!, { schema }));
      return [first, await track(openStore(pgUrl!, { schema }))];
    });
  });

  it('adopts a chain written before the ledger: it still verifies, and deleting it later is named', async () => {
    const store = await track(openStore(`sqlite:${join(tempDir(), 'kanslist.db')}`));
    // A chain as written before migration 009: records and an unauthenticated head, no ledger entry.
    const old: AuditRow = {
      run_id: 'old-run',
      seq: 1,
      at: 1_700_000_000_000,
      kind: 'schedule.decision',
      item_id: null,
      item_key: null,
      bot: 'b',
      bot_version: 'v1',
      host: 'h',
      data: '{}',
      subjects: [],
      prev_hash: null,
      hash: '',
      format: 2,
      data_digest: null,
      purged_at: null,
      purged_by: null,
    };
    old.hash = recordHash(old, KEY);
    await store.audit.appendBatch('old-run', [old]);
    expect(storeVerified(await verifyStore(store, { key: KEY }))).toBe(true);

    const trail = await openAuditTrail(store, { bot: 'b', botVersion: 'v1', host: 'h', runId: 'new-run' }, { key: KEY });
    await trail.append({ kind: 'schedule.decision', data: {} });
    await trail.close();
    expect((await store.audit.ledger()).map((e) => [e.kind, e.chain_id])).toEqual([
      ['adopt', 'old-run'],
      ['open', 'new-run'],
      ['close', 'new-run'],
    ]);
    expect((await store.audit.heads()).map((h) => [h.run_id, h.format])).toEqual([
      ['new-run', 2],
      ['old-run', 1],
    ]);
    expect(storeVerified(await verifyStore(store, { key: KEY }))).toBe(true);

    for (const table of ['audit_records', 'audit_heads'] as const)
      await storeDb(store)
        .withTables<{ [K in typeof table]: { run_id: string } }>()
        .deleteFrom(table)
        .where('run_id', '=', 'old-run')
        .execute();
    const v = await verifyStore(store, { key: KEY });
    expect(v.ledger.problems.map((p) => [p.kind, p.chainId])).toEqual([['chain deleted', 'old-run']]);
  });
});

describe('the checkpoint', () => {
  it('compares the latest line of the file (highest ledger entry), and names a changed line', async () => {
    const dir = tempDir();
    const store = await track(openStore(`sqlite:${join(dir, 'kanslist.db')}`));
    const file = join(dir, 'kanslist.ckpt');
    const chain = async (runId: string) => {
      const trail = await openAuditTrail(store, { bot: 'b', botVersion: 'v1', host: 'h', runId }, { key: KEY });
      await trail.append({ kind: 'run.start', data: {} });
      await trail.close();
    };
    await chain('a');
    const early = await takeCheckpoint(store, KEY);
    await chain('b');
    const late = await takeCheckpoint(store, KEY);
    // Two runners may finish in either order: the later line may be the earlier state.
    await publishCheckpoint(late, { file }, { root: dir });
    await publishCheckpoint(early, { file }, { root: dir });
    const read = await readLatestCheckpoint(file, KEY);
    expect(read.problems).toEqual([]);
    expect(read.latest).toEqual(late);

    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(
      file,
      [lines[0]!.replace(`"ledgerSeq":${late.ledgerSeq}`, `"ledgerSeq":${late.ledgerSeq + 5}`), ...lines.slice(1)].join('\n'),
    );
    const changed = await readLatestCheckpoint(file, KEY);
    expect(changed.latest).toEqual(early);
    expect(changed.problems.map((p) => p.detail)).toEqual([expect.stringContaining('line 1 of the checkpoint file')]);
    expect(await readLatestCheckpoint(join(dir, 'none.ckpt'), KEY)).toEqual({ latest: undefined, problems: [] });
  });

  describe('webhook', () => {
    let server: Server | undefined;
    afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

    async function listen(status: number, received: unknown[]): Promise<string> {
      server = createServer((req, res) => {
        let body = '';
        req.setEncoding('utf8').on('data', (c: string) => (body += c));
        req.on('end', () => {
          received.push({ method: req.method, auth: req.headers.authorization, body: JSON.parse(body) as unknown });
          res.writeHead(status).end();
        });
      });
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      return `http://127.0.0.1:${port}/hooks/secret-token-123`;
    }

    it('POSTs the checkpoint as JSON with the configured headers', async () => {
      const received: unknown[] = [];
      const url = await listen(204, received);
      const store = await track(openStore(`sqlite:${join(tempDir(), 'kanslist.db')}`));
      const checkpoint = await takeCheckpoint(store, KEY);
      expect(
        await publishCheckpoint(checkpoint, { webhook: { url, headers: { authorization: 'Bearer t' } } }, { root: tempDir() }),
      ).toEqual(['webhook']);
      expect(received).toEqual([{ method: 'POST', auth: 'Bearer t', body: checkpoint }]);
    });

    it('a refused checkpoint is a KANSLIST_AUDIT_CHECKPOINT error naming the webhook, not its address', async () => {
      const url = await listen(500, []);
      const store = await track(openStore(`sqlite:${join(tempDir(), 'kanslist.db')}`));
      const error = await publishCheckpoint(await takeCheckpoint(store, null), { webhook: { url } }, { root: tempDir() }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CheckpointWriteError);
      expect((error as CheckpointWriteError).code).toBe('KANSLIST_AUDIT_CHECKPOINT');
      expect((error as Error).message).toContain('webhook: answered HTTP 500');
      expect((error as Error).message).not.toContain('secret-token-123');
    });
  });

  it('a mistake in audit.checkpoint names the field', () => {
    const validate = (audit: unknown) => () => validateConfig(mergeConfig(DEFAULT_CONFIG, { audit } as never), 'kanslist.config.ts');
    expect(thrown(validate({ checkpoint: { webhook: { url: 'ftp://x' } } })).message).toMatch(/^audit\.checkpoint\.webhook\.url: /);
    expect(thrown(validate({ checkpoint: { file: '' } })).message).toMatch(/^audit\.checkpoint\.file: /);
    expect(thrown(validate({ checkpoint: { log: 'yes' } })).message).toMatch(/^audit\.checkpoint\.log: /);
    expect(thrown(validate({ checkpoint: {} })).message).toMatch(/^audit\.checkpoint: names no destination/);
    expect(validate({ checkpoint: { file: '/mnt/worm/kanslist.ckpt', log: true } })).not.toThrow();
    expect(thrown(() => checkKnownKeys({ audit: { checkpoint: { fiel: 'x' } } }, 'kanslist.config.ts')).message).toContain(
      'audit.checkpoint.fiel is not a configuration key; did you mean audit.checkpoint.file?',
    );
  });
});
