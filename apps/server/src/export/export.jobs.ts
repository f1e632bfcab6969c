import type { ScheduledJob } from '../platform/jobs.js';
import type { ExportConfig } from './export.config.js';
import type { ExportService } from './export.service.js';

/**
 * Cuts every due export window, checking each minute (or each period, if shorter), and applies retention once an
 * hour (ExportService.tick). A failed run is retried on the next check, since the batch it held stays claimed only for
 * its lease.
 */
export function exportJobs(service: Pick<ExportService, 'tick'>, config: ExportConfig): ScheduledJob[] {
  if (config.periodSeconds === 0) return [];
  return [
    {
      name: 'export.cut',
      everySeconds: Math.min(60, config.periodSeconds),
      run: async () => {
        const { batches, retention } = await service.tick();
        if (batches.length === 0 && retention.filesDeleted === 0 && retention.keysDeleted === 0) return;
        return {
          batches: batches.map((b) => ({ start: b.start, end: b.end, files: b.files.map((f) => f.name), keys: b.realKeys, revisedKeys: b.revisedKeys })),
          ...retention,
        };
      },
    },
  ];
}
