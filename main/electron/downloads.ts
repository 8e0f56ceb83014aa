import type { Session } from 'electron';
import type { Logger } from '../core/index';
import { restrictSavedFile, savedFileToRestrict } from './savedFiles';

/** Every file saved through the session's downloads ends 0600 (savedFiles.ts); a failure is logged. */
export function restrictDownloads(session: Session, logger: Logger): void {
  session.on('will-download', (_event, item) => {
    item.once('done', (_done, state) => {
      const path = savedFileToRestrict(state, item.getSavePath(), process.platform);
      if (!path) return;
      restrictSavedFile(path).then(
        () => logger.log('info', 'download.restricted', { mime: item.getMimeType() }),
        (error: NodeJS.ErrnoException) =>
          logger.log('error', 'download.restrict_failed', { mime: item.getMimeType(), code: error.code ?? String(error) }),
      );
    });
  });
}
