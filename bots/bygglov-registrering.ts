import { statSync } from 'node:fs';
import { join } from 'node:path';
import {
  BusinessRuleError,
  defineBot,
  errorCode,
  parsePersonnummer,
  TransientUiError,
  xlsx,
  type BotContext,
  type InvalidIdentityNumberError,
} from 'kanslist';
import { writeLetter } from 'kanslist/report';
import { bygglovKvittensFileName, checkBygglovKvittensTemplate, makeBygglovKvittens } from '../reports/letters/bygglov-kvittens.ts';
import casehub from '../selectors/casehub.ts';

/** One building-permit application from the e-service export. */
interface Application {
  applicationId: string;
  submittedAt: Date;
  personnummer: string;
  name: string;
  propertyDesignation: string;
  measure: string;
  description: string;
  /** Absolute path of the application's PDF (resolved by the input from the Bilaga column). */
  attachment: string;
}

/** The e-service's measures and the case system's code list differ; this is the agreed mapping. */
export const MEASURES: Record<string, string> = {
  Nybyggnad: 'Nybyggnad',
  Tillbyggnad: 'Tillbyggnad',
  Rivning: 'Rivning',
  'Ändrad användning': 'Ändrad användning',
  Fasadändring: 'Ombyggnad',
};

type Ctx = BotContext<typeof casehub>;

/** What the bot leaves in the item's output: the case number, and the receipt letter it wrote. */
interface Registered {
  caseNumber: string;
  /** Absolute path of `kvittens-<applicationId>.pdf` in the item's evidence folder; null when none could be written. */
  letter: string | null;
}

/** The applicant as the population-register lookup filled them into CaseHub's form. */
interface Applicant {
  name: string;
  address: string;
}

export default defineBot({
  name: 'bygglov-registrering',
  title: 'Registrering av bygglovsansökningar från e-tjänsten i CaseHub',
  system: casehub,
  input: xlsx({
    sheet: 'Ansökningar',
    columns: {
      applicationId: 'Ärende-ID',
      submittedAt: { header: 'Inkommen', type: 'date' },
      personnummer: 'Personnummer',
      name: 'Namn',
      propertyDesignation: 'Fastighetsbeteckning',
      measure: 'Åtgärd',
      description: { header: 'Beskrivning', required: false },
      attachment: { header: 'Bilaga', type: 'file', folder: 'bilagor' },
    },
  }),
  key: (application: Application) => application.applicationId,
  validate(application) {
    try {
      parsePersonnummer(application.personnummer);
    } catch (error) {
      // A business exception that names the column; the number itself is never in the message.
      const invalid = error as InvalidIdentityNumberError;
      throw new BusinessRuleError(invalid.code, invalid.message, {
        where: 'column "Personnummer"',
        remedy: invalid.remedy,
        cause: error,
        // Kanslist's reports say this reason in the reader's language from these facts.
        params: { ...invalid.params, column: 'Personnummer' },
      });
    }
    if (!MEASURES[application.measure]) {
      throw new BusinessRuleError('BYGGLOV_UNKNOWN_MEASURE', `The measure "${application.measure}" has no counterpart in CaseHub.`, {
        remedy: 'Register the application by hand, or add the measure to the mapping in bots/bygglov-registrering.ts.',
        messages: {
          sv: `Åtgärden "${application.measure}" finns inte i CaseHub. Registrera ansökan för hand.`,
          da: `Foranstaltningen "${application.measure}" findes ikke i CaseHub. Registrér ansøgningen manuelt.`,
          de: `Die Maßnahme "${application.measure}" gibt es in CaseHub nicht. Bitte den Antrag von Hand erfassen.`,
          en: `The measure "${application.measure}" does not exist in CaseHub. Register the application by hand.`,
        },
      });
    }
  },
  manualMinutes: 9,
  manualMinutesNote:
    'Example baseline for the demo: a skilled clerk re-keying one application (person lookup, form, attachment, receipt) timed with a stopwatch. Replace it with your own measurement.',
  concurrency: 4,
  maxAttempts: 4,
  itemTimeoutMs: 90_000,

  async process(application, ctx): Promise<Registered> {
    const { ui } = ctx;
    // 0. The letter's template first: a broken template stops the run before a case is
    //    registered, not after.
    await checkLetterTemplate();
    // 1. A fresh "Nytt ärende" form, of the building-permit type, and 2. the applicant, through
    //    the population-register lookup popup that fills name and address.
    const applicant = await lookUpApplicant(application, ctx);
    // 3. The application itself, its e-service id and its PDF.
    await ui.fill('newCase.propertyDesignation', application.propertyDesignation);
    await ui.select('newCase.measure', { label: MEASURES[application.measure]! });
    await ui.fill('newCase.description', application.description ?? '');
    await ui.fill('newCase.externalRef', application.applicationId);
    await ui.upload('newCase.attachment', application.attachment);
    // 4. Register: the system asks for confirmation, then shows a receipt or validation errors.
    await ui.waitForPostback(
      async () => {
        await ui.expectDialog('Vill du registrera ärendet?', 'accept', () => ui.click('newCase.register'));
      },
      { frame: 'main' },
    );
    await rejectValidationErrors(ctx);
    await ui.waitFor('receipt.heading');
    const caseNumber = await ui.text('receipt.caseNumber');
    // 5. The receipt letter to the applicant, kept with the item's evidence. Should writing it
    //    fail, the retry verifies first, finds the case and writes the letter then.
    return { caseNumber, letter: await writeReceiptLetter(application, caseNumber, applicant, ctx) };
  },

  async verify(application, ctx) {
    const caseNumber = await findCaseByExternalRef(ctx, application.applicationId);
    if (!caseNumber) return { exists: false };
    // The case exists (an earlier attempt registered it): it still gets its receipt letter.
    const output: Registered = { caseNumber, letter: await ensureReceiptLetter(application, caseNumber, ctx) };
    return { exists: true, output };
  },
});

