/** The stylesheet and the one small script (live progress on the overview), read once and cached by browsers for an hour. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { VIEWS_DIR } from './views.ts';

const ASSETS: Readonly<Record<string, string>> = { 'app.css': 'text/css; charset=utf-8', 'live.js': 'text/javascript; charset=utf-8' };

export function registerAssets(app: FastifyInstance): void {
  for (const [name, type] of Object.entries(ASSETS)) {
    const body = readFileSync(join(VIEWS_DIR, 'assets', name), 'utf8');
    app.get(`/assets/${name}`, (_request, reply) => reply.type(type).header('cache-control', 'private, max-age=3600').send(body));
  }
}
