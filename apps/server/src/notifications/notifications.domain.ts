import { defineDomain, type DomainContext } from '../platform/domain.js';
import { emailChannel, webhookChannel } from './channels.js';
import { readNotificationsConfig, type NotificationsConfig } from './notifications.config.js';
import type { Channel, DeliveryChannel } from './notifications.model.js';
import { registerNotificationsRoutes } from './notifications.routes.js';
import { NotificationsService } from './notifications.service.js';
import { NotificationsStore } from './notifications.store.js';

export const notificationsDomain = defineDomain({
  name: 'notifications',
  readConfig: readNotificationsConfig,
  createServices: ({ db, platform, config }: DomainContext<NotificationsConfig, object>) => {
    const channels: Partial<Record<DeliveryChannel, Channel>> = {};
    if (config.smtpUrl) channels.email = emailChannel(config.smtpUrl, config.mailFrom);
    if (config.webhookUrl && config.webhookSecret) channels.webhook = webhookChannel(config.webhookSecret, platform.clock);
    return { notifications: new NotificationsService(new NotificationsStore(db), channels, config, platform.clock) };
  },
  routes: (app, { notifications }) => registerNotificationsRoutes(app, notifications),
  jobs: ({ notifications }, config) => [
    { name: 'notifications.deliver', everySeconds: config.deliverEverySeconds, run: async () => { const r = await notifications.deliverDue(); return r.delivered + r.failed > 0 ? r : undefined; } },
    { name: 'notifications.retention', everySeconds: 3600, run: async () => { const deleted = await notifications.purge(); return deleted > 0 ? { deleted } : undefined; } },
  ],
});
