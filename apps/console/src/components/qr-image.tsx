import { useEffect, useState } from 'react';

/**
 * A QR code of `text`, drawn as SVG (sharp at any size, printable) in an <img>; nothing until it is drawn. The QR
 * library loads at the first code drawn, so a page that draws none (the citizen's form before its receipt) never
 * fetches it. `alt` is its text alternative: every page shows what the code holds as text beside it too.
 */
export function QrImage({ text, alt, size, className }: { text: string; alt: string; size: number; className: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setSvg(null);
    void import('qrcode')
      .then((QRCode) => QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }))
      .then((drawn) => {
        if (live) setSvg(drawn);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [text]);
  if (!svg) return null;
  return <img className={className} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={alt} width={size} height={size} />;
}
