import { useCallback, useState } from 'react';
import type { ThemeConfig } from 'antd';

/** 标准 or 大字: the applicant's choice, kept for this station (the window's local storage). */
export type TextSize = 'standard' | 'large';
const KEY = 'jiuzhu.applicant.textSize';

/** Body text in px: 24 at 标准 (the 适老化 floor of this screen), 32 at 大字; titles are larger multiples. */
export const BODY_PX: Record<TextSize, number> = { standard: 24, large: 32 };

export function useTextSize(): [TextSize, (size: TextSize) => void] {
  const [size, setSize] = useState<TextSize>(() => (localStorage.getItem(KEY) === 'large' ? 'large' : 'standard'));
  const choose = useCallback((s: TextSize) => {
    localStorage.setItem(KEY, s);
    setSize(s);
  }, []);
  return [size, choose];
}

/** Near-black on white and white on a dark blue: every pair at least 7:1 (WCAG 1.4.6, AAA). */
export const INK = '#1a1a1a';
export const PAPER = '#ffffff';
const BLUE = '#0b3d91';

/** antd's tokens for the applicant screen: the body size, and text colours that keep 7:1 (secondary text is not grey here). */
export function applicantTheme(size: TextSize): ThemeConfig {
  const px = BODY_PX[size];
  return {
    token: {
      fontSize: px,
      fontSizeSM: px,
      fontSizeLG: Math.round(px * 1.15),
      colorPrimary: BLUE,
      colorLink: BLUE,
      colorText: INK,
      colorTextSecondary: '#2b2b2b',
      colorTextTertiary: '#2b2b2b',
      colorTextDescription: '#2b2b2b',
      colorTextHeading: INK,
      colorTextLabel: INK,
      colorBgLayout: PAPER,
      colorSuccessText: '#0f4d0f',
      colorError: '#8a1010',
      colorErrorText: '#8a1010',
      colorWarningText: '#5c3900',
      colorInfoText: INK,
      controlHeight: Math.round(px * 2.2),
      controlHeightLG: Math.round(px * 2.6),
    },
    // Components size their text from their own tokens, computed once from the seed: set them for this size too.
    components: {
      Button: { contentFontSize: px, contentFontSizeLG: Math.round(px * 1.15), contentFontSizeSM: px },
      Alert: { withDescriptionIconSize: px },
    },
  };
}
