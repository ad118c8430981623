/**
 * CPU time of this process and every child it has reaped (Chromium and its renderers, once the
 * browser is closed), from /proc/self/stat. Unlike wall time, it barely depends on what else the
 * machine runs, so it shows the work an item costs even on a busy machine. Linux only: elsewhere
 * it returns NaN and the tables show "–".
 */
import { readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ; 100 on every mainstream Linux (getconf CLK_TCK)

export function processTreeCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may contain spaces) start at state (field 3).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime, stime, cutime, cstime are fields 14–17, i.e. indexes 11–14 here.
    const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0);
    return (ticks / CLOCK_TICKS_PER_SECOND) * 1000;
  } catch {
    return Number.NaN;
  }
}
