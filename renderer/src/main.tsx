import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import './i18n';
import { App } from './App';
import { followCoreStatus } from './api/useCoreStatus';
import { ApplicantApp } from './applicant/ApplicantApp';
import { isApplicantScreen } from './applicant/route';

dayjs.locale('zh-cn');
followCoreStatus();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    {isApplicantScreen() ? <ApplicantApp /> : <App />}
  </StrictMode>,
);
