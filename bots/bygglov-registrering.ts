import { BusinessRuleError, defineBot, parsePersonnummer, xlsx, type BotContext, type InvalidIdentityNumberError } from 'kanslist';
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
      throw new BusinessRuleError(invalid.code, invalid.message, { where: 'column "Personnummer"', remedy: invalid.remedy, cause: error });
    }
    if (!MEASURES[application.measure]) {
      throw new BusinessRuleError('BYGGLOV_UNKNOWN_MEASURE', `The measure "${application.measure}" has no counterpart in CaseHub.`, {
        remedy: 'Register the application by hand, or add the measure to the mapping in bots/bygglov-registrering.ts.',
      });
    }
  },
  manualMinutes: 9,
  manualMinutesNote:
    'Example baseline for the demo: a skilled clerk re-keying one application (person lookup, form, attachment, receipt) timed with a stopwatch. Replace it with your own measurement.',
  concurrency: 4,
  maxAttempts: 4,
  itemTimeoutMs: 90_000,

  async process(application, ctx) {
    const { ui } = ctx;
    // 1. A fresh "Nytt ärende" form, of the building-permit type (the select posts back).
    await ui.waitForPostback(() => ui.click('menu.newCase'), { frame: 'main' });
    await ui.select('newCase.caseType', { label: 'Bygglov' }, { postback: true });
    // 2. The applicant, through the population-register lookup popup that fills name and address.
    await ui.fill('newCase.personnummer', parsePersonnummer(application.personnummer).normalized);
    await ui.popup('newCase.lookupPerson', async (popup) => {
      if (await popup.isPresent('personPopup.notFound', { timeoutMs: 0 })) {
        await popup.click('personPopup.close');
        throw new BusinessRuleError('BYGGLOV_PERSON_NOT_FOUND', 'The applicant is not in the population register.', {
          remedy: 'Check the personnummer with the applicant; register by hand if they are not registered in Sweden.',
        });
      }
      await popup.click('personPopup.choose');
    });
    if (!(await ui.value('newCase.applicantName'))) {
      throw new BusinessRuleError('BYGGLOV_APPLICANT_NOT_FILLED', 'The person lookup did not fill in the applicant.');
    }
    // 3. The application itself, its e-service id and its PDF.
    await ui.fill('newCase.propertyDesignation', application.propertyDesignation);
    await ui.select('newCase.measure', { label: MEASURES[application.measure]! });
    await ui.fill('newCase.description', application.description ?? '');
    await ui.fill('newCase.externalRef', application.applicationId);
    await ui.upload('newCase.attachment', application.attachment);
    // 4. Register: the system asks for confirmation, then shows a receipt or validation errors.
    await ui.waitForPostback(async () => {
      await ui.expectDialog('Vill du registrera ärendet?', 'accept', () => ui.click('newCase.register'));
    }, { frame: 'main' });
    await rejectValidationErrors(ctx);
    await ui.waitFor('receipt.heading');
    return { caseNumber: await ui.text('receipt.caseNumber') };
  },

  async verify(application, ctx) {
    const caseNumber = await findCaseByExternalRef(ctx, application.applicationId);
    return caseNumber ? { exists: true, output: { caseNumber } } : { exists: false };
  },
});

async function rejectValidationErrors({ ui }: Ctx): Promise<void> {
  if (!(await ui.isPresent('newCase.validationErrors', { timeoutMs: 0 }))) return;
  const messages = await ui.page.frameLocator('frame[name="main"]').locator('.validation li, [id$="ValidationSummary1"] li, [id$="vsFel"] li').allInnerTexts();
  throw new BusinessRuleError('BYGGLOV_REJECTED_BY_CASEHUB', `CaseHub rejected the application: ${messages.join(' ')}`, {
    remedy: 'Correct the application data and requeue it (kanslist review requeue <item>).',
  });
}

/** Searches CaseHub by the e-service id; the case number when a case carries it. */
async function findCaseByExternalRef({ ui }: Ctx, externalRef: string): Promise<string | undefined> {
  await ui.waitForPostback(() => ui.click('menu.search'), { frame: 'main' });
  await ui.fill('search.externalRef', externalRef);
  await ui.waitForPostback(() => ui.click('search.submit'), { frame: 'main' });
  if (await ui.isPresent('search.noHits', { timeoutMs: 0 })) return undefined;
  const rows = await ui.readGrid('search.results', { columns: { Ärendenummer: 'caseNumber', 'Extern referens': 'externalRef' } });
  return rows.find((row) => row.externalRef === externalRef)?.caseNumber;
}
