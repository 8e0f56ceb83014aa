import { CameraOutlined, HomeOutlined, IdcardOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../common/i18n/translate';
import { CapturePage } from './capture/CapturePage';
import { IdCardPage } from './idcard/IdCardPage';
import { HomePage } from './pages/HomePage';

export interface AppRoute {
  path: string;
  /** Catalog key of the menu label. */
  label: MessageKey;
  icon: ReactNode;
  element: ReactNode;
}

/** Every page of the app, in menu order. A capability adds its pages here. */
export const ROUTES: AppRoute[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined />, element: <HomePage /> },
  { path: '/idcard', label: 'nav.idcard', icon: <IdcardOutlined />, element: <IdCardPage /> },
  { path: '/capture', label: 'nav.capture', icon: <CameraOutlined />, element: <CapturePage /> },
];
