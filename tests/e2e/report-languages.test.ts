/**
 * Reports people read in their own language: one real run of the example bot (rows rejected on
 * input, a person missing from the register, an application done, one that failed on CaseHub's
 * 500 pages), then the run report, the time-saved report and the exceptions list in sv, da, de and
 * en. The Swedish, Danish and German PDFs carry no Kanslist code and none of the developer's
 * English reasons; the XLSX files keep the code and the English text for operators.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPerson } from '../../src/fixtures/population/register.ts';
import { createLogger } from '../../src/log/logger.ts';
import { LANGUAGES, type Language } from '../../src/config/config.ts';
import { syntheticPersonnummer } from '../../src/identity/index.ts';
import { renderReport } from '../../src/report/render-report.ts';
import { periodFromMonth } from '../../src/report/time-saved/index.ts';
import { wallClock } from '../../src/util/wall-clock.ts';
import type { RunSummary } from '../../src/runner/summary.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { createRng } from '../../src/util/rng.ts';
import exceptionsReport from '../../src/report/builtin/exceptions.ts';
import runReport from '../../src/report/builtin/run-report.ts';
import timeSavedReport from '../../src/report/builtin/time-saved.ts';
import { pdfText, pngInk, renderPageToPng } from '../helpers/pdf.ts';
import { createHarness, type Harness } from '../helpers/run-harness.ts';
import { readSheets } from '../helpers/xlsx.ts';

// A whole run with a real browser and retries with backoff: generous on a busy 2-core machine (a limit, not a wait).
const RUN_HOOK_TIMEOUT_MS = 240_000;
const log = createLogger({ level: 'error', console: false });

function unregisteredPersonnummer(): string {
  const rng = createRng(4242);
  for (;;) {
    const candidate = syntheticPersonnummer(rng);
    if (!findPerson(candidate)) return candidate;
  }
}

async function replacePersonnummer(xlsxPath: string, applicationId: string, personnummer: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  workbook.getWorksheet('Ansökningar')!.eachRow((row) => {
    if (row.getCell(1).text === applicationId) row.getCell(3).value = personnummer;
  });
  await workbook.xlsx.writeFile(xlsxPath);
}

/** Whitespace removed: a table cell may wrap a phrase over lines. */
const squash = (text: string) => text.replace(/\s+/g, '');

