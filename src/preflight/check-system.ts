/**
 * The check itself, against a system map object and a browser: log in with the robot account,
 * bring each screen up as the map's `navigation` says, resolve every target, log out.
 *   1. a fresh browser context (never a run's), closed whatever happens
 *   2. screens that show before login (the login screen)
 *   3. the login
 *   4. every other screen: reach it, check its targets
 *   5. log out, so the check holds no licence and no session
 */
import { logInAccount } from '../runner/account-login.ts';
import { contextOptions } from '../runner/session.ts';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Logger } from '../log/logger.ts';
import { redact, registerSecret } from '../redact/redact.ts';
import { errorCode, errorReason } from '../errors.ts';
import { captureEvidence, maskLocators } from '../ui/evidence.ts';
import { DEFAULT_TIMEOUT_MS, createUi, type Ui } from '../ui/ui.ts';
import type { Credentials, ScreensDefinition, System } from '../ui/system.ts';
import { checkTarget } from './check-target.ts';
import { planScreens, type PlannedScreen } from './plan.ts';
import { summariseReport } from './report.ts';
import type { PreflightReport, TargetCheck } from './types.ts';

export const DEFAULT_TARGET_TIMEOUT_MS = 3_000;

export interface CheckSystemOptions {
  system: System;
  baseUrl: string;
  /** The browser's locale when the system map names none (the configured language's). @default 'sv-SE' */
  locale?: string | undefined;
  /** The robot account; needed when the map has a login (without it the login is reported failed). */
  credentials?: Credentials | undefined;
  browser: Browser;
  /** Screen names to check; @default every screen of the map */
  screens?: readonly string[] | undefined;
  /** How long each target is waited for. @default 3000 */
  timeoutMs?: number | undefined;
  /** Bound of each step of login, navigation and logout. @default 15000 */
  navigationTimeoutMs?: number | undefined;
  log?: Logger | undefined;
  /**
   * Where to keep evidence of a failure (a masked screenshot and the HTML, as a run keeps it):
   * once after a refused login, a screen not reached, or a screen with a missing or ambiguous
   * target. @default none kept
   */
  evidenceDir?: string | undefined;
  /** On drift, propose a stable first strategy for the element a fallback matched (`suggested`). @default false */
  suggest?: boolean | undefined;
  /** Told the folder of each piece of evidence kept. */
  onEvidence?: ((dir: string) => void) | undefined;
}

interface CheckState {
  options: CheckSystemOptions;
  page: Page;
  ui: Ui<ScreensDefinition>;
  targetTimeoutMs: number;
  targets: TargetCheck[];
}

export async function checkSystem(options: CheckSystemOptions): Promise<PreflightReport> {
  const startedAt = Date.now();
  const { system, baseUrl } = options;
  const plan = planScreens(system, options.screens);
  registerSecret(options.credentials?.password);
  // 1. A context of its own, closed in every case: a check never leaves a session open.
  const context = await options.browser.newContext(contextOptions(system, options.locale));
  try {
    const navigationTimeoutMs = options.navigationTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    context.setDefaultTimeout(navigationTimeoutMs);
    const page = await context.newPage();
    const ui = createUi({ page, system, timeoutMs: navigationTimeoutMs });
    const state: CheckState = { options, page, ui, targetTimeoutMs: options.timeoutMs ?? DEFAULT_TARGET_TIMEOUT_MS, targets: [] };
    // 2. The login screen, before logging in.
    for (const screen of plan.filter((s) => s.phase === 'before-login')) await checkScreen(state, screen);
    // 3. The login.
    const login = await logIn(state);
    if (login.status === 'failed') await keepEvidence(state, 'login-failed');
    // 4. The screens of a logged-in session, in the map's order.
    for (const screen of plan.filter((s) => s.phase === 'after-login')) {
      if (login.status === 'failed') notChecked(state, screen, 'not checked: the login failed');
      else await checkScreen(state, screen);
    }
    // 5. Log out (a failure here does not change what was found).
    if (login.status === 'ok') await logOut(state);
    return summariseReport({
      system: system.name,
      baseUrl,
      startedAt,
      login: login.status,
      loginError: login.error,
      targets: state.targets,
    });
  } finally {
    await context.close().catch(() => undefined);
  }
}

async function checkScreen(state: CheckState, screen: PlannedScreen): Promise<void> {
  if (screen.notChecked !== undefined) return notChecked(state, screen, screen.notChecked);
  if (screen.reach) {
    try {
      await screen.reach({ ui: state.ui, baseUrl: state.options.baseUrl });
    } catch (error) {
      // The run would fail here too: every target of the screen counts as missing, with why.
      const why = `screen "${screen.screen}" could not be reached: ${oneLine(error)}`;
      state.options.log?.warn(`preflight ${state.options.system.name}: ${why}`);
      for (const path of screen.targets) state.targets.push({ path, screen: screen.screen, status: 'missing', detail: why });
      await keepEvidence(state, `reach-${screen.screen}`);
      return;
    }
  }
  const checks: TargetCheck[] = [];
  for (const path of screen.targets)
    checks.push(await checkTarget(state.page, state.options.system, path, state.targetTimeoutMs, { suggest: state.options.suggest }));
  state.targets.push(...checks);
  if (checks.some((check) => check.status === 'missing' || check.status === 'ambiguous'))
    await keepEvidence(state, `screen-${screen.screen}`);
}

/** A masked screenshot and the HTML of the page as the failure left it; never throws. */
async function keepEvidence(state: CheckState, label: string): Promise<void> {
  const { evidenceDir, onEvidence, system } = state.options;
  if (evidenceDir === undefined || state.page.isClosed()) return;
  const dir = join(evidenceDir, label.replace(/[^A-Za-z0-9_-]+/g, '_'));
  const mask = await maskLocators(state.page, system).catch(() => []);
  const kept = await captureEvidence(state.page, dir, { mask });
  if (kept.screenshot !== undefined || kept.html !== undefined) onEvidence?.(dir);
}

function notChecked(state: CheckState, screen: PlannedScreen, detail: string): void {
  for (const path of screen.targets) state.targets.push({ path, screen: screen.screen, status: 'not-checked', detail });
}

async function logIn(state: CheckState): Promise<{ status: PreflightReport['login']; error?: string }> {
  const { system, credentials, baseUrl } = state.options;
  if (!system.login) return { status: 'not-needed' };
  if (!credentials) return { status: 'failed', error: `no robot account was given for system "${system.name}"` };
  try {
    await logInAccount(credentials, async (account) => {
      await system.login?.({ ui: state.ui, credentials: account, baseUrl });
    });
    return { status: 'ok' };
  } catch (error) {
    return { status: 'failed', error: oneLine(error) };
  }
}

async function logOut(state: CheckState): Promise<void> {
  const { system, baseUrl, log } = state.options;
  if (!system.logout) return;
  try {
    await system.logout({ ui: state.ui, baseUrl });
  } catch (error) {
    log?.warn(`preflight ${system.name}: logging out failed (the browser context is closed anyway): ${oneLine(error)}`);
  }
}

/** Code and reason on one line, redacted: this text goes into reports, logs and alerts. */
function oneLine(error: unknown): string {
  return redact(`${errorCode(error)}: ${errorReason(error)}`.split('\n')[0]!);
}
