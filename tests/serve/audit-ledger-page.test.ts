/**
 * The control room's audit page checks what `kanslist audit verify --all` checks: a chain deleted
 * whole (records and head) is named from the ledger of chains. In-process (Fastify inject).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuditTrail } from '../../src/audit/trail.ts';
import type { AuditTables } from '../../src/store/audit.ts';
import { createTestRoom, type TestRoom } from '../helpers/control-room.ts';
import { storeDb } from '../helpers/store-internals.ts';

describe('control room: audit verification and the ledger of chains', () => {
  let room: TestRoom;
  beforeAll(async () => {
    room = await createTestRoom([{ username: 'auditor', roles: ['auditor'] }]);
    const trail = await openAuditTrail(
      room.store,
      { bot: 'scheduler', botVersion: 'v1', host: 'h', runId: 'scheduler-chain' },
      { key: null },
    );
    await trail.append({ kind: 'schedule.decision', data: { decision: 'start' } });
    await trail.close();
  });
  afterAll(() => room?.close());

  it('says every chain is intact, then names a chain deleted whole', async () => {
    const auditor = room.client();
    await auditor.login('auditor');
    const intact = await auditor.get('/audit?verify=1');
    expect(intact.statusCode).toBe(200);
    expect(intact.body).toContain('<p class="ok">');
    expect(intact.body).not.toContain('chain deleted');

    const db = storeDb(room.store).withTables<AuditTables>();
    await db.deleteFrom('audit_records').where('run_id', '=', 'scheduler-chain').execute();
    await db.deleteFrom('audit_heads').where('run_id', '=', 'scheduler-chain').execute();
    const after = await auditor.get('/audit?verify=1&lang=en');
    expect(after.body).toContain('<li data-kind="chain deleted"><strong>A whole chain was deleted</strong> — <code>scheduler-chain</code>');
    expect(after.body).toContain('chain scheduler-chain is on the ledger');
    expect(after.body).not.toContain('<p class="ok">');
  });

  it('tells the auditor in their language, and says when no key or checkpoint protects the trail', async () => {
    const auditor = room.client();
    await auditor.login('auditor');
    const swedish = await auditor.get('/audit?verify=1&lang=sv');
    expect(swedish.body).toContain('En hel kedja har raderats');
    expect(swedish.body).toContain('Ingen granskningsnyckel är satt');
    expect(swedish.body).toContain('Ingen extern kontrollpunkt är konfigurerad');
  });
});
