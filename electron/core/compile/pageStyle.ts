const MM = 72 / 25.4;

/** Trim sizes used for Chinese books, in millimetres (width × height). */
export const PAGE_SIZES = {
  '16k': { name: '16开', width: 185, height: 260 },
  'large-16k': { name: '大16开', width: 210, height: 285 },
  a4: { name: 'A4', width: 210, height: 297 },
  a5: { name: 'A5', width: 148, height: 210 },
  '32k': { name: '32开', width: 130, height: 184 },
} as const;
export type PageSizeName = keyof typeof PAGE_SIZES;

export interface PageStyle {
  /** Trim size in points. */
  width: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  /** The spine side (左 on a recto page, 右 on a verso): the gutter is part of it. */
  marginInner: number;
  marginOuter: number;
  /** Body text size in points (五号 = 10.5). */
  bodySize: number;
  /** Baseline-to-baseline distance as a multiple of the body size. */
  leading: number;
}

/** Settings as an editor gives them: millimetres and a named trim. */
export interface PageStyleSettings {
  size: PageSizeName;
  marginTop: number;
  marginBottom: number;
  marginInner: number;
  marginOuter: number;
  gutter: number;
  bodySize: number;
  leading: number;
}

/** 16开 (185 × 260 mm), the default trim for 文史资料 volumes, with 五号 body text. */
export const DEFAULT_PAGE_SETTINGS: PageStyleSettings = {
  size: '16k',
  marginTop: 24,
  marginBottom: 22,
  marginInner: 20,
  marginOuter: 18,
  gutter: 2,
  bodySize: 10.5,
  leading: 1.75,
};

export function pageStyleFrom(settings: PageStyleSettings): PageStyle {
  const size = PAGE_SIZES[settings.size];
  return {
    width: size.width * MM,
    height: size.height * MM,
    marginTop: settings.marginTop * MM,
    marginBottom: settings.marginBottom * MM,
    marginInner: (settings.marginInner + settings.gutter) * MM,
    marginOuter: settings.marginOuter * MM,
    bodySize: settings.bodySize,
    leading: settings.leading,
  };
}
