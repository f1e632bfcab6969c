import { QrImage } from '../components/qr-image.js';

/** The deep link a phone opens to verify with the long code (the app registers the `bluezone:` scheme). */
export function verifyLink(longCode: string): string {
  return `bluezone://verify?c=${encodeURIComponent(longCode)}`;
}

/**
 * A QR code of the verify link, drawn as SVG (sharp at any size, printable). `label` is its text alternative: the
 * page shows the codes as text beside it for people who cannot scan.
 */
export function CodeQr({ longCode, label }: { longCode: string; label: string }) {
  return <QrImage text={verifyLink(longCode)} alt={label} size={240} className="code-qr" />;
}
