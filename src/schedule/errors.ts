import { ConfigError } from '../errors.ts';

/**
 * An invalid schedule. `where` names the file (once loadSchedules knows it) and the field, e.g.
 * `schedules/permit-intake.ts › calendar.country`.
 */
export class ScheduleConfigError extends ConfigError {
  readonly field: string;
  readonly file: string | undefined;

  constructor(field: string, message: string, options: { remedy?: string; file?: string; schedule?: string; cause?: unknown } = {}) {
    const place = options.file ?? (options.schedule ? `schedule "${options.schedule}"` : 'schedule');
    super('KANSLIST_SCHEDULE_INVALID', message, { where: `${place} › ${field}`, remedy: options.remedy, cause: options.cause });
    this.field = field;
    this.file = options.file;
  }

  /** The same error, now naming the file it came from. */
  inFile(file: string): ScheduleConfigError {
    return new ScheduleConfigError(this.field, this.message, { remedy: this.remedy, file, cause: this.cause });
  }
}
