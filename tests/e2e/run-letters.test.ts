/**
 * Decision letters, end to end: a real run against CaseHub leaves one flattened receipt letter per
 * registered application in that item's evidence folder, with the case number CaseHub assigned,
 * and none for an application sent to review. The letter carries the applicant's name and address
 * (that is its purpose) but never their personnummer. When the letter cannot be written after the
 * case was registered, the retry finds the case (verify) and writes the letter then: one case, one
 * letter.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemOutcome } from '../../src/runner/outcome.ts';
import type { RunSummary } from '../../src/runner/summary.ts';
import type { WorkItem } from '../../src/store/index.ts';
import { identityNumberForms } from '../helpers/cli.ts';
import { pdfText } from '../helpers/pdf.ts';
import { createHarness, harnessItems, type Harness } from '../helpers/run-harness.ts';

describe('run: a receipt letter per registered application', () => {
  let h: Harness;
  let summary: RunSummary;
  let items: WorkItem[];
  const outcomes: ItemOutcome[] = [];
  let blockedKey: string;

  beforeAll(async () => {
    h = await createHarness({ count: 5, errorShare: 0.4, seed: 41 });
    blockedKey = h.input.applications.find((a) => a.error === null)!.applicationId;
    let blocker: string | undefined;
    summary = await h.run({
      concurrency: 2,
      // A folder where one item's letter should go: CaseHub registers the case, then writing the
      // letter fails. Removed once that attempt is recorded, so the retry can write it.
      onStart: ({ runId }) => {
        const db = new Database(h.storeUrl.replace(/^sqlite:/, ''), { readonly: true });
        try {
          const { id } = db.prepare('SELECT id FROM work_items WHERE key = ?').get(blockedKey) as { id: string };
          blocker = join(h.dir, 'var', 'runs', runId, id, `kvittens-${blockedKey}.pdf`);
          mkdirSync(join(blocker, 'in-the-way'), { recursive: true });
        } finally {
          db.close();
        }
      },
      onOutcome: (o) => {
        outcomes.push(o);
        if (o.key === blockedKey && o.kind === 'retry' && blocker) rmSync(blocker, { recursive: true, force: true });
      },
    });
    items = await harnessItems(h);
  }, 180_000);
  afterAll(() => h?.close());

  it("leaves one flattened letter per registered application, with CaseHub's case number, and none for review", async () => {
    const done = items.filter((i) => i.status === 'done');
    const review = items.filter((i) => i.status === 'review');
    expect(done.length).toBeGreaterThan(1);
    expect(review.length).toBeGreaterThan(0); // the export has rows a clerk must handle
    expect(done.length + review.length).toBe(items.length);

    const runsDir = join(h.dir, 'var', 'runs');
    const letters = readdirSync(runsDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /^kvittens-.*\.pdf$/.test(e.name))
      .map((e) => join(e.parentPath, e.name));
    expect(letters.map((p) => basename(p)).sort()).toEqual(done.map((i) => `kvittens-${i.key}.pdf`).sort());

    const cases = new Map(h.hub.cases().map((c) => [c.externalRef, c]));
    for (const item of done) {
      const output = item.output as { caseNumber: string; letter: string };
      const registered = cases.get(item.key)!;
      expect(output.caseNumber).toBe(registered.caseNumber);
      expect(output.letter).toBe(join(runsDir, summary.runId, item.id, `kvittens-${item.key}.pdf`)); // this item's evidence folder
      const bytes = await readFile(output.letter);
      expect((await PDFDocument.load(bytes)).getForm().getFields().length, item.key).toBe(0);
      const text = (await pdfText(bytes)).join('\n');
      expect(text).toContain('Bekräftelse på mottagen ansökan om bygglov');
      expect(text).toContain(registered.caseNumber);
      expect(text).toContain(registered.applicantName);
      expect(text).toContain(registered.applicantAddress.split(',')[0]!.trim());
      expect(text).toContain(item.key);
      const application = h.input.applications.find((a) => a.applicationId === item.key)!;
      expect(
        identityNumberForms(application.personnummer).filter((form) => text.includes(form)),
        item.key,
      ).toEqual([]);
    }
  });

  it('a letter that failed after the case was registered is written on the retry, without a second case', () => {
    const attempts = outcomes.filter((o) => o.key === blockedKey);
    expect(attempts.map((o) => o.kind)).toEqual(['retry', 'verified']);
    expect(attempts[0]!.code).toBe('KANSLIST_LETTER_WRITE_FAILED');
    expect(h.hub.countsByExternalRef()[blockedKey]).toBe(1);
    const item = items.find((i) => i.key === blockedKey)!;
    expect(item.status).toBe('done');
    expect((item.output as { letter: string | null }).letter).toMatch(new RegExp(`kvittens-${blockedKey}\\.pdf$`));
  });
});
