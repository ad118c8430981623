/** Kontrolrummets tekster på dansk. */
import type { Translation } from '../../report/i18n/index.ts';
import type { en } from './en.ts';

export const da: Translation<typeof en> = {
  product: 'Kanslist kontrolrum',
  skip: 'Spring til indholdet',
  nav: { overview: 'Overblik', runs: 'Kørsler', queues: 'Køer', review: 'Gennemsyn', schedules: 'Planer', timeSaved: 'Sparet tid', audit: 'Revisionsspor', users: 'Konti', account: 'Konto', logout: 'Log ud', language: 'Sprog', change: 'Skift' },
  login: {
    title: 'Log ind', username: 'Brugernavn', password: 'Adgangskode', submit: 'Log ind',
    failed: 'Forkert brugernavn eller adgangskode.',
    locked: (p) => `For mange mislykkede forsøg. Prøv igen om ${p.minutes} min.`,
    throttled: 'For mange forsøg fra denne adresse. Vent et minut og prøv igen.',
    ended: 'Din session er udløbet. Log ind igen.',
    sso: 'Log ind med din organisationskonto',
  },
  common: {
    bot: 'Robot', status: 'Status', started: 'Startet', ended: 'Afsluttet', items: 'Sager', none: 'Intet her.', note: 'Notat', reason: 'Årsag',
    key: 'Nøgle', source: 'Kilde', attempts: 'Forsøg', actions: 'Handlinger', download: 'Hent', back: 'Tilbage', trigger: 'Startet af', run: 'Kørsel',
    output: 'Resultat', duration: 'Varighed', at: 'Tidspunkt', count: 'Antal', host: 'Vært', since: 'Siden', signedInAs: (p) => `Logget ind som ${p.name} (${p.roles})`,
    noteRequired: 'Et notat er påkrævet.', save: 'Gem',
  },
  itemStatus: { pending: 'venter', running: 'i gang', done: 'færdig', review: 'til gennemsyn', failed: 'mislykket', uncertain: 'usikker', handled: 'håndteret' },
  runStatus: { running: 'i gang', finished: 'færdig', interrupted: 'afbrudt', failed: 'mislykket', crashed: 'nedbrudt', 'timed-out': 'tidsgrænse nået', 'system-unavailable': 'systemet utilgængeligt' },
  outcome: { done: 'færdige', review: 'til gennemsyn', retry: 'nye forsøg', failed: 'mislykkede', released: 'frigivet', uncertain: 'usikre' },
  overview: {
    attention: 'Kræver opmærksomhed (de seneste 7 dage)', noAttention: 'Intet er mislykket de seneste 7 dage.', preflightFailed: 'forhåndskontrol mislykkedes', missed: 'sprunget over',
    title: 'Overblik', inProgress: 'Kørsler i gang', noneInProgress: 'Ingen kørsel er i gang.', today: 'I dag pr. robot', waiting: 'Venter pr. robot',
    nextFires: 'Næste planlagte kørsler', drift: 'Afvigelser i de seneste kørsler', noDrift: 'Ingen afvigelser i de seneste kørsler.', progress: (p) => `${p.done} af ${p.total} sager`,
    target: 'Mål', matchedBy: 'Fundet med reserve', failedStrategy: 'Første strategi, der fejlede',
  },
  runs: { retry: 'Prøv de mislykkede igen', wasRetried: (p) => `${p.n} mislykkede sager venter igen.`, title: 'Kørsler', detail: (p) => `Kørsel ${p.id}`, audit: 'Revisionsspor', auditOk: (p) => `Intakt (${p.records} poster).`, auditBroken: (p) => `Brudt ved post ${p.seq}: ${p.problem}.`, report: 'Kørselsrapport', drift: 'Afvigelser' },
  queues: { title: 'Køer', oldest: 'Ældste ventende siden' },
  review: {
    title: 'Gennemsynskø', intro: 'Ansøgninger, som robotterne ikke kunne gøre færdige. Håndtér hver enkelt, ret den og send den tilbage til robotten, eller afvis den.',
    empty: 'Gennemsynskøen er tom.', open: 'Åbn', fields: 'Ansøgning', screenshot: 'Skærmbillede, da robotten stoppede (CPR-numre maskeret)', html: 'Siden, som robotten så den (maskeret)',
    handled: 'Markér som håndteret', handledHelp: 'Du har gjort det i hånden. Skriv, hvad du gjorde.',
    correct: 'Ret og send tilbage til robotten', correctHelp: 'Ret felterne; robotten kontrollerer dem igen og registrerer ansøgningen ved næste kørsel.',
    reject: 'Afvis', rejectHelp: 'Ansøgningen registreres ikke. Skriv hvorfor.',
    wasHandled: (p) => `${p.key} er markeret som håndteret.`, wasRequeued: (p) => `${p.key} er tilbage i robottens kø.`, wasRejected: (p) => `${p.key} er afvist.`,
    invalid: (p) => `Rettelsen blev ikke godtaget: ${p.reason}`, notInReview: 'Sagen er ikke længere til gennemsyn; en anden kan have håndteret den.', trace: 'Sporing (for driften)',
  },
  schedules: {
    fire: 'Kør nu', wasFired: (p) => `${p.name} starter; beslutningen og kørslen vises nedenfor.`, title: 'Planer', when: 'Hvornår', next: 'Næste kørsler', paused: (p) => `Sat på pause af ${p.by}${p.note ? ` — ${p.note}` : ''}`, active: 'Aktiv',
    pause: 'Sæt på pause', resume: 'Genoptag', lastDecisions: 'Seneste beslutninger', decision: 'Beslutning', wasPaused: (p) => `${p.name} er sat på pause.`, wasResumed: (p) => `${p.name} er genoptaget.`, skip: 'Sprunget over fordi',
  },
  timeSaved: { title: 'Sparet tid', period: 'Periode', hours: 'Frigjorte timer', fte: 'Årsværk', done: 'Færdige af robotter', exceptions: 'Undtagelser', download: 'Hent rapporten', from: 'Fra', to: 'Til', show: 'Vis' },
  audit: {
    title: 'Revisionsspor', verify: 'Kontrollér hele sporet', verified: (p) => `${p.runs} kæder kontrolleret.`, allOk: 'Alle kæder er intakte, og tabellerne stemmer med sporet.', broken: 'Fundne problemer', chain: 'Kæde',
    person: 'Indsigtsanmodning (GDPR art. 15)', idNumber: 'CPR-nummer', lookupReason: 'Grund til opslaget (f.eks. anmodningens sagsnummer)', lookup: 'Slå op', results: (p) => `${p.n} poster vedrører denne person.`, kind: 'Type', action: 'Handling', reasonRequired: 'En grund er påkrævet: selve opslaget registreres.', invalidNumber: 'Det er ikke et gyldigt personnummer.',
  },
  users: { title: 'Konti', name: 'Navn', source: 'Log ind', locked: 'Låst indtil', unlock: 'Lås op', remove: 'Fjern', wasRemoved: (p) => `${p.name} er fjernet; sessionerne er afsluttet.`, wasUnlocked: (p) => `${p.name} er låst op.`, notSelf: 'Du kan ikke fjerne din egen konto.', addHint: 'Konti oprettes og adgangskoder sættes med `kanslist users add` og `kanslist users passwd` på serveren.' },
  account: { title: 'Din konto', roles: 'Roller', bots: 'Robotter' },
  errors: { forbidden: 'Du har ikke adgang til denne side.', notFound: 'Siden findes ikke.', csrf: 'Formularen er udløbet eller kom ikke fra dette websted. Genindlæs siden og prøv igen.', badRequest: 'Forespørgslen blev ikke forstået.', server: 'Noget gik galt på serveren. Driften kan se detaljerne i loggen.' },
};
