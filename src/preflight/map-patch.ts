/**
 * The suggestions of a check as one patch to the system map's source: each drifted target gets
 * its suggested strategy as the new first one, the old ones kept after it (they still heal the
 * next drift). Kanslist prints or saves the patch; a person reviews and applies it.
 */
import { readFileSync } from 'node:fs';
import { screenOf } from './check-target.ts';
import { findStrategyList, insertFirst } from './map-source.ts';
import type { MapPatch, TargetCheck } from './types.ts';
import { unifiedDiff } from './unified-diff.ts';

/** `file` is read from disk; `relativeFile` names it in the patch. */
export function buildMapPatch(file: string, relativeFile: string, targets: readonly TargetCheck[]): MapPatch {
  const before = readFileSync(file, 'utf8');
  let after = before;
  const unplaced: string[] = [];
  for (const target of targets) {
    if (target.suggested === undefined) continue;
    const at = findStrategyList(after, screenOf(target.path), target.path.slice(target.screen.length + 1));
    if (at === undefined) unplaced.push(target.path);
    else after = insertFirst(after, at, target.suggested);
  }
  return { file: relativeFile.split('\\').join('/'), diff: unifiedDiff(relativeFile.split('\\').join('/'), before, after), unplaced };
}
