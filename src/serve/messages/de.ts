/** Die Texte des Leitstands auf Deutsch. */
import type { Translation } from '../../report/i18n/index.ts';
import type { en } from './en.ts';

export const de: Translation<typeof en> = {
  product: 'Kanslist Leitstand',
  skip: 'Zum Inhalt springen',
  nav: { overview: 'Übersicht', runs: 'Läufe', queues: 'Warteschlangen', review: 'Prüfung', schedules: 'Zeitpläne', timeSaved: 'Eingesparte Zeit', audit: 'Prüfpfad', users: 'Konten', account: 'Konto', logout: 'Abmelden', language: 'Sprache', change: 'Wechseln' },
  login: {
    title: 'Anmelden', username: 'Benutzername', password: 'Passwort', submit: 'Anmelden',
    failed: 'Benutzername oder Passwort ist falsch.',
    locked: (p) => `Zu viele Fehlversuche. Versuchen Sie es in ${p.minutes} min erneut.`,
    throttled: 'Zu viele Versuche von dieser Adresse. Warten Sie eine Minute und versuchen Sie es erneut.',
    ended: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an.',
    sso: 'Mit Ihrem Organisationskonto anmelden',
  },
  common: {
    bot: 'Roboter', status: 'Status', started: 'Gestartet', ended: 'Beendet', items: 'Vorgänge', none: 'Nichts vorhanden.', note: 'Vermerk', reason: 'Grund',
    key: 'Schlüssel', source: 'Quelle', attempts: 'Versuche', actions: 'Aktionen', download: 'Herunterladen', back: 'Zurück', trigger: 'Ausgelöst durch', run: 'Lauf',
    output: 'Ergebnis', duration: 'Dauer', at: 'Zeitpunkt', count: 'Anzahl', host: 'Rechner', since: 'Seit', signedInAs: (p) => `Angemeldet als ${p.name} (${p.roles})`,
    noteRequired: 'Ein Vermerk ist erforderlich.', save: 'Speichern',
  },
  itemStatus: { pending: 'wartend', running: 'läuft', done: 'erledigt', review: 'in Prüfung', failed: 'fehlgeschlagen', uncertain: 'unklar', handled: 'bearbeitet' },
  runStatus: { running: 'läuft', finished: 'beendet', interrupted: 'unterbrochen', failed: 'fehlgeschlagen', crashed: 'abgestürzt', 'timed-out': 'Zeitlimit erreicht', 'system-unavailable': 'System nicht erreichbar' },
  outcome: { done: 'erledigt', review: 'zur Prüfung', retry: 'wiederholt', failed: 'fehlgeschlagen', released: 'zurückgegeben', uncertain: 'unklar' },
  overview: {
    attention: 'Braucht Aufmerksamkeit (letzte 7 Tage)', noAttention: 'In den letzten 7 Tagen ist nichts fehlgeschlagen.', preflightFailed: 'Vorabprüfung fehlgeschlagen', missed: 'verpasst',
    title: 'Übersicht', inProgress: 'Laufende Läufe', noneInProgress: 'Kein Lauf ist aktiv.', today: 'Heute je Roboter', waiting: 'Wartend je Roboter',
    nextFires: 'Nächste geplante Läufe', drift: 'Abweichungen in den letzten Läufen', noDrift: 'Keine Abweichungen in den letzten Läufen.', progress: (p) => `${p.done} von ${p.total} Vorgängen`,
    target: 'Ziel', matchedBy: 'Per Ausweichstrategie gefunden', failedStrategy: 'Erste fehlgeschlagene Strategie',
  },
  runs: { retry: 'Fehlgeschlagene erneut versuchen', wasRetried: (p) => `${p.n} fehlgeschlagene Vorgänge warten wieder.`, title: 'Läufe', detail: (p) => `Lauf ${p.id}`, audit: 'Prüfpfad', auditOk: (p) => `Unversehrt (${p.records} Einträge).`, auditBroken: (p) => `Gebrochen bei Eintrag ${p.seq}: ${p.problem}.`, report: 'Laufbericht', drift: 'Abweichungen' },
  queues: { title: 'Warteschlangen', oldest: 'Ältester wartender seit' },
  review: {
    title: 'Prüfwarteschlange', intro: 'Anträge, die die Roboter nicht abschließen konnten. Bearbeiten Sie jeden, korrigieren Sie ihn und geben Sie ihn an den Roboter zurück, oder lehnen Sie ihn ab.',
    empty: 'Die Prüfwarteschlange ist leer.', open: 'Öffnen', fields: 'Antrag', screenshot: 'Bildschirmfoto beim Anhalten (Personenkennzeichen maskiert)', html: 'Die Seite, wie der Roboter sie sah (geschwärzt)',
    handled: 'Als bearbeitet markieren', handledHelp: 'Sie haben es von Hand erledigt. Vermerken Sie, was Sie getan haben.',
    correct: 'Korrigieren und an den Roboter zurückgeben', correctHelp: 'Korrigieren Sie die Felder; der Roboter prüft sie erneut und erfasst den Antrag beim nächsten Lauf.',
    reject: 'Ablehnen', rejectHelp: 'Der Antrag wird nicht erfasst. Vermerken Sie den Grund.',
    wasHandled: (p) => `${p.key} ist als bearbeitet markiert.`, wasRequeued: (p) => `${p.key} ist wieder in der Warteschlange des Roboters.`, wasRejected: (p) => `${p.key} ist abgelehnt.`,
    invalid: (p) => `Die Korrektur wurde nicht angenommen: ${p.reason}`, notInReview: 'Dieser Vorgang ist nicht mehr in Prüfung; jemand anderes hat ihn vielleicht bearbeitet.', trace: 'Trace (für den Betrieb)',
  },
  schedules: {
    fire: 'Jetzt ausführen', wasFired: (p) => `${p.name} startet; Entscheidung und Lauf erscheinen unten.`, title: 'Zeitpläne', when: 'Wann', next: 'Nächste Läufe', paused: (p) => `Pausiert von ${p.by}${p.note ? ` — ${p.note}` : ''}`, active: 'Aktiv',
    pause: 'Pausieren', resume: 'Fortsetzen', lastDecisions: 'Letzte Entscheidungen', decision: 'Entscheidung', wasPaused: (p) => `${p.name} ist pausiert.`, wasResumed: (p) => `${p.name} läuft wieder.`, skip: 'Ausgelassen, weil',
  },
  timeSaved: { title: 'Eingesparte Zeit', period: 'Zeitraum', hours: 'Freigewordene Stunden', fte: 'Vollzeitäquivalente', done: 'Von Robotern erledigt', exceptions: 'Ausnahmen', download: 'Bericht herunterladen', from: 'Von', to: 'Bis', show: 'Anzeigen' },
  audit: {
    title: 'Prüfpfad', verify: 'Den ganzen Pfad prüfen', verified: (p) => `${p.runs} Ketten geprüft.`, allOk: 'Alle Ketten sind unversehrt und die Tabellen stimmen mit dem Pfad überein.', broken: 'Gefundene Probleme', chain: 'Kette',
    person: 'Auskunft (DSGVO Art. 15)', idNumber: 'Personenkennzeichen', lookupReason: 'Grund der Suche (z. B. Aktenzeichen des Antrags)', lookup: 'Suchen', results: (p) => `${p.n} Einträge betreffen diese Person.`, kind: 'Art', action: 'Handlung', reasonRequired: 'Ein Grund ist erforderlich: die Suche selbst wird protokolliert.', invalidNumber: 'Das ist kein gültiges Personenkennzeichen.',
  },
  users: { title: 'Konten', name: 'Name', source: 'Anmeldung', locked: 'Gesperrt bis', unlock: 'Entsperren', remove: 'Entfernen', wasRemoved: (p) => `${p.name} ist entfernt; die Sitzungen sind beendet.`, wasUnlocked: (p) => `${p.name} ist entsperrt.`, notSelf: 'Sie können Ihr eigenes Konto nicht entfernen.', addHint: 'Konten werden mit `kanslist users add` und Passwörter mit `kanslist users passwd` auf dem Server angelegt.' },
  account: { title: 'Ihr Konto', roles: 'Rollen', bots: 'Roboter' },
  errors: { forbidden: 'Sie haben keinen Zugriff auf diese Seite.', notFound: 'Diese Seite gibt es nicht.', csrf: 'Das Formular ist abgelaufen oder stammt nicht von dieser Seite. Laden Sie die Seite neu und versuchen Sie es erneut.', badRequest: 'Die Anfrage wurde nicht verstanden.', server: 'Auf dem Server ist ein Fehler aufgetreten. Der Betrieb sieht die Einzelheiten im Protokoll.' },
};
