import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { HashRouter, Route, Routes } from 'react-router-dom';
import { rolesGrant } from '../../common/contract/permissions';
import { ApiCallError } from './api/client';
import { AppLayout } from './layout/AppLayout';
import { ROUTES } from './routes';
import { SessionGate } from './session/SessionGate';
import { SESSION_KEY } from './session/useSession';

/** Errors that mean "the window's session changed": re-read it, and the gate shows login or the lock. */
const SESSION_ERRORS = new Set(['UNAUTHENTICATED', 'AUTH_SESSION_LOCKED', 'AUTH_SESSION_UNKNOWN', 'AUTH_MUST_CHANGE_PASSWORD']);
const onError = (error: unknown) => {
  if (error instanceof ApiCallError && SESSION_ERRORS.has(error.code)) void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
};

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

/** Providers (antd in zh-CN, react-query over the API), the session gate, and the routes the user's roles allow. */
export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1a56a8', fontSize: 15 } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <HashRouter>
            <SessionGate>
              {(session) => {
                const routes = ROUTES.filter((r) => !r.permission || rolesGrant(session.roles, r.permission));
                return (
                  <AppLayout session={session} routes={routes}>
                    <Routes>
                      {routes.map((route) => (
                        <Route key={route.path} path={route.path} element={route.element} />
                      ))}
                      <Route path="*" element={routes[0]!.element} />
                    </Routes>
                  </AppLayout>
                );
              }}
            </SessionGate>
          </HashRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
