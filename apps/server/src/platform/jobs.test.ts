import { afterEach, describe, expect, it, vi } from 'vitest';
import { startJobs } from './jobs.js';

describe('scheduled jobs', () => {
  afterEach(() => vi.useRealTimers());

  it('run at start and then on their period, never two runs of one job at once, and stop after the running one', async () => {
    vi.useFakeTimers();
    let release!: () => void;
    const run = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const log = { info: vi.fn(), error: vi.fn() };
    const jobs = startJobs([{ name: 'export.cut', everySeconds: 60, run }], log);
    expect(run).toHaveBeenCalledTimes(1);
    void jobs.runNow('export.cut'); // joins the running run instead of starting another
    expect(run).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(2);
    const stopped = jobs.stop();
    release();
    await stopped;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('log a failed run and try again on the next period, leaving other jobs alone', async () => {
    vi.useFakeTimers();
    const failing = vi.fn().mockRejectedValueOnce(new Error('database is locked')).mockResolvedValue({ files: 1 });
    const other = vi.fn().mockResolvedValue(undefined);
    const log = { info: vi.fn(), error: vi.fn() };
    const jobs = startJobs(
      [
        { name: 'export.cut', everySeconds: 60, run: failing },
        { name: 'identity.session_sweep', everySeconds: 3600, run: other },
      ],
      log,
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ job: 'export.cut', err: expect.any(Error) }), 'export.cut failed');
    expect(failing).toHaveBeenCalledTimes(2);
    expect(log.info).toHaveBeenCalledWith({ job: 'export.cut', files: 1 }, 'export.cut done');
    expect(other).toHaveBeenCalledTimes(1);
    await jobs.stop();
  });

  it('refuse to run a job that does not exist', async () => {
    const jobs = startJobs([], { info: vi.fn(), error: vi.fn() });
    await expect(jobs.runNow('nope')).rejects.toThrow('no job named nope');
    await jobs.stop();
  });
});
