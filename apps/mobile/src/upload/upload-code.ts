/**
 * Upload codes as a person meets them: the 8-digit code an officer reads out (typed with spaces or dashes), the
 * 16-character long code in the deep link `bluezone://verify?c=…` that the officer's QR code carries.
 */
const CODE = /^[A-Za-z0-9]{6,64}$/;

/** The code without spaces and dashes, or undefined when it cannot be a code (checked before any request). */
export function normaliseUploadCode(text: string): string | undefined {
  const code = text.replace(/[\s-]+/g, '');
  return CODE.test(code) ? code : undefined;
}

/** The code in a `bluezone://verify?c=CODE` link (from a QR code or another app); undefined for any other text. */
export function uploadCodeFromLink(link: string): string | undefined {
  const match = /^bluezone:\/\/verify\/?\?(.*)$/i.exec(link.trim());
  if (!match) return undefined;
  for (const pair of (match[1] ?? '').split('&')) {
    const [name, value] = pair.split('=');
    if (name === 'c' && value !== undefined) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(value);
      } catch {
        return undefined;
      }
      return normaliseUploadCode(decoded);
    }
  }
  return undefined;
}
