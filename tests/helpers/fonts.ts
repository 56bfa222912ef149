import { packagedFonts } from '../../electron/app/fonts';

export const fonts = packagedFonts();
