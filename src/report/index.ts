/**
 * `kanslist/report`: the report toolkit (definitions, PDF and XLSX writers, languages and
 * formats, the queries behind the reports, decision letters) and the built-in reports.
 */
export * from './toolkit.ts';
export * from './builtin/index.ts';
