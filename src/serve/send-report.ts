/** A built-in report written in the reader's language to a folder of its own and sent as a download. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReportDefinition } from '../report/define.ts';
import { renderReport } from '../report/render-report.ts';
import type { ControlRoom } from './context.ts';
import { controlRoomMessages } from './messages/index.ts';
import { statusPage } from './page.ts';

const TYPES = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** `name` is the download's name without language and extension. An unknown format answers 404. */
export async function sendReport<P>(
  room: ControlRoom,
  request: FastifyRequest,
  reply: FastifyReply,
  definition: ReportDefinition<P>,
  params: P,
  format: string,
  name: string,
): Promise<FastifyReply> {
  const notFound = () => statusPage(room, request, reply, 404, controlRoomMessages.for(request.language).errors.notFound);
  if (format !== 'pdf' && format !== 'xlsx') return notFound();
  const dir = mkdtempSync(join(tmpdir(), 'kanslist-report-'));
  try {
    const files = await renderReport(definition, params, {
      config: room.config,
      store: room.store,
      log: room.log,
      language: request.language,
      formats: format,
      outDir: dir,
    });
    const file = files.find((f) => f.format === format);
    if (file === undefined) return notFound();
    return reply
      .type(TYPES[format])
      .header('content-disposition', `attachment; filename="${name}.${request.language}.${format}"`)
      .send(readFileSync(file.path));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
