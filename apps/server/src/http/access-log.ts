import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Request log lines hold the method and the path only: never the client's address (the one thing that would tie an
 * uploaded key to a person, on any route, with or without a trailing slash) and never the query string (officials'
 * searches hold names).
 */
export const requestLogSerializers = {
  req: (request: { method: string; url: string }) => ({ method: request.method, url: request.url.split('?')[0] }),
};

/**
 * One access line a request, written when it completes: method, path, status and time, as a web server's access
 * log. fastify writes two ("incoming request", then "request completed" without the path), six lines a phone's
 * upload, which at a country's upload rate is volume without information. (The CPU the log costs is mostly fastify's
 * logger per request, not the lines: logging cost the server 0.70 against 0.78–0.79 ms an upload in the publish
 * benchmark on SQLite, one line or two.) Errors the handler did not expect are logged by the error handler
 * (http/errors.ts) with their stack, as before.
 */
export class AccessLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
