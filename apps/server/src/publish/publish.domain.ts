import type { CertificateTrust } from '../platform/certificate-trust.js';
import { defineDomain, type DomainContext } from '../platform/domain.js';
import { readPublishConfig, type PublishConfig } from './publish.config.js';
import { registerPublishRoutes } from './publish.routes.js';
import { PublishService } from './publish.service.js';
import { PublishStore } from './publish.store.js';
import { RevisionTokens } from './revision-token.js';

export const publishDomain = defineDomain({
  name: 'publish',
  readConfig: readPublishConfig,
  createServices: ({ db, platform, config, services, transactions }: DomainContext<PublishConfig, { certificateTrust: CertificateTrust }>) => {
    const { issuers, revisionTokenSecret } = services.certificateTrust;
    return {
      publish: new PublishService(new PublishStore(db), new RevisionTokens(revisionTokenSecret, platform.random), issuers, config, platform, transactions),
      // The healthAuthorityID values a publish may name, first the one this province's app uses.
      healthAuthorities: config.healthAuthorities as readonly string[],
    };
  },
  routes: (app, { publish }) => registerPublishRoutes(app, publish),
});
