/** Operator logs: a JSON file per day under the log folder, child loggers, levels, flush, redaction. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { clearSecrets, registerSecret } from '../../src/redact/redact.ts';
import { syntheticPersonnummer } from '../../src/identity/synthetic.ts';
import { parsePersonnummer } from '../../src/identity/personnummer.ts';
import { createRng } from '../../src/util/rng.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kanslist-logs-'));
});
afterEach(() => {
  clearSecrets();
  rmSync(dir, { recursive: true, force: true });
});

function lines(file: string): Record<string, unknown>[] {
  return readFileSync(join(dir, file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('operator log files', () => {
  it('writes JSON lines to kanslist-<day>.log, with run and item ids from child loggers', async () => {
    const log = createLogger({ dir, console: false, timeZone: 'Europe/Stockholm', now: () => new Date('2026-03-10T09:00:00Z') });
    log.info('run started', { bot: 'bygglov-registrering' });
    log.child({ runId: 'run-1' }).child({ item: 'item-7' }).warn('system exception KANSLIST_UI_TIMEOUT');
    await log.flush();
    expect(readdirSync(dir)).toEqual(['kanslist-2026-03-10.log']);
    const [first, second] = lines('kanslist-2026-03-10.log');
    expect(first).toMatchObject({ level: 'info', message: 'run started', bot: 'bygglov-registrering' });
    expect(typeof first?.timestamp).toBe('string');
    expect(second).toMatchObject({ level: 'warn', message: 'system exception KANSLIST_UI_TIMEOUT', runId: 'run-1', item: 'item-7' });
  });

  it('rolls over to a new file at midnight in the configured time zone', async () => {
    // 22:59:59Z is 23:59:59 in Stockholm (winter time); two seconds later it is the next day there.
    let now = new Date('2026-01-14T22:59:59Z');
    const log = createLogger({ dir, console: false, timeZone: 'Europe/Stockholm', now: () => now });
    log.info('before midnight');
    now = new Date('2026-01-14T23:00:01Z');
    log.info('after midnight');
    log.info('still the new day');
    await log.flush();
    expect(readdirSync(dir).sort()).toEqual(['kanslist-2026-01-14.log', 'kanslist-2026-01-15.log']);
    expect(lines('kanslist-2026-01-14.log').map((l) => l.message)).toEqual(['before midnight']);
    expect(lines('kanslist-2026-01-15.log').map((l) => l.message)).toEqual(['after midnight', 'still the new day']);
  });

  it('keeps lines below the level out, and writes them at debug', async () => {
    const quiet = createLogger({ dir: join(dir, 'info'), console: false, level: 'info' });
    const chatty = createLogger({ dir: join(dir, 'debug'), console: false, level: 'debug' });
    for (const log of [quiet, chatty]) {
      log.debug('fill applicant.name via css');
      log.info('item done');
      await log.flush();
    }
    const read = (sub: string) => readFileSync(join(dir, sub, readdirSync(join(dir, sub))[0]!), 'utf8');
    expect(read('info')).not.toContain('fill applicant.name');
    expect(read('info')).toContain('item done');
    expect(read('debug')).toContain('fill applicant.name');
  });

  it('is on disk without flush (a hard exit loses nothing), and flush is safe to call twice', async () => {
    const log = createLogger({ dir, console: false });
    log.error('fatal: browser crashed');
    const [file] = readdirSync(dir);
    expect(readFileSync(join(dir, file!), 'utf8')).toContain('fatal: browser crashed');
    await log.flush();
    await log.flush();
    expect(() => log.info('after exit')).not.toThrow();
    expect(readFileSync(join(dir, file!), 'utf8')).not.toContain('after exit');
  });

  it("flushes at once when there is no log folder (the runner's default logger)", async () => {
    const log = createLogger({ console: false });
    log.info('nowhere to go');
    await expect(log.flush()).resolves.toBeUndefined();
  });

  it('never carries a secret or an unmasked personal number, in the message or in meta', async () => {
    registerSecret('Robot-5-demo!');
    const pnr = syntheticPersonnummer(createRng(3));
    const { short } = parsePersonnummer(pnr);
    const log = createLogger({ dir, console: false });
    const child = log.child({ item: `app for ${pnr}` });
    child.error(`login as robot05 / Robot-5-demo! failed for ${short}`, {
      error: new Error(`POST pw=Robot-5-demo! pnr=${pnr.replace('-', '')}`),
      payload: { personnummer: pnr, tries: [short] },
    });
    await log.flush();
    const text = readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8');
    expect(text).not.toContain('Robot-5-demo!');
    for (const form of [pnr, pnr.replace('-', ''), short, short.replace('-', '')]) expect(text).not.toContain(form);
    expect(text).toContain('[personnummer]');
    expect(text).toContain('•••');
  });
});
