/**
 * An item's evidence on disk, as the review page offers it: per run and error signature the
 * masked screenshot and the redacted HTML, and the trace archives (for operators only). Files are
 * only ever served from this list, so no path from a request reaches the file system.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { itemEvidenceDir } from '../runner/evidence.ts';

export interface EvidenceFile {
  /** Stable id within the item: `<run>/<signature>/<file>`. */
  id: string;
  kind: 'screenshot' | 'html' | 'trace';
  path: string;
  runId: string;
}

const KINDS: ReadonlyArray<[RegExp, EvidenceFile['kind']]> = [
  [/^screenshot\.png$/, 'screenshot'],
  [/^page\.html$/, 'html'],
  [/^trace.*\.zip$/, 'trace'],
];

export function evidenceFiles(varDir: string, itemId: string, runIds: readonly string[]): EvidenceFile[] {
  const files: EvidenceFile[] = [];
  for (const runId of runIds) {
    const root = itemEvidenceDir(varDir, runId, itemId);
    if (!existsSync(root)) continue;
    walk(root, '', (relative, name) => {
      const kind = KINDS.find(([pattern]) => pattern.test(name))?.[1];
      if (kind !== undefined) files.push({ id: `${runId}/${relative}`, kind, path: join(root, relative), runId });
    });
  }
  return files;
}

function walk(root: string, prefix: string, visit: (relative: string, name: string) => void, depth = 0): void {
  if (depth > 3) return;
  for (const name of readdirSync(join(root, prefix)).sort()) {
    const relative = prefix === '' ? name : `${prefix}/${name}`;
    if (statSync(join(root, relative)).isDirectory()) walk(root, relative, visit, depth + 1);
    else visit(relative, name);
  }
}
