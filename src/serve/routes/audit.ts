/**
 * Audit: verify every chain, the ledger of chains and the latest checkpoint, and cross-check the
 * state tables against the trail; the person lookup (GDPR art. 15), which needs a reason and is
 * itself recorded — with the person as its subject, so the next lookup of the same person shows
 * who looked and why.
 */
import type { FastifyInstance } from 'fastify';
import { redact } from '../../redact/redact.ts';
import { checkpointFile } from '../../audit/checkpoint-publish.ts';
import { recordsForPerson, verifyStore } from '../../audit/trail.ts';
import { normaliseSubject } from '../../audit/trail-subjects.ts';
import type { ControlRoom } from '../context.ts';
import { field, personOf, requirePermission } from '../guard.ts';
import { auditFindings } from '../audit-findings.ts';
import { controlRoomMessages } from '../messages/index.ts';
import { renderPage } from '../page.ts';

export function registerAudit(app: FastifyInstance, room: ControlRoom): void {
  app.get<{ Querystring: { verify?: string } }>('/audit', { preHandler: requirePermission(room, 'audit') }, async (request, reply) => {
    const title = controlRoomMessages.for(request.language).audit.title;
    if (request.query.verify === undefined)
      return renderPage(room.views, request, reply, room.config.timeZone, 'audit', title, { verification: undefined });
    // What `kanslist audit verify --all` checks: the chains, the ledger of chains, the latest checkpoint, the state tables.
    const file = room.config.audit?.checkpoint?.file;
    const v = await verifyStore(room.store, {
      key: room.auditKey,
      checkpointFile: file === undefined ? undefined : checkpointFile(file, room.config.root),
    });
    return renderPage(room.views, request, reply, room.config.timeZone, 'audit', title, {
      verification: auditFindings(v, room.auditKey !== null),
    });
  });

  app.post('/audit/person', { preHandler: requirePermission(room, 'audit.person') }, async (request, reply) => {
    const t = controlRoomMessages.for(request.language);
    const number = field(request, 'idNumber');
    const reason = redact(field(request, 'reason'));
    const render = (data: Record<string, unknown>, status = 200) => {
      reply.code(status);
      return renderPage(room.views, request, reply, room.config.timeZone, 'audit', t.audit.title, {
        verification: undefined,
        reason,
        ...data,
      });
    };
    if (reason === '') return render({ lookupError: t.audit.reasonRequired }, 422);
    const subject = normaliseSubject(number);
    if (subject === undefined) return render({ lookupError: t.audit.invalidNumber }, 422);
    // Recorded before the answer is shown: a lookup that is not on the trail never happened.
    await room.trail.record(personOf(request), 'audit.person', { data: { reason }, subjects: [number] });
    const records = await recordsForPerson(room.store, number);
    return render({ records, maskedSubject: redact(number) });
  });
}
