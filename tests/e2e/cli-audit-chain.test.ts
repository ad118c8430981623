/**
 * `kanslist audit checkpoint` and `kanslist audit verify --all` as an operator runs them, with the
 * checkpoint file set in kanslist.config.ts: the checkpoint is written (file and operator log),
 * an intact store verifies against it, and after a run is deleted and the ledger's last entry
 * cut, verify exits non-zero naming both. The store is filled through the API; no browser.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { plainEnv, runCli } from '../helpers/cli.ts';
import { recordRun } from '../helpers/audit-fill.ts';
import { storeDb } from '../helpers/store-internals.ts';

const KEY = 'cli-test-audit-key-0123456789abcdef';

describe('kanslist audit checkpoint / verify --all', () => {
  let project: string;
  let storeUrl: string;
  let runs: string[];
  const env = () => plainEnv({ KANSLIST_AUDIT_KEY: KEY, KANSLIST_STORE: storeUrl });
  const cli = (args: string[]) => runCli(args, { env: env(), cwd: project });

  async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
    const store = await openStore(storeUrl);
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  }

  beforeAll(async () => {
    project = mkdtempSync(join(tmpdir(), 'kanslist-ckpt-'));
    mkdirSync(join(project, 'other-volume'));
    writeFileSync(
      join(project, 'kanslist.config.ts'),
      "export default { audit: { checkpoint: { file: 'other-volume/kanslist.ckpt', log: true } } };\n",
    );
    storeUrl = `sqlite:${join(project, 'var', 'kanslist.db')}`;
    mkdirSync(join(project, 'var'));
    const key = Buffer.from(KEY, 'utf8');
    runs = await withStore(async (store) => [await recordRun(store, key, ['A-1']), await recordRun(store, key, ['B-1'])]);
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('writes the checkpoint to the file and the operator log', async () => {
    const result = await cli(['audit', 'checkpoint']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Checkpoint at ledger entry 4 (2 chains) written to');
    const lines = readFileSync(join(project, 'other-volume', 'kanslist.ckpt'), 'utf8')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ ledgerSeq: 4, chains: 2 });
    const logs = join(project, 'var', 'logs');
    expect(existsSync(logs)).toBe(true);
    expect(
      readdirSync(logs)
        .map((f) => readFileSync(join(logs, f), 'utf8'))
        .join(''),
    ).toContain('audit checkpoint');
  });

  it('verifies an intact store against the checkpoint', async () => {
    const result = await cli(['audit', 'verify', '--all']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('ledger of chains: OK (4 entries)');
    expect(result.stdout).toMatch(/checkpoint of .*: the store still holds ledger entry 4\./);
  });

  it('exits non-zero and names a deleted run and a ledger cut behind the checkpoint', async () => {
    const [deleted] = runs as [string];
    await withStore(async (store) => {
      const db = storeDb(store).withTables<{
        audit_records: { run_id: string };
        audit_subjects: { run_id: string };
        audit_heads: { run_id: string };
        audit_ledger: { seq: number };
      }>();
      for (const table of ['audit_subjects', 'audit_records', 'audit_heads'] as const)
        await db.deleteFrom(table).where('run_id', '=', deleted).execute();
      await db.deleteFrom('audit_ledger').where('seq', '=', 4).execute();
    });
    const result = await cli(['audit', 'verify', '--all']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`LEDGER: chain deleted — chain ${deleted} is on the ledger`);
    expect(result.stdout).toContain('CHECKPOINT: behind checkpoint — the checkpoint of');
    expect(result.stdout).toContain("names ledger entry 4, but the store's ledger ends at entry 3");
  });

  it('says what to set when no checkpoint destination is configured', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'kanslist-ckpt-bare-'));
    try {
      const result = await runCli(['audit', 'checkpoint'], { env: env(), cwd: bare });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('KANSLIST_AUDIT_CHECKPOINT_UNSET');
      expect(result.stderr).toContain('audit: { checkpoint: { file:');
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
