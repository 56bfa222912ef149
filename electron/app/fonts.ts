import { createRequire } from 'node:module';
import path from 'node:path';
import type { CompileFonts } from '../core/compile';

// Not named `require`: electron-vite's ESM shim declares `require` at the top of the main bundle,
// and a second declaration beside it stops the whole file from parsing.
const resolvePackageFile = createRequire(import.meta.url).resolve;

/** The font files, by the name electron-builder.yml gives them under the packaged app's resources/fonts. */
const FONT_FILES = {
  body: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  title: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  heading: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  caption: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
} as const satisfies Record<keyof CompileFonts, string>;

/**
 * Noto Serif SC for text and the title page, Noto Sans SC (黑体) for headings and captions; all OFL.
 * From node_modules when run from the source tree or the CLI; from `resources/fonts` in a packaged
 * app, where electron-builder.yml copies them (`extraResources`).
 */
export function packagedFonts(resourcesDir?: string): CompileFonts {
  const where = (file: string) =>
    resourcesDir ? path.join(resourcesDir, 'fonts', path.basename(file)) : resolvePackageFile(file);
  return {
    body: where(FONT_FILES.body),
    title: where(FONT_FILES.title),
    heading: where(FONT_FILES.heading),
    caption: where(FONT_FILES.caption),
  };
}
