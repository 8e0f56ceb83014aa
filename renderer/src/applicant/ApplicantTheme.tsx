import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { applicantTheme, BODY_PX, INK, PAPER, type TextSize } from './textSize';

/**
 * The applicant-facing look (适老化, see README.md): large body text, titles larger, 7:1 contrast.
 * The applicant screen uses it, and so does the signing view turned to the applicant on the clerk's screen.
 */
export function ApplicantTheme({ size, children }: { size: TextSize; children: ReactNode }) {
  return (
    <ConfigProvider theme={applicantTheme(size)}>
      <div data-text-size={size} style={{ fontSize: BODY_PX[size], color: INK, background: PAPER, lineHeight: 1.5 }}>
        {children}
      </div>
    </ConfigProvider>
  );
}
