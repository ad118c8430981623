/**
 * Finds and loads `bots/<name>.ts`. Every way this can go wrong is a ConfigError that names the
 * bot and file, so `kanslist run` exits 2 with one clear message.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { ConfigError } from '../errors.ts';
import { importUserModule } from '../util/user-module.ts';
import { isBot, type AnyBot } from './bot.ts';
import { importDefaultExport } from '../config/import-default.ts';

export interface LoadedBot {
  bot: AnyBot;
  file: string;
  /** The system map file whose default export is the bot's system, when found. */
  systemFile: string | undefined;
  /** Content hash of the bot and system map files: which code did what, for the audit trail. */
  version: string;
}

const BOT_EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'];

export function listBotFiles(botsDir: string): string[] {
  if (!existsSync(botsDir)) return [];
  return readdirSync(botsDir)
    .filter((f) => BOT_EXTENSIONS.includes(extname(f)) && !f.endsWith('.d.ts') && !f.startsWith('_'))
    .sort()
    .map((f) => join(botsDir, f));
}

export async function loadBot(name: string, dirs: { bots: string; selectors: string }): Promise<LoadedBot> {
  const files = listBotFiles(dirs.bots);
  const file = files.find((f) => basename(f, extname(f)) === name);
  if (!file) {
    const known = files.map((f) => basename(f, extname(f)));
    throw new ConfigError('KANSLIST_BOT_UNKNOWN', `There is no bot named "${name}".`, {
      where: dirs.bots,
      remedy: known.length
        ? `Known bots: ${known.join(', ')}. See \`kanslist bots\`.`
        : `Add bots/${name}.ts that exports default defineBot({...}).`,
    });
  }
  const bot = await importBot(file);
  if (bot.name !== name) {
    throw new ConfigError('KANSLIST_BOT_NAME_MISMATCH', `The bot in this file is named "${bot.name}", not "${name}".`, {
      where: file,
      remedy: 'Name the file after the bot: bots/<name>.ts.',
    });
  }
  const systemFile = await findSystemFile(bot, dirs.selectors);
  return { bot, file, systemFile, version: contentHash([file, systemFile].filter((f): f is string => !!f)) };
}

export function importBot(file: string): Promise<AnyBot> {
  return importDefaultExport(file, {
    what: 'bot file',
    brokenCode: 'KANSLIST_BOT_BROKEN',
    wrongCode: 'KANSLIST_BOT_NO_DEFAULT',
    wrongMessage: 'The file does not export a bot as its default export.',
    expected: 'export default defineBot({ ... })',
    accepts: isBot,
  });
}

async function findSystemFile(bot: AnyBot, selectorsDir: string): Promise<string | undefined> {
  for (const file of listBotFiles(selectorsDir)) {
    try {
      const module = await importUserModule(file);
      if (module.default === bot.system) return file;
    } catch {
      // A broken system map that this bot does not use is not this run's problem.
    }
  }
  return undefined;
}

export function contentHash(files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(basename(file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 12);
}
