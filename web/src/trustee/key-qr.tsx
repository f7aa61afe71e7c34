// The key file as a QR code to print (issue 7 §1): drawn as inline SVG from the qrcode package's matrix,
// so nothing is fetched and no data: URL is needed; the quiet zone is four modules wide.

import QRCode from 'qrcode';
import { useMemo } from 'react';

/** A QR code of `text` with an accessible name; black on white, sized by CSS. */
export function KeyQr({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let y = 0; y < modules.size; y++)
      for (let x = 0; x < modules.size; x++)
        if (modules.get(y, x)) d += `M${x + 4} ${y + 4}h1v1h-1z`;
    return { size: modules.size + 8, path: d };
  }, [text]);
  return (
    <svg
      className="key-qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      data-testid="trustee-key-qr"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
