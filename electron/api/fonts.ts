import { createRequire } from 'node:module';
import type { CompileFonts } from '../core/compile';

const require = createRequire(import.meta.url);

/** Noto Serif SC for text and the title page, Noto Sans SC (黑体) for headings and captions; all OFL. */
export function packagedFonts(): CompileFonts {
  return {
    body: require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
    title: require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'),
    heading: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
    caption: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  };
}
