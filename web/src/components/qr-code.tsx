// A QR code drawn as SVG in the page (no image request, no inline style), with an accessible name.

import { useMemo } from 'react';
import { qrPath } from '../election/qr-matrix.js';

/** The QR code of `text`; `label` is what a screen reader says instead of the picture. */
export function QrCode({
  text,
  label,
  className,
}: {
  text: string;
  label: string;
  className?: string;
}) {
  const { size, d } = useMemo(() => qrPath(text), [text]);
  return (
    <svg
      className={className ?? 'qr-code'}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      data-qr-text={text}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
