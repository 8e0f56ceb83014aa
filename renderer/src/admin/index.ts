/** Admin pages kept in inner folders, as the routes mount them. */
export { SettingsPage } from './settings/SettingsPage';
