import { describe, expect, it } from 'vitest';
import { StatementBatch } from './statement-batch.js';

describe('StatementBatch', () => {
  it('merges the items submitted together into one statement, each answered its own result', async () => {
    const merged: number[][] = [];
    const batch = new StatementBatch<number, number>(
      async (items) => {
        merged.push([...items]);
        return items.map((n) => n * 10);
      },
      async (n) => n * 10,
    );
    expect(await Promise.all([1, 2, 3, 4].map((n) => batch.submit(n)))).toEqual([10, 20, 30, 40]);
    expect(merged).toEqual([[1, 2, 3, 4]]);
  });

  it('runs a lone item with the plain statement', async () => {
    const calls: string[] = [];
    const batch = new StatementBatch<number, number>(
      async (items) => (calls.push('many'), items.map((n) => n)),
      async (n) => (calls.push('one'), n),
    );
    expect(await batch.submit(7)).toBe(7);
    expect(calls).toEqual(['one']);
  });

  it('runs each item alone when the merged statement fails, so only the failing one fails, with its own error', async () => {
    const alone: number[] = [];
    const batch = new StatementBatch<number, number>(
      async () => {
        throw new Error('duplicate key somewhere');
      },
      async (n) => {
        alone.push(n);
        if (n === 2) throw new Error(`item ${n} is the duplicate`);
        return n;
      },
    );
    const results = await Promise.allSettled([1, 2, 3].map((n) => batch.submit(n)));
    expect(results).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: new Error('item 2 is the duplicate') },
      { status: 'fulfilled', value: 3 },
    ]);
    expect(alone).toEqual([1, 2, 3]);
  });

  it('never writes again when the merged statement answered a wrong count', async () => {
    let alone = 0;
    const batch = new StatementBatch<number, number>(
      async () => [1],
      async (n) => (alone++, n),
    );
    const results = await Promise.allSettled([1, 2].map((n) => batch.submit(n)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(alone).toBe(0);
  });

  it('keeps at most `lanes` statements in flight, the rest waiting for the next batch', async () => {
    let inFlight = 0;
    let most = 0;
    const batch = new StatementBatch<number, number>(
      async (items) => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return [...items];
      },
      async (n) => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return n;
      },
      2,
    );
    const waves = [];
    for (let wave = 0; wave < 5; wave++) {
      waves.push(...[0, 1, 2].map((i) => batch.submit(wave * 3 + i)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await Promise.all(waves)).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect(most).toBeLessThanOrEqual(2);
  });
});
