/**
 * Errors of the schedule ledger, by what the caller should do with them.
 */
import { KanslistError } from '../errors.ts';

/** The ledger could not record or read a decision; the code says why (see docs/errors.md). */
export class ScheduleLedgerError extends KanslistError {}

export function fireNotFound(schedule: string, plannedAt: number): ScheduleLedgerError {
  return new ScheduleLedgerError('KANSLIST_SCHEDULE_FIRE_NOT_FOUND', 'No decision is recorded for this fire', {
    where: `schedule ${schedule}, planned ${new Date(plannedAt).toISOString()}`,
    remedy: 'Record the fire with decide() before reporting that its run started or ended.',
  });
}

export function ledgerClosed(chainId: string): ScheduleLedgerError {
  return new ScheduleLedgerError('KANSLIST_SCHEDULE_LEDGER_CLOSED', 'The schedule ledger was closed; nothing more can be recorded', {
    where: `audit chain ${chainId}`,
    remedy: 'Close the ledger last, after the scheduler has stopped deciding.',
  });
}

export function invalidValue(field: string, value: unknown, allowed: readonly string[]): ScheduleLedgerError {
  return new ScheduleLedgerError('KANSLIST_SCHEDULE_LEDGER_INVALID', `Invalid ${field} ${JSON.stringify(value)}`, {
    where: field,
    remedy: `Use one of ${allowed.map((a) => `'${a}'`).join(', ')}.`,
  });
}
