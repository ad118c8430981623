/** The kind of audit record a purge writes (its own file: cross-check and purge both need it, without a cycle). */
export const PURGE_RECORD_KIND = 'retention.purge';
