#!/usr/bin/env node
// Checks every import in src/ against src/DEPS.list (which folder may import which, and which
// folders may use a restricted package), the way Playwright's check_deps does. Plain Node, no
// dependencies, so it runs before anything is installed. Exit 1 names each offending import.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function readTable(text) {
  const folders = new Map();
  const packages = new Map();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [key, rest = ''] = line.split(':').map((part) => part.trim());
    const values = rest.split(/\s+/).filter(Boolean);
    if (key.startsWith('!')) packages.set(key.slice(1), new Set(values));
    else folders.set(key, new Set(values));
  }
  return { folders, packages };
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return entry.name.endsWith('.ts') ? [path] : [];
    });
}

/** The folder of src/ a file belongs to: its first path part, or '.' for src/'s own files. */
function folderOf(srcDir, file) {
  const parts = relative(srcDir, file).split(sep);
  return parts.length === 1 ? '.' : parts[0];
}

/** Every import in src/ that the table does not allow, as "file:line imports spec (rule)". */
export function checkDeps(srcDir) {
  const table = readTable(readFileSync(join(srcDir, 'DEPS.list'), 'utf8'));
  const problems = [];
  for (const file of sourceFiles(srcDir)) {
    const from = folderOf(srcDir, file);
    const allowed = table.folders.get(from);
    const text = readFileSync(file, 'utf8');
    {
      // The whole text, not line by line: an import's names may span several lines before its `from`.
      for (const match of text.matchAll(IMPORT)) {
        const spec = match[1] ?? match[2];
        const line = text.slice(0, match.index + match[0].length).split('\n').length;
        const where = `${relative(dirname(srcDir), file)}:${line} imports ${spec}`;
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          if (!target.startsWith(srcDir + sep)) {
            problems.push(`${where} (outside src/: the framework never imports what an organisation writes)`);
            continue;
          }
          const to = folderOf(srcDir, target);
          if (to === from) continue;
          if (!allowed) problems.push(`${where} (src/${from} has no line in src/DEPS.list)`);
          else if (!allowed.has('*') && !allowed.has(to)) problems.push(`${where} (src/DEPS.list does not let ${from} import ${to})`);
        } else {
          const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
          const users = table.packages.get(name);
          if (users && from !== '.' && !users.has(from)) problems.push(`${where} (src/DEPS.list keeps ${name} out of ${from})`);
        }
      }
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const srcDir = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'src'));
  const problems = checkDeps(srcDir);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) {
    console.error(`\n${problems.length} import(s) break src/DEPS.list: change the import, or the table on purpose.`);
    process.exit(1);
  }
  console.log('src/DEPS.list: every import allowed.');
}
