/**
 * Sends a checkpoint where the operator chose (config `audit.checkpoint`): appended to a file, to
 * the operator log, POSTed to a webhook. Every destination is tried; a failure names the
 * destination (never the webhook's address, which may hold a token) and what to do.
 */
import { appendFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { AuditCheckpointConfig } from '../config/config.ts';
import { KanslistError } from '../errors.ts';
import type { Logger } from '../log/logger.ts';
import type { Store } from '../store/index.ts';
import { takeCheckpoint, type Checkpoint } from './checkpoint.ts';

const WEBHOOK_TIMEOUT_MS = 10_000;

/** A checkpoint could not be written to one of its destinations: the store is not protected by it until one is. */
export class CheckpointWriteError extends KanslistError {}

export interface PublishOptions {
  /** The project root, for a relative `file`. */
  root: string;
  /** The operator log, for `log: true`. */
  log?: Logger | undefined;
}

/** Takes a checkpoint of the store now and writes it to every destination. */
export async function checkpointNow(
  store: Store,
  targets: AuditCheckpointConfig,
  key: Buffer | null,
  options: PublishOptions,
): Promise<{ checkpoint: Checkpoint; written: string[] }> {
  const checkpoint = await takeCheckpoint(store, key);
  return { checkpoint, written: await publishCheckpoint(checkpoint, targets, options) };
}

/** Writes the checkpoint to every destination; returns their names. Throws after trying all if any failed. */
export async function publishCheckpoint(
  checkpoint: Checkpoint,
  targets: AuditCheckpointConfig,
  options: PublishOptions,
): Promise<string[]> {
  const written: string[] = [];
  const failed: string[] = [];
  const attempt = async (name: string, write: () => Promise<void>) => {
    try {
      await write();
      written.push(name);
    } catch (error) {
      failed.push(`${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  };
  if (targets.file !== undefined) {
    const file = checkpointFile(targets.file, options.root);
    // One line per checkpoint, appended: the file only grows, as WORM storage requires.
    await attempt(file, () => appendFile(file, `${JSON.stringify(checkpoint)}\n`, { encoding: 'utf8', mode: 0o640 }));
  }
  if (targets.log === true && options.log !== undefined) {
    const log = options.log;
    await attempt('operator log', () => Promise.resolve(log.info('audit checkpoint', { checkpoint })));
  }
  if (targets.webhook !== undefined) {
    const { url, headers } = targets.webhook;
    await attempt('webhook', () => postCheckpoint(url, headers ?? {}, checkpoint));
  }
  if (failed.length > 0) {
    throw new CheckpointWriteError('KANSLIST_AUDIT_CHECKPOINT', `The audit checkpoint could not be written to ${failed.join('; ')}`, {
      where: `ledger entry ${checkpoint.ledgerSeq}`,
      remedy:
        "Check that the checkpoint file's folder exists and is writable by this user, and that the webhook answers; then run `kanslist audit checkpoint`.",
    });
  }
  return written;
}

export function checkpointFile(file: string, root: string): string {
  return isAbsolute(file) ? file : resolve(root, file);
}

async function postCheckpoint(url: string, headers: Record<string, string>, checkpoint: Checkpoint): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(checkpoint),
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`answered HTTP ${response.status}`);
}
