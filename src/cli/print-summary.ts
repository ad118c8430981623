import type { RunSummary } from '../runner/summary.ts';

/** The end-of-run summary an operator reads: what was done, what was not, where the evidence is. */
export function formatSummary(s: RunSummary): string {
  const o = s.outcomes;
  const lines = [`Run ${s.runId} of ${s.bot} (version ${s.botVersion}): ${s.status}`];
  if (s.enqueue) {
    lines.push(
      `  input:      ${s.enqueue.added} new item(s), ${s.enqueue.rejected} rejected at validation, ${s.enqueue.skippedDone} already done (skipped), ${s.enqueue.alreadyQueued} already queued`,
    );
    if (s.enqueue.otherEnvironment) {
      lines.push(
        `    of those, ${s.enqueue.otherEnvironment} wait for another system address than this run's: left alone (run them where they were enqueued)`,
      );
    }
  }
  if (s.settle && s.settle.verifiedDone + s.settle.requeued + s.settle.toReview + s.settle.retried + s.settle.stillUncertain > 0) {
    const again =
      s.settle.retried + s.settle.stillUncertain > 0
        ? `, ${s.settle.retried} to verify again (verify failed), ${s.settle.stillUncertain} left uncertain`
        : '';
    lines.push(
      `  recovered:  ${s.settle.verifiedDone} uncertain item(s) verified done, ${s.settle.requeued} run again, ${s.settle.toReview} sent to review${again}`,
    );
  }
  lines.push(
    `  done:       ${o.done + o.verified}${o.verified ? ` (${o.verified} found already done by verify)` : ''}`,
    `  business exceptions (to review): ${o.review + (s.enqueue?.rejected ?? 0)}`,
    `  system exceptions: ${o.retry} retried, ${o.failed} failed after max attempts${o.lost ? `, ${o.lost} lost their lease` : ''}`,
  );
  const left = s.queue.pending + s.queue.uncertain + s.queue.running;
  if (left > 0)
    lines.push(`  left in the queue: ${s.queue.pending} pending, ${s.queue.uncertain} uncertain, ${s.queue.running} running elsewhere`);
  if (s.drift.length > 0) {
    lines.push(`  drift (a fallback strategy matched — update the system map):`);
    for (const d of s.drift)
      lines.push(`    ${d.system} ${d.target}: ${d.failedStrategy} failed, ${d.matchedStrategy} matched (${d.count}×)`);
  } else {
    lines.push('  drift:      none');
  }
  lines.push(`  evidence:   ${s.evidenceDir}`);
  if (s.fatal) lines.push(`  stopped by a fatal error: ${s.fatal}`);
  if (s.unavailable) {
    lines.push(
      `  system unavailable: ${s.unavailable.code}: ${s.unavailable.reason} (${s.unavailable.probes} login(s) tried after the failures)`,
      `    its items stay pending with their attempts; check the system's address (KANSLIST_<SYSTEM>_URL or systems.<name>.baseUrl),`,
      `    that it is up and that the robot account can log in (\`kanslist check <system>\`), then run the same command again.`,
    );
  }
  return lines.join('\n');
}
