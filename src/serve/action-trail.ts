/**
 * What people do in the control room, on the audit trail: one hash chain per server process
 * ('control-room:<host:pid>:<started ISO>'), as each scheduler keeps its own. Every record names
 * the person, their roles and their note; each is written before the person is told it was done.
 */
import { hostname } from 'node:os';
import { openAuditTrail, type AuditEntry, type AuditTrail } from '../audit/trail.ts';
import type { Store } from '../store/index.ts';
import type { Person } from './roles.ts';

export interface ActionTrail {
  readonly chainId: string;
  /** Appends and writes one record; throws when the trail cannot be written (the action is then reported as failed). */
  record(
    person: Pick<Person, 'username' | 'roles'> | { username: string; roles: string[] },
    action: string,
    details?: { itemId?: string | null; itemKey?: string | null; data?: Record<string, unknown>; subjects?: string[] },
  ): Promise<void>;
  /** A login attempt: who tried, from where, and whether it worked (never the password). */
  login(username: string, outcome: 'ok' | 'failed' | 'locked' | 'logout', address: string): Promise<void>;
  close(): Promise<void>;
}

export function controlRoomChainId(startedAt: number): string {
  return `control-room:${hostname()}:${process.pid}:${new Date(startedAt).toISOString()}`;
}

export function openActionTrail(store: Store, options: { key: Buffer | null; version: string; startedAt?: number }): ActionTrail {
  const chainId = controlRoomChainId(options.startedAt ?? Date.now());
  let trail: Promise<AuditTrail> | undefined;
  // Opened on the first action: a server nobody acts in leaves no empty chain behind.
  const open = (): Promise<AuditTrail> =>
    (trail ??= openAuditTrail(
      store,
      { runId: chainId, bot: 'control-room', botVersion: options.version, host: hostname() },
      { key: options.key },
    ));
  const append = async (entry: AuditEntry): Promise<void> => {
    const t = await open();
    await t.append(entry);
    await t.flush();
  };
  return {
    chainId,
    record: (person, action, details = {}) =>
      append({
        kind: 'control.action',
        itemId: details.itemId ?? null,
        itemKey: details.itemKey ?? null,
        data: { person: person.username, roles: [...person.roles], action, ...details.data },
        subjects: details.subjects ?? [],
      }),
    login: (username, outcome, address) => append({ kind: 'control.login', data: { person: username, outcome, address } }),
    async close() {
      if (trail !== undefined) await (await trail).close();
    },
  };
}
