/** Kontrollrummets texter på svenska. */
import type { Translation } from '../../report/i18n/index.ts';
import type { en } from './en.ts';

export const sv: Translation<typeof en> = {
  product: 'Kanslist kontrollrum',
  skip: 'Hoppa till innehållet',
  nav: { overview: 'Översikt', runs: 'Körningar', queues: 'Köer', review: 'Granskning', schedules: 'Scheman', timeSaved: 'Sparad tid', audit: 'Granskningsspår', users: 'Konton', account: 'Konto', logout: 'Logga ut', language: 'Språk', change: 'Byt' },
  login: {
    title: 'Logga in', username: 'Användarnamn', password: 'Lösenord', submit: 'Logga in',
    failed: 'Fel användarnamn eller lösenord.',
    locked: (p) => `För många misslyckade försök. Försök igen om ${p.minutes} min.`,
    throttled: 'För många försök från den här adressen. Vänta en minut och försök igen.',
    ended: 'Din session har upphört. Logga in igen.',
    sso: 'Logga in med ditt organisationskonto',
  },
  common: {
    bot: 'Robot', status: 'Status', started: 'Startad', ended: 'Avslutad', items: 'Ärenden', none: 'Inget här.', note: 'Anteckning', reason: 'Orsak',
    key: 'Nyckel', source: 'Källa', attempts: 'Försök', actions: 'Åtgärder', download: 'Ladda ner', back: 'Tillbaka', trigger: 'Startades av', run: 'Körning',
    output: 'Resultat', duration: 'Tid', at: 'Tidpunkt', count: 'Antal', host: 'Värd', since: 'Sedan', signedInAs: (p) => `Inloggad som ${p.name} (${p.roles})`,
    noteRequired: 'En anteckning krävs.', save: 'Spara',
  },
  itemStatus: { pending: 'väntar', running: 'pågår', done: 'klar', review: 'granskas', failed: 'misslyckad', uncertain: 'osäker', handled: 'hanterad' },
  runStatus: { running: 'pågår', finished: 'klar', interrupted: 'avbruten', failed: 'misslyckad', crashed: 'kraschad', 'timed-out': 'tidsgräns nådd', 'system-unavailable': 'systemet otillgängligt' },
  outcome: { done: 'klara', review: 'till granskning', retry: 'nya försök', failed: 'misslyckade', released: 'återlämnade', uncertain: 'osäkra' },
  overview: {
    attention: 'Kräver uppmärksamhet (senaste 7 dagarna)', noAttention: 'Inget har misslyckats de senaste 7 dagarna.', preflightFailed: 'förkontroll misslyckades', missed: 'missad',
    title: 'Översikt', inProgress: 'Pågående körningar', noneInProgress: 'Ingen körning pågår.', today: 'I dag per robot', waiting: 'Väntar per robot',
    nextFires: 'Nästa schemalagda körningar', drift: 'Avvikelser i senaste körningarna', noDrift: 'Inga avvikelser i senaste körningarna.', progress: (p) => `${p.done} av ${p.total} ärenden`,
    target: 'Mål', matchedBy: 'Hittades med reserv', failedStrategy: 'Första strategin som misslyckades',
  },
  runs: { retry: 'Försök igen med de misslyckade', wasRetried: (p) => `${p.n} misslyckade ärenden väntar igen.`, title: 'Körningar', detail: (p) => `Körning ${p.id}`, audit: 'Granskningsspår', auditOk: (p) => `Obrutet (${p.records} poster).`, auditBroken: (p) => `Brutet vid post ${p.seq}: ${p.problem}.`, report: 'Körningsrapport', drift: 'Avvikelser' },
  queues: { title: 'Köer', oldest: 'Äldsta väntande sedan' },
  review: {
    title: 'Granskningskö', intro: 'Ansökningar som robotarna inte kunde slutföra. Hantera var och en, rätta och skicka tillbaka till roboten, eller avslå.',
    empty: 'Granskningskön är tom.', open: 'Öppna', fields: 'Ansökan', screenshot: 'Skärmbild när roboten stannade (personnummer maskerade)', html: 'Sidan som roboten såg den (maskerad)',
    handled: 'Markera som hanterad', handledHelp: 'Du har gjort det för hand. Skriv vad du gjorde.',
    correct: 'Rätta och skicka tillbaka till roboten', correctHelp: 'Rätta fälten; roboten kontrollerar dem igen och registrerar ansökan vid nästa körning.',
    reject: 'Avslå', rejectHelp: 'Ansökan registreras inte. Skriv varför.',
    wasHandled: (p) => `${p.key} är markerad som hanterad.`, wasRequeued: (p) => `${p.key} ligger åter i robotens kö.`, wasRejected: (p) => `${p.key} är avslagen.`,
    invalid: (p) => `Rättelsen godtogs inte: ${p.reason}`, notInReview: 'Ärendet granskas inte längre; någon annan kan ha hanterat det.', trace: 'Spårning (för driften)',
  },
  schedules: {
    fire: 'Kör nu', wasFired: (p) => `${p.name} startar; beslutet och körningen syns nedan.`, title: 'Scheman', when: 'När', next: 'Nästa körningar', paused: (p) => `Pausat av ${p.by}${p.note ? ` — ${p.note}` : ''}`, active: 'Aktivt',
    pause: 'Pausa', resume: 'Återuppta', lastDecisions: 'Senaste beslut', decision: 'Beslut', wasPaused: (p) => `${p.name} är pausat.`, wasResumed: (p) => `${p.name} är återupptaget.`, skip: 'Hoppas över eftersom',
  },
  timeSaved: { title: 'Sparad tid', period: 'Period', hours: 'Frigjorda timmar', fte: 'Årsarbetskrafter', done: 'Klara av robotar', exceptions: 'Undantag', download: 'Ladda ner rapporten', from: 'Från', to: 'Till', show: 'Visa' },
  audit: {
    title: 'Granskningsspår', verify: 'Kontrollera hela spåret', verified: (p) => `${p.runs} kedjor kontrollerade.`, allOk: 'Alla kedjor är obrutna och tabellerna stämmer med spåret.', broken: 'Problem', chain: 'Kedja',
    person: 'Registerutdrag (GDPR art. 15)', idNumber: 'Personnummer', lookupReason: 'Skäl till sökningen (t.ex. begärans diarienummer)', lookup: 'Sök', results: (p) => `${p.n} poster rör den här personen.`, kind: 'Typ', action: 'Handling', reasonRequired: 'Ett skäl krävs: själva sökningen registreras.', invalidNumber: 'Det är inte ett giltigt personnummer.',
  },
  users: { title: 'Konton', name: 'Namn', source: 'Inloggning', locked: 'Låst till', unlock: 'Lås upp', remove: 'Ta bort', wasRemoved: (p) => `${p.name} är borttaget; sessionerna har avslutats.`, wasUnlocked: (p) => `${p.name} är upplåst.`, notSelf: 'Du kan inte ta bort ditt eget konto.', addHint: 'Konton läggs till och lösenord sätts med `kanslist users add` och `kanslist users passwd` på servern.' },
  account: { title: 'Ditt konto', roles: 'Roller', bots: 'Robotar' },
  errors: { forbidden: 'Du har inte behörighet till den här sidan.', notFound: 'Sidan finns inte.', csrf: 'Formuläret har gått ut eller kom inte från den här webbplatsen. Ladda om sidan och försök igen.', badRequest: 'Begäran kunde inte tolkas.', server: 'Något gick fel på servern. Driften ser detaljerna i loggen.' },
};
