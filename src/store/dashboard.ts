/**
 * Aggregate reads for the control room's pages: what is waiting per bot and what each bot did
 * since a given instant. Each is one grouped query over an index, so a page answers quickly with
 * a million items in the store (bench/control-room.ts measures it).
 */
import { sql, type Kysely } from 'kysely';
import type { EngineAccess } from './engine.ts';
import type { Database } from './schema.ts';
import { ITEM_STATUSES, type AttemptOutcome, type ItemStatus } from './types.ts';

export interface BotQueue {
  bot: string;
  counts: Record<ItemStatus, number>;
  /** When the oldest item still waiting for something (pending, uncertain, failed, review) last changed; null when none waits. */
  oldestWaitingSince: number | null;
}

export interface BotActivity {
  bot: string;
  /** Attempts ended since the instant, by outcome. */
  outcomes: Record<AttemptOutcome, number>;
}

export interface DashboardReads {
  /** Per bot, every status counted, and the age of the oldest waiting item. */
  queues(): Promise<BotQueue[]>;
  /** Per bot, attempts that ended at or after `since` by outcome. */
  activitySince(since: number): Promise<BotActivity[]>;
}

const WAITING: readonly ItemStatus[] = ['pending', 'uncertain', 'failed', 'review'];
const OUTCOMES: readonly AttemptOutcome[] = ['done', 'review', 'retry', 'failed', 'released', 'uncertain'];

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

export class SqlDashboardReads implements DashboardReads {
  readonly #engine: EngineAccess;

  constructor(engine: EngineAccess) {
    this.#engine = engine;
  }

  get #db(): Kysely<Database> {
    return this.#engine.db;
  }

  async queues(): Promise<BotQueue[]> {
    // Served by the claim index (bot, status, …): a grouped index scan, no table read for the counts.
    const rows = await this.#db
      .selectFrom('work_items')
      .select(['bot', 'status', sql<number | string>`count(*)`.as('n')])
      .groupBy(['bot', 'status'])
      .execute();
    const byBot = new Map<string, BotQueue>();
    for (const row of rows) {
      const entry = byBot.get(row.bot) ?? { bot: row.bot, counts: zeros(ITEM_STATUSES), oldestWaitingSince: null };
      if ((ITEM_STATUSES as readonly string[]).includes(row.status)) entry.counts[row.status as ItemStatus] = Number(row.n);
      byBot.set(row.bot, entry);
    }
    for (const entry of byBot.values()) {
      const waiting = WAITING.filter((s) => entry.counts[s] > 0);
      if (waiting.length === 0) continue;
      const oldest = await this.#db
        .selectFrom('work_items')
        .select(sql<number | string | null>`min(updated_at)`.as('at'))
        .where('bot', '=', entry.bot)
        .where('status', 'in', waiting)
        .executeTakeFirst();
      entry.oldestWaitingSince = oldest?.at === null || oldest?.at === undefined ? null : Number(oldest.at);
    }
    return [...byBot.values()].sort((a, b) => a.bot.localeCompare(b.bot));
  }

  async activitySince(since: number): Promise<BotActivity[]> {
    const rows = await this.#db
      .selectFrom('item_attempts')
      .innerJoin('work_items', 'work_items.id', 'item_attempts.item_id')
      .select(['work_items.bot as bot', 'item_attempts.outcome as outcome', sql<number | string>`count(*)`.as('n')])
      .where('item_attempts.ended_at', '>=', since)
      .groupBy(['work_items.bot', 'item_attempts.outcome'])
      .execute();
    const byBot = new Map<string, BotActivity>();
    for (const row of rows) {
      const entry = byBot.get(row.bot) ?? { bot: row.bot, outcomes: zeros(OUTCOMES) };
      if (row.outcome !== null && (OUTCOMES as readonly string[]).includes(row.outcome))
        entry.outcomes[row.outcome as AttemptOutcome] += Number(row.n);
      byBot.set(row.bot, entry);
    }
    return [...byBot.values()].sort((a, b) => a.bot.localeCompare(b.bot));
  }
}
