import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type CaseHub, type LayoutName } from '../../src/fixtures/casehub/index.ts';
import {
  byControl,
  chooseCaseType,
  lookUpApplicant,
  mainFrame,
  openMenu,
  readReceiptNumber,
  registerBygglov,
  syntheticPerson,
} from '../helpers/casehub.ts';
import { useLoggedInCaseHub } from '../helpers/casehub.ts';

describe.each<LayoutName>(['v1', 'v2'])('CaseHub new case (%s)', { timeout: 30_000 }, (layout) => {
  const casehub = useLoggedInCaseHub(layout);
  let hub: CaseHub;
  let page: Page;
  beforeEach(() => {
    hub = casehub.hub();
    page = casehub.page();
  });

  it("posts back on case-type change and shows that type's fields at the same URL", async () => {
    const main = mainFrame(page);
    await openMenu(page, 'Nytt ärende');
    await main.locator(byControl(layout, 'caseType')).waitFor();
    expect(await main.locator(byControl(layout, 'fastighet')).count()).toBe(0);
    const frame = page.frame({ name: 'main' });
    const urlBefore = frame?.url();
    await chooseCaseType(page, layout, 'Bygglov');
    expect(frame?.url()).toBe(urlBefore);
    expect(await main.locator(byControl(layout, 'atgard')).locator('option').allTextContents()).toContain('Ändrad användning');
    await chooseCaseType(page, layout, 'Serveringstillstånd');
    expect(await main.locator(byControl(layout, 'fastighet')).count()).toBe(0);
    expect(await main.locator(byControl(layout, 'orgnr')).count()).toBe(1);
  });

  it('fills name and address from the person-search popup into read-only fields', async () => {
    const person = syntheticPerson(3);
    const main = mainFrame(page);
    await openMenu(page, 'Nytt ärende');
    await chooseCaseType(page, layout, 'Bygglov');
    await lookUpApplicant(page, layout, person.personnummer.replace(/^\d\d/, '').replace('-', ''));
    expect(await main.locator(byControl(layout, 'applicantName')).inputValue()).toBe(person.name);
    expect(await main.locator(byControl(layout, 'applicantName')).getAttribute('readonly')).not.toBeNull();
    expect(await main.locator(byControl(layout, 'applicantAddress')).inputValue()).toContain(',');
    expect(await main.locator(byControl(layout, 'personnummer')).inputValue()).toBe(person.personnummer);
  });

  it('registers a case with an attachment after the confirm, and shows its number on the receipt', async () => {
    const person = syntheticPerson(0);
    const file = { name: 'ritning-å.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 synthetic drawing\n') };
    const caseNumber = await registerBygglov(page, layout, {
      personnummer: person.personnummer,
      fastighet: 'Tallen 3:14',
      atgard: 'Tillbyggnad',
      beskrivning: 'Åsa Öberg och Michał bygger ut förrådet för 12 000 €',
      externalRef: 'E-2026-0042',
      file,
    });
    expect(caseNumber).toMatch(new RegExp(`^BN ${new Date().getFullYear()}-000001$`));
    const [registered] = hub.cases();
    expect(hub.cases()).toHaveLength(1);
    expect(registered).toMatchObject({
      caseNumber,
      caseType: 'bygglov',
      externalRef: 'E-2026-0042',
      personnummer: person.personnummer,
      applicantName: person.name,
      status: 'Registrerad',
      officer: 'handlaggare',
    });
    // å ä ö and € survive the page charset; ł is outside it, so the browser sent a character reference.
    expect(registered?.fields).toEqual({
      fastighetsbeteckning: 'Tallen 3:14',
      atgard: 'Tillbyggnad',
      beskrivning: 'Åsa Öberg och Micha&#322; bygger ut förrådet för 12 000 €',
    });
    expect(registered?.attachments).toEqual([
      {
        filename: 'ritning-å.pdf',
        size: file.buffer.length,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
      },
    ]);
    expect(hub.countsByExternalRef()).toEqual({ 'E-2026-0042': 1 });
  });

  it('registers nothing when the confirm is cancelled', async () => {
    const main = mainFrame(page);
    await openMenu(page, 'Nytt ärende');
    await chooseCaseType(page, layout, 'Bygglov');
    await lookUpApplicant(page, layout, syntheticPerson(1).personnummer);
    await main.locator(byControl(layout, 'fastighet')).fill('Eken 1:2');
    await main.locator(byControl(layout, 'atgard')).selectOption({ label: 'Rivning' });
    const dialogSeen = new Promise<string>((resolve) => {
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.dismiss();
      });
    });
    await main.getByRole('button', { name: 'Registrera' }).click();
    expect(await dialogSeen).toBe('Vill du registrera ärendet?');
    expect(await main.locator(byControl(layout, 'fastighet')).inputValue()).toBe('Eken 1:2');
    expect(hub.cases()).toHaveLength(0);
  });

  it('shows validation messages and registers nothing when required fields are missing', async () => {
    const main = mainFrame(page);
    await openMenu(page, 'Nytt ärende');
    await chooseCaseType(page, layout, 'Serveringstillstånd');
    await main.locator(byControl(layout, 'orgnr')).fill('12345');
    page.once('dialog', (dialog) => void dialog.accept());
    await main.getByRole('button', { name: 'Registrera' }).click();
    const summary = main.locator(byControl(layout, 'validationSummary'));
    await summary.getByText('Personnummer måste anges.').waitFor();
    const messages = await summary.locator('li').allTextContents();
    expect(messages).toEqual([
      'Personnummer måste anges.',
      'Restaurang måste anges.',
      'Organisationsnumret ska skrivas NNNNNN-NNNN.',
      'Serveringstider måste anges.',
    ]);
    expect(await main.locator(byControl(layout, 'orgnr')).inputValue()).toBe('12345');
    expect(hub.cases()).toHaveLength(0);
  });

  it('numbers servering cases in their own ST series', async () => {
    const main = mainFrame(page);
    await openMenu(page, 'Nytt ärende');
    await chooseCaseType(page, layout, 'Serveringstillstånd');
    await lookUpApplicant(page, layout, syntheticPerson(2).personnummer);
    await main.locator(byControl(layout, 'restaurang')).fill('Krogen Åkerbär');
    await main.locator(byControl(layout, 'orgnr')).fill('559900-0000');
    await main.locator(byControl(layout, 'serveringstider')).fill('11.00-23.00');
    page.once('dialog', (dialog) => void dialog.accept());
    await main.getByRole('button', { name: 'Registrera' }).click();
    await main.getByRole('heading', { name: 'Kvittens' }).waitFor();
    expect(await readReceiptNumber(page)).toMatch(/^ST \d{4}-000001$/);
    expect(hub.cases()[0]?.fields['restaurang']).toBe('Krogen Åkerbär');
  });
});
