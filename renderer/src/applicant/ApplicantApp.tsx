import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { ApplicantScreen } from './ApplicantScreen';

/** The applicant screen's own frame: no menu, no login, large type (see README.md). */
export function ApplicantApp() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1a56a8', fontSize: 24 } }}>
      <AntApp>
        <ApplicantScreen />
      </AntApp>
    </ConfigProvider>
  );
}
