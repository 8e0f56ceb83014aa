import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import './i18n';
import { App } from './App';
import { followCoreStatus } from './api/useCoreStatus';
import { followRendererErrors } from './api/reportErrors';
import { ApplicantApp } from './applicant/ApplicantApp';
import { isApplicantScreen } from './applicant/route';
import { RenderErrorBoundary } from './diagnostics/RenderErrorBoundary';

dayjs.locale('zh-cn');
followCoreStatus();
followRendererErrors();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <RenderErrorBoundary>{isApplicantScreen() ? <ApplicantApp /> : <App />}</RenderErrorBoundary>
  </StrictMode>,
);
