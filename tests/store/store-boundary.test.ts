/**
 * src/store must know nothing of Playwright, bots or the UI, so it can run on a machine
 * (or in a report job) without a browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const STORE_DIR = join(import.meta.dirname, '../../src/store');
const FORBIDDEN = /from\s+['"](playwright[^'"]*|[^'"]*\/(ui|runner|cli|bots|selectors|schedules|reports)\/[^'"]*)['"]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('store boundary', () => {
  it('imports nothing from Playwright, the UI, the runner, the CLI or the organisation folders', () => {
    const offenders = sourceFiles(STORE_DIR).filter((file) => FORBIDDEN.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
