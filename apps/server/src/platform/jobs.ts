/**
 * Work the server does on its own, on a schedule: cutting export batches, sweeping expired sessions, and the
 * retention jobs of domains that hold personal data. Each domain lists its jobs; the runner starts them with the
 * server and stops them with it.
 *
 * A job runs once at start and then every `everySeconds`; its runs never overlap (the next waits for the last to
 * finish); a failure is logged and the next run retries; `stop()` waits for a running job, so a shutdown never cuts
 * a job in half. Jobs that must not run in two processes at once take a lease in their own store (as export does).
 */
export interface ScheduledJob {
  /** Dotted name for logs: `export.cut`, `identity.session_sweep`. */
  name: string;
  everySeconds: number;
  /** What to log after a successful run, if anything. */
  run(): Promise<Record<string, unknown> | void>;
}

export interface JobLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface JobRunner {
  /** Runs a job now (what the timer runs), or waits for its current run; resolves when done. */
  runNow(name: string): Promise<void>;
  /** Stops every timer and waits for running jobs to finish. */
  stop(): Promise<void>;
}

export function startJobs(jobs: readonly ScheduledJob[], log: JobLog): JobRunner {
  const running = new Map<string, Promise<void>>();
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  const runOnce = (job: ScheduledJob): Promise<void> => {
    const current = running.get(job.name);
    if (current) return current;
    const run = job
      .run()
      .then((report) => {
        if (report && Object.keys(report).length > 0) log.info({ job: job.name, ...report }, `${job.name} done`);
      })
      .catch((error: unknown) => log.error({ job: job.name, err: error }, `${job.name} failed`))
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
    return run;
  };

  const schedule = (job: ScheduledJob) => {
    if (stopped) return;
    const timer = setTimeout(() => void runOnce(job).then(() => schedule(job)), job.everySeconds * 1000);
    timer.unref();
    timers.set(job.name, timer);
  };

  for (const job of jobs) void runOnce(job).then(() => schedule(job));

  return {
    runNow: async (name) => {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no job named ${name}`);
      await runOnce(job);
    },
    stop: async () => {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.all(running.values());
    },
  };
}
