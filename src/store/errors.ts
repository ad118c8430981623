/**
 * Store errors, by what the caller should do with them.
 */
import { KanslistError } from '../errors.ts';

/**
 * This worker no longer holds the item's lease (it expired and the item became 'uncertain',
 * or an operator moved it). The worker must abandon the item: another path now owns it.
 */
export class LeaseLostError extends KanslistError {
  constructor(itemId: string, workerId: string) {
    super('KANSLIST_LEASE_LOST', `Worker ${workerId} no longer holds the lease on this item`, {
      where: `item ${itemId}`,
      remedy: 'Abandon the item; it will be verified as uncertain. Heartbeat more often than the lease length.',
    });
  }
}

/** An operation that the item's current status does not allow (e.g. requeue a 'done' item). */
export class ItemStateError extends KanslistError {
  constructor(itemId: string, action: string, status: string, allowed: readonly string[]) {
    super('KANSLIST_ITEM_STATE', `Cannot ${action} an item that is '${status}' (only from ${allowed.map((s) => `'${s}'`).join(' or ')})`, {
      where: `item ${itemId}`,
      remedy: 'Check the item status with `kanslist items show` before acting on it.',
    });
  }
}

export class NotFoundError extends KanslistError {
  constructor(kind: 'item' | 'run', id: string) {
    super(kind === 'item' ? 'KANSLIST_ITEM_NOT_FOUND' : 'KANSLIST_RUN_NOT_FOUND', `No ${kind} with id ${id}`, {
      where: `${kind} ${id}`,
      remedy: `List ${kind}s to find the right id.`,
    });
  }
}

/** The database could not be opened, migrated or reached. The message never includes a password. */
export class StoreError extends KanslistError {}
