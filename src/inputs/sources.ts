/** Builders a bot file uses to declare its input: they only tag the spec, nothing is read here. */
import type { CsvSource, FunctionSource, JsonSource, XlsxSource } from './types.ts';

export function xlsx(spec: Omit<XlsxSource, 'kind'>): XlsxSource {
  return { kind: 'xlsx', ...spec };
}

export function csv(spec: Omit<CsvSource, 'kind'>): CsvSource {
  return { kind: 'csv', ...spec };
}

export function json(spec: Omit<JsonSource, 'kind'> = {}): JsonSource {
  return { kind: 'json', ...spec };
}

/** Items produced by code, e.g. a worklist read from the legacy system itself. */
export function fromFunction<T>(load: FunctionSource<T>['load']): FunctionSource<T>;
export function fromFunction<T>(spec: Omit<FunctionSource<T>, 'kind'>): FunctionSource<T>;
export function fromFunction<T>(arg: FunctionSource<T>['load'] | Omit<FunctionSource<T>, 'kind'>): FunctionSource<T> {
  return typeof arg === 'function' ? { kind: 'function', load: arg } : { kind: 'function', ...arg };
}
