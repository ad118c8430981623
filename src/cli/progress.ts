/**
 * Run progress: a bar redrawn in place on a terminal (done/total, failures, rate, ETA); plain
 * lines elsewhere (CI logs, files, NO_COLOR, TERM=dumb), one per item outcome.
 */
import { redact } from '../redact/redact.ts';
import type { ItemOutcome } from '../runner/outcome.ts';
import { redrawAllowed } from '../util/terminal.ts';

export interface Progress {
  start(total: number): void;
  outcome(o: ItemOutcome): void;
  end(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): Progress {
  return redrawAllowed(stream, env) ? new BarProgress(stream) : new LineProgress(stream);
}

class LineProgress implements Progress {
  constructor(private readonly out: NodeJS.WriteStream) {}
  start(total: number): void {
    this.out.write(`${total} item(s) to process\n`);
  }
  outcome(o: ItemOutcome): void {
    const detail =
      o.kind === 'done' || o.kind === 'verified'
        ? o.output
          ? ` → ${formatOutput(o.output)}`
          : ''
        : o.code
          ? ` ${o.code}: ${o.reason ?? ''}`
          : '';
    this.out.write(redact(`${o.kind.padEnd(8)} ${o.key} (attempt ${o.attempt}, ${(o.durationMs / 1000).toFixed(1)} s)${detail}`) + '\n');
  }
  end(): void {}
}

class BarProgress implements Progress {
  private total = 0;
  private finished = 0;
  private problems = 0;
  private retries = 0;
  private readonly started = Date.now();
  constructor(private readonly out: NodeJS.WriteStream) {}
  start(total: number): void {
    this.total = total;
    this.draw();
  }
  outcome(o: ItemOutcome): void {
    if (o.kind === 'retry') this.retries++;
    else this.finished++;
    if (o.kind === 'review' || o.kind === 'failed' || o.kind === 'lost') this.problems++;
    this.draw();
  }
  end(): void {
    this.out.write('\n');
  }
  private draw(): void {
    const width = 24;
    const share = this.total ? Math.min(1, this.finished / this.total) : 0;
    const minutes = (Date.now() - this.started) / 60_000;
    const rate = minutes > 0 ? this.finished / minutes : 0;
    const eta = rate > 0 ? Math.max(0, (this.total - this.finished) / rate) : undefined;
    const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
    const line = `${bar} ${this.finished}/${this.total}  not done ${this.problems}  retries ${this.retries}  ${rate.toFixed(1)}/min  ETA ${eta === undefined ? '–' : formatMinutes(eta)}`;
    this.out.write(`\r${line}\x1b[K`);
  }
}

function formatMinutes(minutes: number): string {
  return minutes < 1 ? `${Math.ceil(minutes * 60)} s` : `${Math.ceil(minutes)} min`;
}

export function formatOutput(output: unknown): string {
  if (output === null || output === undefined) return '';
  if (typeof output === 'string') return output;
  // An output reads best as its first plain value (a case number, a reference): bots put the
  // value a clerk looks things up by first; `kanslist items` shows the whole output.
  if (typeof output === 'object') {
    const first = Object.values(output as Record<string, unknown>).find((v) => typeof v === 'string' || typeof v === 'number');
    if (first !== undefined) return String(first);
  }
  return JSON.stringify(output);
}