/** Opens a new building-permit form and lets the population register fill in the applicant. */
async function lookUpApplicant(application: Application, ctx: Ctx): Promise<Applicant> {
  const { ui } = ctx;
  await ui.waitForPostback(() => ui.click('menu.newCase'), { frame: 'main' });
  await ui.select('newCase.caseType', { label: 'Bygglov' }, { postback: true });
  await ui.fill('newCase.personnummer', parsePersonnummer(application.personnummer).normalized);
  await ui.popup('newCase.lookupPerson', async (popup) => {
    if (await popup.isPresent('personPopup.notFound', { timeoutMs: 0 })) {
      await popup.click('personPopup.close');
      throw new BusinessRuleError('BYGGLOV_PERSON_NOT_FOUND', 'The applicant is not in the population register.', {
        remedy: 'Check the personnummer with the applicant; register by hand if they are not registered in Sweden.',
        messages: {
          sv: 'Sökanden finns inte i folkbokföringen. Kontrollera personnumret med sökanden; registrera för hand om personen inte är folkbokförd i Sverige.',
          da: 'Ansøgeren findes ikke i folkeregistret. Kontrollér personnummeret med ansøgeren; registrér manuelt, hvis personen ikke er folkebogført i Sverige.',
          de: 'Die antragstellende Person ist nicht im Melderegister. Personennummer mit ihr abklären; von Hand erfassen, wenn sie nicht in Schweden gemeldet ist.',
          en: 'The applicant is not in the population register. Check the personnummer with the applicant; register by hand if they are not registered in Sweden.',
        },
      });
    }
    await popup.click('personPopup.choose');
  });
  const applicant = { name: await ui.value('newCase.applicantName'), address: await ui.value('newCase.applicantAddress') };
  if (!applicant.name || !applicant.address) {
    throw new BusinessRuleError('BYGGLOV_APPLICANT_NOT_FILLED', "The person lookup did not fill in the applicant's name and address.", {
      remedy: 'Check the applicant in the population register; register by hand if the address is protected or missing.',
      messages: {
        sv: 'Personuppslaget fyllde inte i sökandens namn och adress. Kontrollera sökanden i folkbokföringen; registrera för hand om adressen är skyddad eller saknas.',
        da: 'Personopslaget udfyldte ikke ansøgerens navn og adresse. Kontrollér ansøgeren i folkeregistret; registrér manuelt, hvis adressen er beskyttet eller mangler.',
        de: 'Die Personenabfrage hat Name und Anschrift nicht ausgefüllt. Person im Melderegister prüfen; von Hand erfassen, wenn die Anschrift gesperrt ist oder fehlt.',
        en: "The person lookup did not fill in the applicant's name and address. Check the applicant in the population register; register by hand if the address is protected or missing.",
      },
    });
  }
  return applicant;
}

/**
 * Writes `kvittens-<applicationId>.pdf` into the item's evidence folder; the same letter again
 * replaces it. The letterhead and the dates' time zone are the project's (`ctx.settings`).
 */
