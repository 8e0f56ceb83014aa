import {
  AuditOutlined,
  CloudDownloadOutlined,
  DatabaseOutlined,
  CameraOutlined,
  HomeOutlined,
  IdcardOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../common/contract/permissions';
import type { MessageKey } from '../../common/i18n/translate';
import { AuditPage } from './admin/AuditPage';
import { BackupPage } from './admin/BackupPage';
import { StaffPage } from './admin/StaffPage';
import { UpdatePage } from './admin/UpdatePage';
import { SettingOutlined } from '@ant-design/icons';
import { SettingsPage } from './admin/index';
import { CapturePage } from './capture/CapturePage';
import { IdCardPage } from './idcard/IdCardPage';
import { ReaderSettingsPage } from './idcard/ReaderSettingsPage';
import { HomePage } from './pages/HomePage';
import { CasesPage } from './cases/CasesPage';
import { EnquiryPage } from './cases/EnquiryPage';
import { IntakePage } from './intake/IntakePage';
import { SyncPage } from './sync/SyncPage';
import { PrinterOutlined } from '@ant-design/icons';
import { PrintQueuePage } from './documents/PrintQueuePage';
import { SyncOutlined } from '@ant-design/icons';
import { FileSearchOutlined, FolderOpenOutlined, FormOutlined } from '@ant-design/icons';
import { AlertOutlined, SolutionOutlined } from '@ant-design/icons';
import { MonitoringPage, RosterPage, WarningsPage } from './afterAcceptance/index';
import { BarChartOutlined } from '@ant-design/icons';
import { StatsPage } from './stats/StatsPage';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { CertificationPage } from './certification/CertificationPage';
import { CommentOutlined } from '@ant-design/icons';
import { FlaggedRatingsPage } from './ratings/FlaggedRatingsPage';
import { EyeOutlined } from '@ant-design/icons';
import { ScanOutlined } from '@ant-design/icons';
import { CertificateVerifyPage } from './documents/CertificateVerifyPage';
import { ImportOutlined } from '@ant-design/icons';
import { RosterImportPage } from './rosterImport/RosterImportPage';
import { InboxOutlined } from '@ant-design/icons';
import { QueuePage as OnlineApplicationsPage } from './onlineApplications/QueuePage';

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
  { path: '/intake', label: 'nav.intake', icon: <FormOutlined />, element: <IntakePage />, permission: 'case.write' },
  {
    path: '/online-applications',
    label: 'nav.onlineApplications',
    icon: <InboxOutlined />,
    element: <OnlineApplicationsPage />,
    permission: 'case.write',
  },
  { path: '/cases', label: 'nav.cases', icon: <FolderOpenOutlined />, element: <CasesPage />, permission: 'case.read' },
  { path: '/enquiry', label: 'nav.enquiry', icon: <FileSearchOutlined />, element: <EnquiryPage />, permission: 'person.read' },
  { path: '/roster', label: 'nav.roster', icon: <SolutionOutlined />, element: <RosterPage />, permission: 'case.read' },
  {
    path: '/roster/import',
    label: 'nav.rosterImport',
    icon: <ImportOutlined />,
    element: <RosterImportPage />,
    permission: 'roster.import',
  },
  { path: '/warnings', label: 'nav.warnings', icon: <AlertOutlined />, element: <WarningsPage />, permission: 'case.read' },
  { path: '/monitoring', label: 'nav.monitoring', icon: <EyeOutlined />, element: <MonitoringPage />, permission: 'case.read' },
  { path: '/stats', label: 'nav.stats', icon: <BarChartOutlined />, element: <StatsPage />, permission: 'case.read' },
  {
    path: '/certification',
    label: 'nav.certification',
    icon: <SafetyCertificateOutlined />,
    element: <CertificationPage />,
    permission: 'case.read',
  },
  { path: '/ratings', label: 'nav.ratings', icon: <CommentOutlined />, element: <FlaggedRatingsPage />, permission: 'rating.followUp' },
  { path: '/idcard', label: 'nav.idcard', icon: <IdcardOutlined />, element: <IdCardPage />, permission: 'person.read' },
  { path: '/print', label: 'nav.print', icon: <PrinterOutlined />, element: <PrintQueuePage />, permission: 'document.print' },
  {
    path: '/certificates/verify',
    label: 'nav.certificateVerify',
    icon: <ScanOutlined />,
    element: <CertificateVerifyPage />,
    permission: 'session',
  },
  { path: '/capture', label: 'nav.capture', icon: <CameraOutlined />, element: <CapturePage />, permission: 'person.read' },
  { path: '/staff', label: 'nav.staff', icon: <TeamOutlined />, element: <StaffPage />, permission: 'admin.accounts' },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, element: <AuditPage />, permission: 'audit.read' },
  { path: '/backup', label: 'nav.backup', icon: <DatabaseOutlined />, element: <BackupPage />, permission: 'admin.backup' },
  {
    path: '/admin/settings',
    label: 'nav.countySettings',
    icon: <SettingOutlined />,
    element: <SettingsPage />,
    permission: 'admin.settings',
  },
  {
    path: '/admin/reader',
    label: 'nav.readerSettings',
    icon: <IdcardOutlined />,
    element: <ReaderSettingsPage />,
    permission: 'admin.settings',
  },
  { path: '/admin/update', label: 'nav.update', icon: <CloudDownloadOutlined />, element: <UpdatePage />, permission: 'admin.settings' },
  { path: '/sync', label: 'nav.sync', icon: <SyncOutlined />, element: <SyncPage />, permission: 'session' },
];
