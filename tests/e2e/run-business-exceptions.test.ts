/**
 * Promise 2: bad data is a business exception — sent to a clerk with its reason, never retried,
 * nothing registered in the legacy system for it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPerson } from '../../src/fixtures/population/register.ts';
import { syntheticPersonnummer } from '../../src/identity/index.ts';
import type { RunSummary } from '../../src/runner/summary.ts';
import { openStore, type WorkItem } from '../../src/store/index.ts';
import { createRng } from '../../src/util/rng.ts';
import { BOT, createHarness, type Harness } from '../helpers/run-harness.ts';

// A whole run with a real browser: generous on a busy 2-core machine (a limit, not a wait).
const RUN_HOOK_TIMEOUT_MS = 180_000;

/** A valid test-series personnummer that the synthetic population register does not hold. */
function unregisteredPersonnummer(): string {
  const rng = createRng(4242);
  for (;;) {
    const candidate = syntheticPersonnummer(rng);
    if (!findPerson(candidate)) return candidate;
  }
}

/** Rewrites one row's Personnummer cell in the export, as an applicant's typo-free but unknown number. */
async function replacePersonnummer(xlsxPath: string, applicationId: string, personnummer: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const sheet = workbook.getWorksheet('Ansökningar')!;
  let replaced = false;
  sheet.eachRow((row) => {
    if (row.getCell(1).text === applicationId) {
      row.getCell(3).value = personnummer;
      replaced = true;
    }
  });
  if (!replaced) throw new Error(`row ${applicationId} not found in ${xlsxPath}`);
  await workbook.xlsx.writeFile(xlsxPath);
}

describe('run: business exceptions go to review, never retried, nothing registered', () => {
  let h: Harness;
  let summary: RunSummary;
  let items: Map<string, WorkItem>;
  const unknownPnr = unregisteredPersonnummer();
  let unknownApplicant: string;

  beforeAll(async () => {
    // Seed 2 with 4 rows: one invalid personnummer, one missing property designation, two valid.
    h = await createHarness({ count: 4, errorShare: 0.5, seed: 2 });
    unknownApplicant = h.input.applications.find((a) => a.error === null)!.applicationId;
    await replacePersonnummer(h.input.xlsxPath, unknownApplicant, unknownPnr);
    summary = await h.run({ concurrency: 2 });
    const store = await openStore(h.storeUrl);
    try {
      items = new Map((await store.queue.list({ bot: BOT })).map((i) => [i.key, i]));
    } finally {
      await store.close();
    }
  }, RUN_HOOK_TIMEOUT_MS);
  afterAll(() => h?.close());

  /** The sheet row of an application: the header is row 1. */
  const rowOf = (applicationId: string) => h.input.applications.findIndex((a) => a.applicationId === applicationId) + 2;

  it('sends invalid rows to review at enqueue, naming row and column, without the personnummer', () => {
    const invalidPnr = h.input.applications.find((a) => a.error === 'invalid-personnummer')!;
    const missingProperty = h.input.applications.find((a) => a.error === 'missing-property-designation')!;
    expect(summary.enqueue).toMatchObject({ rejected: 2 });

    const pnrItem = items.get(invalidPnr.applicationId)!;
    expect(pnrItem.status).toBe('review');
    expect(pnrItem.attempts).toBe(0);
    // validate() sees the data only: the runner names the row, the error names the field.
    expect(pnrItem.reason).toMatch(new RegExp(`row ${rowOf(invalidPnr.applicationId)}\\b`, 'i'));
    expect(pnrItem.reason).toMatch(/personnummer/i);
    // Neither the number as typed nor its digits may leak into the reason.
    expect(pnrItem.reason).not.toContain(invalidPnr.personnummer);
    expect(pnrItem.reason).not.toContain(invalidPnr.personnummer.replace(/\D/g, ''));

    const propertyItem = items.get(missingProperty.applicationId)!;
    expect(propertyItem.status).toBe('review');
    expect(propertyItem.attempts).toBe(0);
    expect(propertyItem.reason).toMatch(new RegExp(`row ${rowOf(missingProperty.applicationId)}\\b`, 'i'));
    expect(propertyItem.reason).toMatch(/Fastighetsbeteckning/);
    expect(propertyItem.reason).not.toContain(missingProperty.personnummer);

    const counts = h.hub.countsByExternalRef();
    expect(counts[invalidPnr.applicationId]).toBeUndefined();
    expect(counts[missingProperty.applicationId]).toBeUndefined();
  });

  it('sends a person missing from the register to review after one attempt, with evidence', () => {
    const item = items.get(unknownApplicant)!;
    expect(item.status).toBe('review');
    expect(item.attempts).toBe(1);
    expect(item.errorCode).toBe('BYGGLOV_PERSON_NOT_FOUND');
    expect(item.reason).not.toContain(unknownPnr);
    expect(h.hub.countsByExternalRef()[unknownApplicant]).toBeUndefined();
    expect(summary.outcomes).toMatchObject({ review: 1, retry: 0, failed: 0 });

    const itemDir = join(summary.evidenceDir, item.id);
    expect(existsSync(itemDir), itemDir).toBe(true);
    const captured = readdirSync(itemDir, { recursive: true, encoding: 'utf8' });
    expect(
      captured.some((f) => f.endsWith('screenshot.png')),
      captured.join(', '),
    ).toBe(true);
    expect(
      captured.some((f) => f.endsWith('.html')),
      captured.join(', '),
    ).toBe(true);
  });

  it('registers every other application exactly once', () => {
    const others = h.input.applications.filter((a) => a.error === null && a.applicationId !== unknownApplicant);
    const counts = h.hub.countsByExternalRef();
    for (const a of others) expect(counts[a.applicationId], a.applicationId).toBe(1);
    expect(h.hub.cases()).toHaveLength(others.length);
    expect(summary.outcomes.done).toBe(others.length);
  });

  it('does not retry review items on the next run', async () => {
    const before = h.hub.cases().length;
    const again = await h.run();
    expect(again.outcomes).toMatchObject({ done: 0, review: 0, retry: 0 });
    expect(again.enqueue?.alreadyQueued).toBe(3); // the three review items
    expect(h.hub.cases()).toHaveLength(before);
    const store = await openStore(h.storeUrl);
    try {
      expect((await store.queue.get(items.get(unknownApplicant)!.id))?.attempts).toBe(1);
    } finally {
      await store.close();
    }
  });
});
