/** The county settings' repository under the name the other features import it by. */
export { CaseSettingsRepo as CaseSettingsStore } from './settingsRepo';