async function writeReceiptLetter(application: Application, caseNumber: string, applicant: Applicant, ctx: Ctx): Promise<string | null> {
  if (!ctx.evidence.dir) return noEvidenceFolder(ctx, caseNumber);
  const facts = {
    applicationId: application.applicationId,
    submittedAt: application.submittedAt,
    caseNumber,
    applicantName: applicant.name,
    applicantAddress: applicant.address,
    propertyDesignation: application.propertyDesignation,
    measure: MEASURES[application.measure] ?? application.measure,
  };
  const path = await writeLetter(
    ctx.evidence.dir,
    bygglovKvittensFileName(application.applicationId),
    await makeBygglovKvittens(facts, ctx.settings),
  );
  ctx.log.info(`receipt letter for case ${caseNumber} written: ${path}`);
  return path;
}

/**
 * The receipt letter for a case found by `verify`: the one an earlier attempt wrote, or a new one
 * with the applicant looked up again (nothing is registered for it). A system fault is retried like
 * any other; anything else leaves the case done without a letter, with a warning, because the
 * case itself exists and must not be registered again.
 */
async function ensureReceiptLetter(application: Application, caseNumber: string, ctx: Ctx): Promise<string | null> {
  if (!ctx.evidence.dir) return noEvidenceFolder(ctx, caseNumber);
  const earlier = join(ctx.evidence.dir, bygglovKvittensFileName(application.applicationId));
  if (statSync(earlier, { throwIfNoEntry: false })?.isFile()) return earlier;
  try {
    await checkLetterTemplate();
    return await writeReceiptLetter(application, caseNumber, await lookUpApplicant(application, ctx), ctx);
  } catch (error) {
    if (error instanceof TransientUiError) throw error;
    ctx.log.warn(
      `the receipt letter for case ${caseNumber} could not be written (${errorCode(error)}); the case exists and is not registered again`,
    );
    return null;
  }
}

/** Without a folder to keep it in, a letter is not evidence: it is not written, and the log says so. */
function noEvidenceFolder(ctx: Ctx, caseNumber: string): null {
  ctx.log.warn(`no evidence folder for item ${ctx.item.id}: the receipt letter for case ${caseNumber} was not written`);
  return null;
}

/** The letter template's fields, checked once per process. */
let templateChecked: Promise<void> | undefined;
function checkLetterTemplate(): Promise<void> {
  templateChecked ??= checkBygglovKvittensTemplate().catch((error: unknown) => {
    templateChecked = undefined; // a fixed template is checked again next time
    throw error;
  });
  return templateChecked;
}

async function rejectValidationErrors({ ui }: Ctx): Promise<void> {
  const count = await ui.count('newCase.validationErrors');
  if (count === 0) return;
  const messages: string[] = [];
  for (let nth = 0; nth < count; nth++) messages.push(await ui.text('newCase.validationErrors', { nth }));
  throw new BusinessRuleError('BYGGLOV_REJECTED_BY_CASEHUB', `CaseHub rejected the application: ${messages.join(' ')}`, {
    remedy: 'Correct the application data and requeue it (kanslist review requeue <item>).',
    // CaseHub's own messages are Swedish: they are quoted as the system gave them.
    messages: {
      sv: `CaseHub avvisade ansökan: ${messages.join(' ')} Rätta uppgifterna och skicka tillbaka ärendet till roboten.`,
      da: `CaseHub afviste ansøgningen: ${messages.join(' ')} Ret oplysningerne og send sagen tilbage til robotten.`,
      de: `CaseHub hat den Antrag abgewiesen: ${messages.join(' ')} Angaben berichtigen und den Vorgang an den Bot zurückgeben.`,
      en: `CaseHub rejected the application: ${messages.join(' ')} Correct the data and send the item back to the bot.`,
    },
  });
}

/**
 * Searches CaseHub by the e-service id; the case number when a case carries it. The same steps on
 * every release: the map's `search.answer` region changes whether the search posts the whole page
 * or only its results, and the grid is read by header names, with as many rows per case as the
 * grid has header rows (one, or a case line and a detail line).
 */
async function findCaseByExternalRef({ ui }: Ctx, externalRef: string): Promise<string | undefined> {
  await ui.waitForPostback(() => ui.click('menu.search'), { frame: 'main' });
  await ui.fill('search.externalRef', externalRef);
  await ui.waitForPostback(() => ui.click('search.submit'), { update: 'search.answer' });
  await ui.waitFor('search.outcome');
  if (await ui.isPresent('search.noHits')) return undefined;
  const rows = await ui.readGrid('search.results', {
    rowsPerRecord: 'headerRows',
    fields: { caseNumber: 'Ärendenummer', externalRef: 'Extern referens' },
  });
  return rows.find((row) => row.externalRef === externalRef)?.caseNumber;
}
