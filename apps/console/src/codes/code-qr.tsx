import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The deep link a phone opens to verify with the long code (the app registers the `bluezone:` scheme). */
export function verifyLink(longCode: string): string {
  return `bluezone://verify?c=${encodeURIComponent(longCode)}`;
}

/**
 * A QR code of the verify link, drawn as SVG (sharp at any size, printable). `label` is its text alternative: the
 * page shows the codes as text beside it for people who cannot scan.
 */
export function CodeQr({ longCode, label }: { longCode: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toString(verifyLink(longCode), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((text) => {
      if (live) setSvg(text);
    });
    return () => {
      live = false;
    };
  }, [longCode]);
  if (!svg) return null;
  return <img className="code-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={label} width={240} height={240} />;
}
