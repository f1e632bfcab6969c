import type { ExportService } from './export.service.js';

export interface ExportWorkerLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface ExportWorker {
  /** Runs one tick now (also what the timer runs); resolves when it is done. */
  runOnce(): Promise<void>;
  /** Stops the timer and waits for a running tick to finish. */
  stop(): Promise<void>;
}

/**
 * Runs `export.tick()` at start and then every `checkSeconds` (a minute, or the period if shorter). Ticks never
 * overlap; a failed tick is logged and the next one retries, since the batch it held stays claimed only for its lease.
 */
export function startExportWorker(service: Pick<ExportService, 'tick'>, periodSeconds: number, log: ExportWorkerLog): ExportWorker {
  const checkMs = Math.min(60, periodSeconds) * 1000;
  let running: Promise<void> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const runOnce = (): Promise<void> => {
    running ??= service
      .tick()
      .then(({ batches, retention }) => {
        for (const batch of batches) {
          log.info({ start: batch.start, end: batch.end, files: batch.files.map((f) => f.name), keys: batch.realKeys, revisedKeys: batch.revisedKeys }, 'export batch written');
        }
        if (retention.filesDeleted > 0 || retention.keysDeleted > 0) log.info(retention, 'export retention applied');
      })
      .catch((error: unknown) => log.error({ err: error }, 'export tick failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void runOnce().then(schedule), checkMs);
    timer.unref();
  };
  void runOnce().then(schedule);

  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
