/**
 * Runs (one execution of a bot) and the drift events recorded during them.
 */
import { sql } from 'kysely';
import { ConfigError } from '../errors.ts';
import type { EngineAccess } from './engine.ts';
import { NotFoundError } from './errors.ts';
import { toJson, toRun } from './rows.ts';
import type { DriftEvent, DriftSummary, NewRun, Run, RunStatus, RunStore } from './types.ts';

const MIN_PREFIX = 6;
const DEFAULT_RUN_LIST_LIMIT = 50;
/** Only id-like prefixes are matched with LIKE, so no user text becomes a wildcard. */
const ID_PREFIX = /^[0-9a-f-]+$/i;

export class SqlRunStore implements RunStore {
  readonly #engine: EngineAccess;

  constructor(engine: EngineAccess) {
    this.#engine = engine;
  }

  async create(run: NewRun): Promise<Run> {
    const now = Date.now();
    const row = {
      id: crypto.randomUUID(),
      bot: run.bot,
      bot_version: run.botVersion,
      trigger: run.trigger,
      host: run.host,
      pid: run.pid,
      started_at: now,
      ended_at: null,
      heartbeat_at: now,
      status: 'running',
      input: run.input ?? null,
      summary: null,
    };
    await this.#engine.write((tx) => tx.insertInto('runs').values(row).execute());
    return toRun(row);
  }

  async heartbeat(runId: string): Promise<void> {
    const result = await this.#engine.write((tx) =>
      tx.updateTable('runs').set({ heartbeat_at: Date.now() }).where('id', '=', runId).executeTakeFirst(),
    );
    if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('run', runId);
  }

  async finish(runId: string, status: RunStatus, summary: unknown): Promise<void> {
    const now = Date.now();
    const result = await this.#engine.write((tx) =>
      tx
        .updateTable('runs')
        .set({ status, summary: toJson(summary), ended_at: now, heartbeat_at: now })
        .where('id', '=', runId)
        .executeTakeFirst(),
    );
    if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('run', runId);
  }

  async get(runId: string): Promise<Run | undefined> {
    const db = this.#engine.db;
    const exact = await db.selectFrom('runs').selectAll().where('id', '=', runId).executeTakeFirst();
    if (exact !== undefined) return toRun(exact);
    if (runId.length < MIN_PREFIX || !ID_PREFIX.test(runId)) return undefined;
    const rows = await db.selectFrom('runs').selectAll().where('id', 'like', `${runId.toLowerCase()}%`).limit(2).execute();
    if (rows.length > 1) {
      throw new ConfigError('KANSLIST_RUN_ID_AMBIGUOUS', `The run id prefix ${runId} matches more than one run`, {
        remedy: 'Give more characters of the run id (see `kanslist runs`).',
      });
    }
    return rows[0] === undefined ? undefined : toRun(rows[0]);
  }

  async list(options: { bot?: string; limit?: number } = {}): Promise<Run[]> {
    let q = this.#engine.db.selectFrom('runs').selectAll();
    if (options.bot !== undefined) q = q.where('bot', '=', options.bot);
    const rows = await q
      .orderBy('started_at', 'desc')
      .orderBy('id')
      .limit(options.limit ?? DEFAULT_RUN_LIST_LIMIT)
      .execute();
    return rows.map(toRun);
  }

  /** A stale run ends at its last heartbeat: the last moment it was known to be alive. */
  async markStale(staleMs: number, now: number = Date.now()): Promise<Run[]> {
    const rows = await this.#engine.write((tx) =>
      tx
        .updateTable('runs')
        .set({ status: 'crashed', ended_at: sql.ref<number>('heartbeat_at') })
        .where('status', '=', 'running')
        .where('heartbeat_at', '<', now - staleMs)
        .returningAll()
        .execute(),
    );
    return rows.map(toRun);
  }

  async recordDrift(event: DriftEvent): Promise<void> {
    await this.#engine.write((tx) =>
      tx
        .insertInto('drift_events')
        .values({
          run_id: event.runId,
          item_id: event.itemId,
          system: event.system,
          target: event.target,
          failed_strategy: event.failedStrategy,
          matched_strategy: event.matchedStrategy,
          at: event.at,
        })
        .execute(),
    );
  }

  async drift(runId: string): Promise<DriftSummary[]> {
    const rows = await this.#engine.db
      .selectFrom('drift_events')
      .select((eb) => [
        'system',
        'target',
        'failed_strategy',
        'matched_strategy',
        eb.fn.countAll<number | string>().as('count'),
        eb.fn.min<number | string>('at').as('first_at'),
      ])
      .where('run_id', '=', runId)
      .groupBy(['system', 'target', 'failed_strategy', 'matched_strategy'])
      .orderBy('first_at')
      .orderBy('system')
      .orderBy('target')
      .execute();
    return rows.map((row) => ({
      system: row.system,
      target: row.target,
      failedStrategy: row.failed_strategy,
      matchedStrategy: row.matched_strategy,
      count: Number(row.count),
      firstAt: Number(row.first_at),
    }));
  }
}
