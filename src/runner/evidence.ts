import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { captureEvidence, maskLocators } from '../ui/index.ts';
import type { AnySystem } from './bot.ts';

/** Where an item's evidence lives: var/runs/<run>/<item>/. Item ids, never keys: a key may be personal. */
export function itemEvidenceDir(varDir: string, runId: string, itemId: string): string {
  return join(varDir, 'runs', runId, itemId);
}

/**
 * Captures a masked screenshot and the HTML once per error signature per item, not per retry
 * (the same 500 page three times is one piece of evidence).
 */
export class EvidenceKeeper {
  private readonly seen = new Set<string>();

  async capture(page: Page, system: AnySystem, dir: string, signature: string): Promise<string | undefined> {
    if (this.seen.has(`${dir}\0${signature}`)) return undefined;
    this.seen.add(`${dir}\0${signature}`);
    const target = join(dir, signature.replace(/[^A-Za-z0-9_-]+/g, '_'));
    mkdirSync(target, { recursive: true });
    // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- masking reads only the system's targets, which do not depend on its screens type
    await captureEvidence(page, target, { mask: await maskLocators(page, system) });
    return target;
  }
}
