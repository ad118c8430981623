/**
 * The evidence files a purge removes: everything under var/runs/<run>/ (traces, screenshots, HTML,
 * letters) and the daily operator logs under var/logs/. A file's age is its last change: evidence is
 * written once, and a log's last line is the day it covers.
 */
import { existsSync, readdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { RetentionKind } from '../config/retention.ts';

export interface EvidenceFile {
  path: string;
  kind: RetentionKind;
  /** The run folder the file is in; undefined for logs. */
  runId?: string | undefined;
  bytes: number;
  modifiedAt: number;
}

const BY_EXTENSION: Readonly<Record<string, RetentionKind>> = {
  '.zip': 'traces',
  '.png': 'screenshots',
  '.jpg': 'screenshots',
  '.jpeg': 'screenshots',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'letters',
};

/** Every evidence file under `varDir`. A file of no known kind in a run folder is evidence too: it follows `traces`. */
export function listEvidenceFiles(varDir: string): EvidenceFile[] {
  const files: EvidenceFile[] = [];
  const runs = join(varDir, 'runs');
  if (existsSync(runs)) {
    for (const run of readdirSync(runs, { withFileTypes: true })) {
      if (!run.isDirectory()) continue;
      for (const path of filesUnder(join(runs, run.name))) {
        files.push({ path, kind: BY_EXTENSION[extname(path).toLowerCase()] ?? 'traces', runId: run.name, ...sizeAndTime(path) });
      }
    }
  }
  const logs = join(varDir, 'logs');
  if (existsSync(logs)) {
    for (const entry of readdirSync(logs, { withFileTypes: true })) {
      if (entry.isFile() && /^kanslist-\d{4}-\d{2}-\d{2}\.log$/.test(entry.name)) {
        const path = join(logs, entry.name);
        files.push({ path, kind: 'logs', ...sizeAndTime(path) });
      }
    }
  }
  return files;
}

/** Deletes the files, then the run folders left empty (an empty folder says nothing, but names an item). */
export function deleteEvidenceFiles(varDir: string, files: EvidenceFile[]): void {
  for (const f of files) if (existsSync(f.path)) unlinkSync(f.path);
  const runs = join(varDir, 'runs');
  for (const runId of new Set(files.map((f) => f.runId).filter((r): r is string => r !== undefined))) removeEmptyFolders(join(runs, runId));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function sizeAndTime(path: string): { bytes: number; modifiedAt: number } {
  const s = statSync(path);
  return { bytes: s.size, modifiedAt: s.mtimeMs };
}

/** Removes `dir` and its sub-folders bottom-up where they hold nothing. */
function removeEmptyFolders(dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) removeEmptyFolders(join(dir, entry.name));
  if (readdirSync(dir).length === 0) rmdirSync(dir);
}
