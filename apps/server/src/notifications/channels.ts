import nodemailer from 'nodemailer';
import type { Clock } from '../platform/platform.js';
import type { Channel, Delivery, EmailPayload, WebhookPayload } from './notifications.model.js';
import { SIGNATURE_HEADER, signatureHeader } from './webhook.js';

/** E-mail through an SMTP server (nodemailer), plain text: a notification holds no personal data to format. */
export function emailChannel(smtpUrl: string, from: string): Channel {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (delivery: Delivery) => {
      const payload = delivery.payload as EmailPayload;
      await transport.sendMail({ from, to: delivery.target, subject: payload.subject, text: payload.text });
    },
  };
}

const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * A signed POST (see webhook.ts for the signature); any 2xx answer is success. `X-Bluezone-Delivery` names the
 * delivery, the same on every retry, so a receiver that got it twice can tell.
 */
export function webhookChannel(secret: string, clock: Clock, fetchImpl: typeof fetch = fetch): Channel {
  return {
    send: async (delivery: Delivery) => {
      const payload = delivery.payload as WebhookPayload;
      const timestamp = Math.floor(clock.now().getTime() / 1000);
      const response = await fetchImpl(delivery.target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Bluezone-Webhook/1',
          'x-bluezone-event': payload.event,
          'x-bluezone-delivery': String(delivery.id),
          [SIGNATURE_HEADER]: signatureHeader(secret, timestamp, payload.body),
        },
        body: payload.body,
        redirect: 'error',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (response.status < 200 || response.status > 299) throw new Error(`webhook answered ${response.status}`);
    },
  };
}
