/**
 * The versioned migrations, as an object provider (no folder scan: tsx and bundlers agree on it).
 * Add a new file `00N_name.ts` and one line here; never edit a migration that has shipped.
 */
import type { Migration, MigrationProvider } from 'kysely';
import type { Engine } from '../types.ts';
import { initialMigration } from './001_initial.ts';
import { auditMigration } from './002_audit.ts';
import { schedulesMigration } from './003_schedules.ts';
import { reportIndexesMigration } from './004_report_indexes.ts';
import { reasonDetailsMigration } from './005_reason_details.ts';
import { runScopeMigration } from './006_run_scope.ts';
import { controlRoomMigration } from './007_control_room.ts';
import { retentionMigration } from './008_retention.ts';
import { chainLedgerMigration } from './009_chain_ledger.ts';

export function migrationProvider(engine: Engine): MigrationProvider {
  return {
    getMigrations(): Promise<Record<string, Migration>> {
      return Promise.resolve({
        '001_initial': initialMigration(engine),
        '002_audit': auditMigration(engine),
        '003_schedules': schedulesMigration(engine),
        '004_report_indexes': reportIndexesMigration(engine),
        '005_reason_details': reasonDetailsMigration(engine),
        '006_run_scope': runScopeMigration(engine),
        '007_control_room': controlRoomMigration(engine),
        '008_retention': retentionMigration(engine),
        '009_chain_ledger': chainLedgerMigration(engine),
      });
    },
  };
}
