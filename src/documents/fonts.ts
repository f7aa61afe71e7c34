// Tinos, the font every document uses: shipped through npm, with every Vietnamese letter.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The family name documents ask for (pdfmake, DOCX and XLSX). */
export const FONT_FAMILY = 'Tinos';

/** The four faces of Tinos. */
export interface FontFaces<T> {
  readonly normal: T;
  readonly bold: T;
  readonly italics: T;
  readonly bolditalics: T;
}

const FACE_FILES: FontFaces<string> = {
  normal: '400Regular/Tinos_400Regular.ttf',
  bold: '700Bold/Tinos_700Bold.ttf',
  italics: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
  bolditalics: '700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

/** The folder of @expo-google-fonts/tinos, wherever npm put it. */
function fontFolder(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
}

/**
 * Absolute paths of the Tinos faces. Fontsource's Tinos files are subsets without Vietnamese
 * (architecture.md); the Google Fonts files in @expo-google-fonts/tinos are complete.
 */
export function tinosPaths(): FontFaces<string> {
  const folder = fontFolder();
  return {
    normal: join(folder, FACE_FILES.normal),
    bold: join(folder, FACE_FILES.bold),
    italics: join(folder, FACE_FILES.italics),
    bolditalics: join(folder, FACE_FILES.bolditalics),
  };
}

let cachedBytes: FontFaces<Buffer> | undefined;

/** The bytes of the four faces, read once (DOCX embeds them). */
export function tinosBytes(): FontFaces<Buffer> {
  if (!cachedBytes) {
    const paths = tinosPaths();
    cachedBytes = {
      normal: readFileSync(paths.normal),
      bold: readFileSync(paths.bold),
      italics: readFileSync(paths.italics),
      bolditalics: readFileSync(paths.bolditalics),
    };
  }
  return cachedBytes;
}
