/**
 * What a preflight reports: per target of the checked screens, whether today's system still
 * matches the system map — and whether the robot account can log in at all.
 */
export type TargetCheckStatus = 'ok' | 'drift' | 'missing' | 'ambiguous' | 'not-checked';

export const TARGET_CHECK_STATUSES: readonly TargetCheckStatus[] = ['ok', 'drift', 'missing', 'ambiguous', 'not-checked'];

export interface TargetCheck {
  /** 'screen.target'. */
  path: string;
  screen: string;
  status: TargetCheckStatus;
  /** The strategy that matched, described ('label "Fastighet" (strategy 3 of 3)'); for 'ambiguous' the one that matched several. */
  matched?: string;
  /** Why: the strategies tried, what drifted, the error page shown, or why the target was not checked. */
  detail?: string;
  /** For drift, when asked: a stable strategy for the element that matched, as map source (`{ css: '#txtUser' }`). */
  suggested?: string;
  /** Where `suggested` comes from when the check could not see the target itself: 'run <id>'. */
  suggestedBy?: string;
}

/** The suggestions as a patch to the system map's source; never applied by Kanslist itself. */
export interface MapPatch {
  /** The map file, relative to the project root (the patch's a/ and b/ paths). */
  file: string;
  /** A unified diff; '' when there is nothing to suggest. */
  diff: string;
  /** Targets with a suggestion whose definition was not found in the file (built at run time, spread in). */
  unplaced: string[];
}

export interface PreflightReport {
  system: string;
  baseUrl: string;
  /** Epoch ms. */
  startedAt: number;
  durationMs: number;
  login: 'ok' | 'failed' | 'not-needed';
  /** Why the login failed, redacted (never the password). */
  loginError?: string;
  targets: TargetCheck[];
  counts: Record<TargetCheckStatus, number>;
  /** Login ok (or not needed) and no target missing or ambiguous (drift alone passes, with a warning). */
  ok: boolean;
  /** Some target matched only by a fallback strategy. */
  drift: boolean;
  /** With `suggest`: the suggested strategies as a patch to the map file. */
  patch?: MapPatch;
}
