const MM = 72 / 25.4;

export interface PageStyle {
  /** Trim size in points. */
  width: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  marginInner: number;
  marginOuter: number;
  /** Body text size in points (五号 = 10.5). */
  bodySize: number;
  /** Baseline-to-baseline distance as a multiple of the body size. */
  leading: number;
}

/** 16开 (185 × 260 mm), the default trim for 文史资料 volumes, with 五号 body text. */
export const DEFAULT_PAGE_STYLE: PageStyle = {
  width: 185 * MM,
  height: 260 * MM,
  marginTop: 24 * MM,
  marginBottom: 22 * MM,
  marginInner: 22 * MM,
  marginOuter: 18 * MM,
  bodySize: 10.5,
  leading: 1.75,
};
