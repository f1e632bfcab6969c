import { defineDomain } from '../platform/domain.js';
import { databaseAnswers, type Db } from '../db/database.js';
import { registerHealthRoutes } from './health.routes.js';

/** Liveness and readiness for load balancers; its one service asks the database whether it answers. */
export const healthDomain = defineDomain({
  name: 'health',
  createServices: ({ db }: { db: Db }) => ({ databaseProbe: { answers: () => databaseAnswers(db) } }),
  routes: (app, { databaseProbe }) => registerHealthRoutes(app, databaseProbe),
});
