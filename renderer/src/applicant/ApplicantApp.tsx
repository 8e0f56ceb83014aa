import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { ApplicantScreen } from './ApplicantScreen';
import { ApplicantTheme } from './ApplicantTheme';
import { useTextSize } from './textSize';

/** The applicant screen's own frame: no menu, no login, large type and 7:1 contrast at either size (see README.md). */
export function ApplicantApp() {
  const [size, setSize] = useTextSize();
  return (
    <ConfigProvider locale={zhCN}>
      <ApplicantTheme size={size}>
        <AntApp>
          <ApplicantScreen size={size} onSize={setSize} />
        </AntApp>
      </ApplicantTheme>
    </ConfigProvider>
  );
}
