/** Reasons in Danish (keys and kinds as in en.ts). */
import type { Translation } from '../messages.ts';
import type { en } from './en.ts';
import { fact, type Facts } from './facts.ts';

const at = (p: Facts) => (p.row === undefined ? '' : `Række ${p.row}${p.file ? ` i ${p.file}` : ''}: `);
const col = (p: Facts) => (p.column ? `kolonnen "${p.column}"` : 'en kolonne');
const kinds: Record<string, string> = { personnummer: 'personnummeret', samordningsnummer: 'koordinationsnummeret', cpr: 'CPR-nummeret' };
const types: Record<string, string> = { string: 'tekst', number: 'et tal', date: 'en dato', boolean: 'ja eller nej', file: 'et filnavn' };
const problems: Record<string, string> = {
  format: 'er ikke skrevet som ét helt nummer',
  date: 'indeholder en dato, der ikke findes',
  checksum: 'har et forkert kontrolciffer (sandsynligvis en tastefejl)',
};
const system = (what: string) => `${what} Robotten prøver selv igen; fortsætter fejlen, ser IT-driften på den.`;
const botFix = (what: string) => `${what} Robotten skal rettes; IT-driften kan se det i kørselsrapporten.`;
const letter = (what: string) =>
  `Kvitteringsbrevet kunne ikke dannes: ${what} IT-driften skal rette brevskabelonen eller dens oplysninger.`;

