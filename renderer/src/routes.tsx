import { AuditOutlined, CameraOutlined, HomeOutlined, IdcardOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../common/contract/permissions';
import type { MessageKey } from '../../common/i18n/translate';
import { AuditPage } from './admin/AuditPage';
import { StaffPage } from './admin/StaffPage';
import { CapturePage } from './capture/CapturePage';
import { IdCardPage } from './idcard/IdCardPage';
import { HomePage } from './pages/HomePage';

export interface AppRoute {
  path: string;
  /** Catalog key of the menu label. */
  label: MessageKey;
  icon: ReactNode;
  element: ReactNode;
  /** Shown only to roles that grant this; core enforces it regardless. */
  permission?: Permission;
}

/** Every page of the app, in menu order. A capability adds its pages here. */
export const ROUTES: AppRoute[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined />, element: <HomePage /> },
  { path: '/idcard', label: 'nav.idcard', icon: <IdcardOutlined />, element: <IdCardPage />, permission: 'person.read' },
  { path: '/capture', label: 'nav.capture', icon: <CameraOutlined />, element: <CapturePage />, permission: 'person.read' },
  { path: '/staff', label: 'nav.staff', icon: <TeamOutlined />, element: <StaffPage />, permission: 'admin.accounts' },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, element: <AuditPage />, permission: 'audit.read' },
];
