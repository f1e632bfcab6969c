import { defineDomain, type DomainContext } from '../platform/domain.js';
import { readExportConfig, type ExportConfig } from './export.config.js';
import { ExportDirectory } from './export.directory.js';
import { ObjectStoreExportFiles } from './export.object-store.js';
import { exportJobs } from './export.jobs.js';
import { ExportService, type ExportSigning } from './export.service.js';
import { ExportStore } from './export.store.js';

/** Export files are static: the HTTP layer serves the exports directory at /exports/, so this domain has no routes. */
export const exportDomain = defineDomain({
  name: 'export',
  readConfig: readExportConfig,
  createServices: ({ db, platform, config, services }: DomainContext<ExportConfig, { signingKeys: ExportSigning }>) => ({
    export: new ExportService(
      new ExportStore(db),
      services.signingKeys,
      config.objectStore ? new ObjectStoreExportFiles(config.objectStore) : new ExportDirectory(config.exportsDir),
      config,
      platform,
    ),
  }),
  jobs: (services, config) => exportJobs(services.export, config),
});
