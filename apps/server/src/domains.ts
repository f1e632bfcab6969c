import { agenciesDomain } from './agencies/agencies.domain.js';
import { appConfigDomain } from './app-config/app-config.domain.js';
import { campaignsDomain } from './campaigns/campaigns.domain.js';
import { auditDomain } from './audit/audit.domain.js';
import { exportDomain } from './export/export.domain.js';
import { healthDomain } from './health/health.domain.js';
import { identityDomain } from './identity/identity.domain.js';
import { noticesDomain } from './notices/notices.domain.js';
import { notificationsDomain } from './notifications/notifications.domain.js';
import type { ConfigsOf, ServicesOf } from './platform/domain.js';
import { publishDomain } from './publish/publish.domain.js';
import { signingKeysDomain } from './signing-keys/signing-keys.domain.js';
import { statisticsDomain } from './statistics/statistics.domain.js';
import { unitsDomain } from './units/units.domain.js';
import { verificationDomain } from './verification/verification.domain.js';
// Health declarations, epidemic areas and screening.
import { declarationsDomain } from './declarations/declarations.domain.js';
import { epidemicAreasDomain } from './epidemic-areas/epidemic-areas.domain.js';
import { placesDomain } from './places/places.domain.js';
import { screeningDomain } from './screening/screening.domain.js';

/**
 * Every domain of the server, in the order they are built: a domain comes after the domains whose services it needs.
 * Configuration, services, routes, jobs and start-up iterate this list; a new domain is one more line here.
 */
export const DOMAINS = [
  healthDomain,
  auditDomain,
  unitsDomain,
  identityDomain,
  agenciesDomain,
  signingKeysDomain,
  exportDomain,
  verificationDomain,
  publishDomain,
  statisticsDomain,
  // The citizen app's own: its configuration, and the notices in its inbox.
  appConfigDomain,
  noticesDomain,
  // Campaign reporting, and the notifications it sends.
  notificationsDomain,
  campaignsDomain,
  // Health declarations, epidemic areas and screening.
  placesDomain,
  epidemicAreasDomain,
  screeningDomain,
  declarationsDomain,
] as const;

export type Services = ServicesOf<typeof DOMAINS>;
export type DomainConfigs = ConfigsOf<typeof DOMAINS>;
