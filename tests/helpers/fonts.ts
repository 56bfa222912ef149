import { packagedFonts } from '../../electron/api/fonts';

export const fonts = packagedFonts();