describe('reports in the reader’s language from a real run', () => {
  let h: Harness;
  let summary: RunSummary;
  let store: Store;
  /** Every English reason the run stored (items and attempts). */
  let englishReasons: string[];
  const files = new Map<string, string>();

  beforeAll(async () => {
    // Seed 2, five rows: valid, valid, invalid personnummer, missing property designation, valid.
    h = await createHarness({ count: 5, errorShare: 0.4, seed: 2 });
    expect(h.input.applications.map((a) => a.error)).toEqual([null, null, 'invalid-personnummer', 'missing-property-designation', null]);
    // The first application's applicant is not in the register: a business exception in process().
    await replacePersonnummer(h.input.xlsxPath, h.input.applications[0]!.applicationId, unregisteredPersonnummer());
    let done = 0;
    summary = await h.run({
      concurrency: 1, // oldest first: the unknown applicant, then one done, then CaseHub breaks for the last
      onOutcome: (o) => {
        if (o.kind === 'done' && ++done === 1) h.hub.setFaults({ error500Rate: 1 });
      },
    });
    store = await openStore(h.storeUrl);
    const items = await store.queue.list({ bot: 'bygglov-registrering' });
    const attempts = (await Promise.all(items.map((i) => store.queue.attempts(i.id)))).flat();
    englishReasons = [...new Set([...items, ...attempts].map((x) => x.reason).filter((r): r is string => r !== null))];
    // What the run left: the codes the reports must translate.
    expect(items.map((i) => `${i.status}:${i.errorCode ?? ''}`).sort()).toEqual([
      'done:',
      'failed:KANSLIST_PAGE_ERROR_SERVER_ERROR',
      'review:BYGGLOV_PERSON_NOT_FOUND',
      'review:INPUT_REQUIRED',
      'review:KANSLIST_INVALID_IDENTITY_NUMBER',
    ]);
    // The month the run happened in, in the configured time zone.
    const w = wallClock(Date.now(), h.config.timeZone);
    const period = periodFromMonth(`${w.year}-${String(w.month).padStart(2, '0')}`, h.config.timeZone);
    for (const language of LANGUAGES) {
      const options = { config: h.config, store, log, language, formats: 'pdf,xlsx', outDir: `${h.dir}/reports` };
      const written = [
        ...(await renderReport(runReport, { runId: summary.runId }, options)),
        ...(await renderReport(timeSavedReport, { from: period.from, to: period.to }, options)),
        ...(await renderReport(exceptionsReport, {}, options)),
      ];
      for (const f of written)
        files.set(
          `${language}:${f.path.includes('/run-') ? 'run' : f.path.includes('/time-saved-') ? 'time-saved' : 'exceptions'}:${f.format}`,
          f.path,
        );
    }
  }, RUN_HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await store?.close();
    await h?.close();
  });

  const reports = ['run', 'time-saved', 'exceptions'] as const;

  it.each((['sv', 'da', 'de'] as Language[]).flatMap((l) => reports.map((r) => [l, r] as const)))(
    'the %s %s PDF has no Kanslist code and no English reason',
    async (language, report) => {
      const text = (await pdfText(files.get(`${language}:${report}:pdf`)!)).join('\n');
      expect(text).not.toContain('KANSLIST_');
      expect(text).not.toMatch(/INPUT_[A-Z]/);
      // Where a row came from is said in the reader's words too ('row 4' is the stored English).
      expect(text).not.toMatch(/\brow \d/);
      const flat = squash(text);
      for (const reason of englishReasons) {
        // The clause after the last ': ' is the developer's own words (before it: file and row).
        const words = squash(reason.split(': ').at(-1)!).slice(0, 30);
        expect(flat, `${language} ${report}: "${reason}"`).not.toContain(words);
      }
    },
  );

  it.each(LANGUAGES)('the %s exceptions list says each reason in its language, with row and column filled in', async (language) => {
    const text = squash((await pdfText(files.get(`${language}:exceptions:pdf`)!)).join('\n'));
    const rowOfMissing = 5; // header is row 1; the fourth application
    const expected: Record<Language, string[]> = {
      sv: [
        `Rad${rowOfMissing}i`,
        'kolumnen"Fastighetsbeteckning"ärtommenmåstefyllasi',
        'harfelkontrollsiffra',
        'Sökandenfinnsinteifolkbokföringen',
      ],
      da: [
        `Række${rowOfMissing}i`,
        'kolonnen"Fastighetsbeteckning"ertom,menskaludfyldes',
        'forkertkontrolciffer',
        'Ansøgerenfindesikkeifolkeregistret',
      ],
      de: [`Zeile${rowOfMissing}in`, 'DieSpalte"Fastighetsbeteckning"istleer', 'falschePrüfziffer', 'nichtimMelderegister'],
      en: [
        `Row${rowOfMissing}of`,
        'column"Fastighetsbeteckning"isemptybutmustbefilledin',
        'wrongcheckdigit',
        'Theapplicantisnotinthepopulationregister',
      ],
    };
    for (const phrase of expected[language]) expect(text, phrase).toContain(phrase);
    // The per-reason counts name the bot's own code by its author's words, not by the code.
    expect(text).not.toContain('BYGGLOV_PERSON_NOT_FOUND');
  });

  it('the exceptions list shows the robot’s last screen of the item it stopped in CaseHub', async () => {
    const pages = await pdfText(files.get('sv:exceptions:pdf')!);
    const page = pages.findIndex((p) => p.includes('Skärmbilder')) + 1;
    expect(page).toBeGreaterThan(0);
    const png = await renderPageToPng(files.get('sv:exceptions:pdf')!, page, h.dir, 60);
    // A screenshot of a CaseHub page: far more ink than a page of text.
    expect(await pngInk(png, { top: 0.1, bottom: 0.6 })).toBeGreaterThan(5000);
  });

  it('the run report says the system failure in the reader’s language', async () => {
    const sv = squash((await pdfText(files.get('sv:run:pdf')!)).join('\n'));
    expect(sv).toContain(squash('Verksamhetssystemet visade en felsida.'));
    const de = squash((await pdfText(files.get('de:time-saved:pdf')!)).join('\n'));
    expect(de).toContain(squash('Fehlerseite im Fachverfahren'));
  });

  it.each(LANGUAGES)('the %s XLSX files keep the codes and the developer’s English next to the translated reason', async (language) => {
    // The codes and the developer's text are on the operators' sheet.
    const cells = [...(await readSheets(files.get(`${language}:exceptions:xlsx`)!)).values()].flat().flat().map(String);
    expect(cells).toContain('KANSLIST_INVALID_IDENTITY_NUMBER');
    expect(cells).toContain('INPUT_REQUIRED');
    expect(cells.some((c) => c.includes('is empty but required'))).toBe(true);
    const run = [...(await readSheets(files.get(`${language}:run:xlsx`)!)).values()].flat().flat().map(String);
    expect(run).toContain('KANSLIST_PAGE_ERROR_SERVER_ERROR');
    expect(run.some((c) => c.includes('The applicant is not in the population register.'))).toBe(true);
  });
});