export const da: Translation<typeof en> = {
  rowAt: (p) => at(p),
  sourceOf: (p) => `${p.file ?? ''}, række ${p.row ?? ''}`,
  unknownBusiness: 'Robotten kunne ikke afslutte sagen og gav den videre til en sagsbehandler. Kontrollér sagen manuelt.',
  unknownSystem: 'Robotten kunne ikke afslutte sagen på grund af en teknisk fejl.',
  unknownCode: (p) => `Robotten stoppede sagen med sin egen årsag, "${p.code}". Kontrollér sagen manuelt.`,
  pageError: system('Fagsystemet viste en fejlside.'),
  codes: {
    INPUT_REQUIRED: (p) => `${at(p)}${col(p)} er tom, men skal udfyldes. Ret rækken i kilden, og send sagen tilbage til robotten.`,
    INPUT_TYPE: (p) =>
      `${at(p)}${col(p)} indeholder ikke ${types[fact(p.type)] ?? 'en gyldig værdi'}. Ret rækken i kilden, og send sagen tilbage til robotten.`,
    INPUT_FILE_MISSING: (p) => `${at(p)}${col(p)} angiver et bilag, der mangler. Tilføj filen, og send sagen tilbage til robotten.`,
    INPUT_UNREADABLE: (p) => `${at(p)}rækken kunne ikke læses. Kontrollér rækken i kilden.`,
    KANSLIST_INVALID_IDENTITY_NUMBER: (p) =>
      `${at(p)}${kinds[fact(p.kind)] ?? 'identitetsnummeret'}${p.column ? ` i kolonnen "${p.column}"` : ''} ${problems[fact(p.problem)] ?? 'er ugyldigt'}. Kontrollér nummeret med ansøgeren.`,
    KANSLIST_SESSION_EXPIRED: system('Login i fagsystemet udløb.'),
    KANSLIST_TARGET_NOT_FOUND: system('Et felt eller en knap, som robotten skal bruge, var ikke på skærmen.'),
    KANSLIST_UI_ACTION_FAILED: system('Et klik eller en indtastning i fagsystemet gik ikke igennem.'),
    KANSLIST_POSTBACK_TIMEOUT: system('Fagsystemet svarede ikke i tide.'),
    KANSLIST_PARTIAL_POSTBACK_TIMEOUT: system('En del af en side i fagsystemet blev ikke opdateret i tide.'),
    KANSLIST_NAVIGATION_FAILED: system('En side i fagsystemet åbnede ikke.'),
    KANSLIST_HTTP_ERROR: system('Fagsystemet svarede med en fejl.'),
    KANSLIST_WAIT_TIMEOUT: system('Fagsystemet viste ikke i tide det, robotten ventede på.'),
    KANSLIST_TIMEOUT: system('Fagsystemet svarede ikke i tide.'),
    KANSLIST_POPUP_NOT_OPENED: system('Et vindue i fagsystemet åbnede ikke.'),
    KANSLIST_POPUP_NOT_CLOSED: system('Et vindue i fagsystemet lukkede ikke.'),
    KANSLIST_DIALOG_NOT_SHOWN: system('Et spørgsmål, som fagsystemet skulle have stillet, kom ikke.'),
    KANSLIST_GRID_NOT_REPLACED: system('En liste i fagsystemet bladrede ikke til næste side.'),
    KANSLIST_ITEM_TIMEOUT: system('Sagen tog længere tid end tilladt.'),
    KANSLIST_TARGET_AMBIGUOUS: botFix('Robotten fandt flere felter, hvor den ventede ét.'),
    KANSLIST_PAGE_FATAL:
      'Fagsystemet viste en side, som robotten ikke kan komme forbi (for eksempel "adgang nægtet"). Kørslen blev stoppet, og sagen venter på næste kørsel; IT-driften skal rette årsagen i fagsystemet.',
    KANSLIST_INTERSTITIAL_REPEATED: system('En mellemside i fagsystemet blev ved med at komme igen.'),
    KANSLIST_KEYBOARD_FAILED: system('Et tastetryk på siden gik ikke igennem.'),
    KANSLIST_PASSWORD_EXPIRED:
      'Robottens adgangskode i fagsystemet er udløbet. Kørslen blev stoppet, og sagen venter på næste kørsel; IT-driften skifter adgangskoden (kanslist vault rotate).',
    KANSLIST_PASSWORD_REFUSED:
      'Fagsystemet afviste robottens adgangskode. Kørslen blev stoppet, og sagen venter på næste kørsel; IT-driften skal kontrollere robotkontoen.',
    KANSLIST_OPTION_NOT_FOUND: 'Værdien findes ikke blandt valgene i fagsystemet (eller staves anderledes der). Vælg den rigtige i hånden.',
    KANSLIST_OPTION_AMBIGUOUS: 'Flere valg i fagsystemet passer til værdien, og robotten gætter aldrig. Vælg den rigtige i hånden.',
    KANSLIST_OPTIONS_NOT_SHOWN: system('En valgliste i fagsystemet blev ikke vist.'),
    KANSLIST_CHOICE_NOT_KEPT: system('Et valg i fagsystemet fik ingen virkning.'),
    KANSLIST_RICH_TEXT_NOT_TAKEN: system('Tekst skrevet i fagsystemets teksteditor blev ikke stående som skrevet.'),
    KANSLIST_UNKNOWN_TARGET: botFix('Robotten spurgte efter et felt, som dens beskrivelse af skærmen ikke har.'),
    KANSLIST_GRID_COLUMN_MISSING: botFix('En liste i fagsystemet mangler en kolonne, som robotten læser.'),
    KANSLIST_GRID_COLUMN_AMBIGUOUS: botFix('Flere kolonner i en liste i fagsystemet passer til en kolonne, som robotten læser.'),
    KANSLIST_GRID_OPTIONS_INVALID: botFix('Robotten læser en liste i fagsystemet med forkerte indstillinger.'),
    KANSLIST_GRID_RECORD_START_UNMATCHED: botFix('Robotten kan ikke finde, hvor posterne begynder i en liste i fagsystemet.'),
    KANSLIST_LEASE_EXPIRED:
      'Robotten stoppede, mens den arbejdede på sagen. Den kontrollerer i fagsystemet, om arbejdet blev gjort, før der sker andet.',
    KANSLIST_UNCERTAIN:
      'Robotten kunne ikke afgøre, om sagen blev registreret i fagsystemet. Kontrollér i fagsystemet, og registrér manuelt, hvis den mangler.',
    KANSLIST_LEASE_LOST: 'En anden robot overtog sagen; resultatet blev ikke gemt her.',
    KANSLIST_UNEXPECTED: system('Der opstod en uventet fejl.'),
    KANSLIST_PDF_FORM_TEMPLATE_UNREADABLE: letter('skabelonen kan ikke læses.'),
    KANSLIST_PDF_FORM_FIELD_UNKNOWN: letter('skabelonen mangler et felt.'),
    KANSLIST_PDF_FORM_VALUE_MISSING: letter('et obligatorisk felt har ingen værdi.'),
    KANSLIST_PDF_FORM_VALUE_INVALID: letter('et felt kan ikke tage sin værdi.'),
    KANSLIST_LETTER_FILE_NAME: letter('filnavnet er ikke tilladt.'),
    KANSLIST_LETTER_WRITE_FAILED: system('Kvitteringsbrevet kunne ikke gemmes.'),
  },
  titles: {
    INPUT_REQUIRED: 'Obligatorisk felt tomt',
    INPUT_TYPE: 'Felt med forkert slags værdi',
    INPUT_FILE_MISSING: 'Bilag mangler',
    INPUT_UNREADABLE: 'Rækken kan ikke læses',
    KANSLIST_INVALID_IDENTITY_NUMBER: 'Ugyldigt personnummer',
    KANSLIST_PAGE_ERROR: 'Fejlside i fagsystemet',
    KANSLIST_SESSION_EXPIRED: 'Login udløb',
    KANSLIST_TARGET_NOT_FOUND: 'Felt eller knap mangler på skærmen',
    KANSLIST_UI_ACTION_FAILED: 'Klik eller indtastning mislykkedes',
    KANSLIST_POSTBACK_TIMEOUT: 'Fagsystemet for langsomt',
    KANSLIST_PARTIAL_POSTBACK_TIMEOUT: 'Fagsystemet for langsomt (sidens del)',
    KANSLIST_NAVIGATION_FAILED: 'Siden åbnede ikke',
    KANSLIST_HTTP_ERROR: 'Fagsystemet svarede med fejl',
    KANSLIST_WAIT_TIMEOUT: 'Fagsystemet for langsomt',
    KANSLIST_TIMEOUT: 'Fagsystemet for langsomt',
    KANSLIST_POPUP_NOT_OPENED: 'Vinduet åbnede ikke',
    KANSLIST_POPUP_NOT_CLOSED: 'Vinduet lukkede ikke',
    KANSLIST_DIALOG_NOT_SHOWN: 'Ventet spørgsmål kom ikke',
    KANSLIST_GRID_NOT_REPLACED: 'Listen bladrede ikke',
    KANSLIST_ITEM_TIMEOUT: 'Sagen tog for lang tid',
    KANSLIST_TARGET_AMBIGUOUS: 'Robotten skal rettes (flere felter)',
    KANSLIST_PAGE_FATAL: 'Fagsystemet afviste (kørsel stoppet)',
    KANSLIST_INTERSTITIAL_REPEATED: 'Mellemside kom igen',
    KANSLIST_KEYBOARD_FAILED: 'Tastetryk mislykkedes',
    KANSLIST_PASSWORD_EXPIRED: 'Robottens adgangskode er udløbet (kørsel stoppet)',
    KANSLIST_PASSWORD_REFUSED: 'Robottens login blev afvist (kørsel stoppet)',
    KANSLIST_OPTION_NOT_FOUND: 'Værdien mangler blandt valgene',
    KANSLIST_OPTION_AMBIGUOUS: 'Flere valg passer',
    KANSLIST_OPTIONS_NOT_SHOWN: 'Valglisten blev ikke vist',
    KANSLIST_CHOICE_NOT_KEPT: 'Valget fik ingen virkning',
    KANSLIST_RICH_TEXT_NOT_TAKEN: 'Teksten i editoren blev ikke stående',
    KANSLIST_UNKNOWN_TARGET: 'Robotten skal rettes (ukendt felt)',
    KANSLIST_GRID_COLUMN_MISSING: 'Robotten skal rettes (listekolonne)',
    KANSLIST_GRID_COLUMN_AMBIGUOUS: 'Robotten skal rettes (uklar listekolonne)',
    KANSLIST_GRID_OPTIONS_INVALID: 'Robotten skal rettes (listeindstillinger)',
    KANSLIST_GRID_RECORD_START_UNMATCHED: 'Robotten skal rettes (listens poster)',
    KANSLIST_LEASE_EXPIRED: 'Robotten stoppede under sagen',
    KANSLIST_UNCERTAIN: 'Uklart om registreret',
    KANSLIST_LEASE_LOST: 'Overtaget af en anden robot',
    KANSLIST_UNEXPECTED: 'Uventet fejl',
    KANSLIST_PDF_FORM_TEMPLATE_UNREADABLE: 'Brevskabelonen kan ikke læses',
    KANSLIST_PDF_FORM_FIELD_UNKNOWN: 'Brevskabelonen mangler et felt',
    KANSLIST_PDF_FORM_VALUE_MISSING: 'Brevfelt uden værdi',
    KANSLIST_PDF_FORM_VALUE_INVALID: 'Brevfeltets værdi accepteres ikke',
    KANSLIST_LETTER_FILE_NAME: 'Brevets filnavn ikke tilladt',
    KANSLIST_LETTER_WRITE_FAILED: 'Brevet kunne ikke gemmes',
  },
  unknownTitle: (p) => `Robottens egen årsag: ${p.code}`,
  unknownKanslistTitle: 'Anden teknisk fejl',
  reasonHeader: 'Årsag',
  technicalReason: 'Teknisk årsag (engelsk)',
  noReason: '(ingen årsag angivet)',
};
