/** What other features and the routes use of after acceptance: its three pages and the two panels of a case's page. */
export { RosterPage } from './roster/RosterPage';
export { WarningsPage } from './warnings/WarningsPage';
export { MonitoringPage } from './monitoring/MonitoringPage';
export { CaseAfterAcceptance } from './roster/CaseAfterAcceptance';
export { CaseMonitoring } from './monitoring/CaseMonitoring';
