/** Bound a wait: reject with `error()` after `ms` (a limit, not a sleep: it settles as soon as `promise` does). */
export function withTimeout<T>(promise: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(error()), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}
