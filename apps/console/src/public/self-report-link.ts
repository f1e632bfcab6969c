import type { SelfReportRequest } from '@bluezone/contract';

/**
 * The self-report page's address: the receipt and the key ride in the fragment, which the browser never sends to a
 * server. Apart from the page, so the officers' console can make a link without loading the public pages.
 */
export const SELF_REPORT_PATH = '/khai-bao/theo-doi';

export function selfReportLink(receipt: string, key: string): string {
  return `${window.location.origin}${SELF_REPORT_PATH}#${receipt}.${key}`;
}

/** The receipt and the key of a link's fragment (`#ABCD-2345.<22 characters>`), or null when it holds none. */
export function credentialsOf(hash: string): SelfReportRequest | null {
  const match = /^#([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})\.([A-Za-z0-9_-]{22})$/.exec(hash.trim());
  return match ? { receipt: match[1]!, key: match[2]! } : null;
}
