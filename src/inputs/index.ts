/** Input sources for bots: where work items come from, validated at the boundary. */
export type {
  ColumnSpec,
  ColumnType,
  Columns,
  CsvSource,
  FunctionSource,
  FunctionSourceContext,
  InputRow,
  InputSource,
  JsonSource,
  ReadInputOptions,
  RowError,
  XlsxSource,
} from './types.ts';
export { csv, fromFunction, json, xlsx } from './sources.ts';
export { readInput } from './read-input.ts';
