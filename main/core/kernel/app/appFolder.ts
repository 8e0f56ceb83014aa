/** The folder name of this app's data, settings and preset on every system. */
export const APP_FOLDER = 'jiuzhu-workstation';
