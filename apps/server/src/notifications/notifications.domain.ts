import { defineDomain, type DomainContext } from '../platform/domain.js';
import { smtpMailer } from './mailer.js';
import { readNotificationsConfig, type NotificationsConfig } from './notifications.config.js';
import { registerNotificationsRoutes } from './notifications.routes.js';
import { NotificationsService } from './notifications.service.js';
import { NotificationsStore } from './notifications.store.js';

/** Officials' notification lists (console badge and list), and e-mail when SMTP is configured. */
export const notificationsDomain = defineDomain({
  name: 'notifications',
  readConfig: readNotificationsConfig,
  createServices: ({ db, platform, config }: DomainContext<NotificationsConfig, object>) => ({
    notifications: new NotificationsService(new NotificationsStore(db), config.smtp && smtpMailer(config.smtp), platform.clock, config.retentionSeconds),
  }),
  routes: (app, { notifications }) => {
    registerNotificationsRoutes(app, notifications);
    app.addHook('onClose', async () => notifications.close());
  },
  jobs: ({ notifications }) => [{ name: 'notifications.sweep', everySeconds: 86400, run: () => notifications.sweep() }],
});
