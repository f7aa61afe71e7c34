// File names of downloaded documents: Vietnamese, NFC, no path or reserved characters, bounded length.

/**
 * "Biên bản kiểm phiếu - Huyện ủy Đầm Hà.pdf": the parts joined by " - ", characters that file systems
 * refuse (\ / : * ? " < > |) and control characters replaced by a space, at most 150 characters before
 * the extension. The ASCII fallback of Content-Disposition is made from it (http/route.ts).
 */
export function documentFileName(parts: readonly string[], extension: string): string {
  const stem = parts
    .map((p) =>
      p
        .normalize('NFC')
        .split('')
        .map((ch) =>
          ch.charCodeAt(0) < 0x20 || ch === '\u007f' || '\\/:*?"<>|'.includes(ch) ? ' ' : ch,
        )
        .join('')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((p) => p !== '')
    .join(' - ');
  const bounded = [...stem].slice(0, 150).join('').trim();
  return `${bounded === '' ? 'tai-lieu' : bounded}.${extension}`;
}
