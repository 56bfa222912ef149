import { createRequire } from 'node:module';
import type { CompileFonts } from '../core/compile';

const require = createRequire(import.meta.url);

/** Noto Serif SC from npm (OFL): regular for body text, bold for headings. */
export function packagedFonts(): CompileFonts {
  return {
    body: require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
    heading: require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'),
  };
}
