import { afterEach, describe, expect, it, vi } from 'vitest';
import { startExportWorker } from './export.worker.js';

const quietResult = { batches: [], retention: { filesDeleted: 0, keysDeleted: 0 } };

describe('export worker', () => {
  afterEach(() => vi.useRealTimers());

  it('ticks at start and then every minute, never two at once, and stops after the running tick', async () => {
    vi.useFakeTimers();
    let release!: () => void;
    const tick = vi.fn(() => new Promise<typeof quietResult>((resolve) => (release = () => resolve(quietResult))));
    const log = { info: vi.fn(), error: vi.fn() };
    const worker = startExportWorker({ tick }, 3600, log);
    expect(tick).toHaveBeenCalledTimes(1);
    void worker.runOnce(); // joins the running tick instead of starting another
    expect(tick).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(tick).toHaveBeenCalledTimes(2);
    const stopped = worker.stop();
    release();
    await stopped;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(tick).toHaveBeenCalledTimes(2);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('logs a failed tick and tries again on the next one', async () => {
    vi.useFakeTimers();
    const tick = vi.fn().mockRejectedValueOnce(new Error('database is locked')).mockResolvedValue(quietResult);
    const log = { info: vi.fn(), error: vi.fn() };
    const worker = startExportWorker({ tick }, 120, log);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), 'export tick failed');
    expect(tick).toHaveBeenCalledTimes(2);
    await worker.stop();
  });
});
