import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { HashRouter, Route, Routes } from 'react-router-dom';
import { AppLayout } from './layout/AppLayout';
import { ROUTES } from './routes';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

/** Providers (antd in zh-CN, react-query over the API) and the routes. */
export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1a56a8', fontSize: 15 } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <HashRouter>
            <AppLayout>
              <Routes>
                {ROUTES.map((route) => (
                  <Route key={route.path} path={route.path} element={route.element} />
                ))}
                <Route path="*" element={ROUTES[0]!.element} />
              </Routes>
            </AppLayout>
          </HashRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
