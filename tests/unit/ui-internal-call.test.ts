import { afterEach, describe, expect, it } from 'vitest';
import { internalCall } from '../../src/ui/internal-call.ts';

const before = process.sourceMapsEnabled;
afterEach(() => process.setSourceMapsEnabled(before));

describe('ui: Kanslist-internal Playwright calls', () => {
  it('starts the call with source maps off and switches them back before anything else runs', async () => {
    process.setSourceMapsEnabled(true);
    let during: boolean | undefined;
    const result = internalCall(() => {
      during = process.sourceMapsEnabled;
      return Promise.resolve(7);
    });
    expect(during).toBe(false);
    expect(process.sourceMapsEnabled).toBe(true);
    await expect(result).resolves.toBe(7);
  });

  it('switches them back when the call throws before it returns a promise', () => {
    process.setSourceMapsEnabled(true);
    expect(() =>
      internalCall(() => {
        throw new Error('closed');
      }),
    ).toThrow('closed');
    expect(process.sourceMapsEnabled).toBe(true);
  });

  it('leaves source maps off when they were off', async () => {
    process.setSourceMapsEnabled(false);
    await internalCall(() => Promise.resolve());
    expect(process.sourceMapsEnabled).toBe(false);
  });
});
