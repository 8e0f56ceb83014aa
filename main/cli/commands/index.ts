import type { Command } from '../command';
import { casesListCommand, casesShowCommand } from './cases';
import { demoSeedCommand } from './demo';
import { diagnosticsCommand } from './diagnostics';
import { updateCheckCommand, updateDownloadCommand, updateInstallCommand } from './update';
import { certificateVerifyCommand, documentsBatchCommand, documentsRenderCommand, documentsSampleCommand } from './documents';
import { idcardPortsCommand, idcardReadCommand } from './idcard';
import { idcardConfigureCommand, idcardLibrariesCommand } from './idcardConfigure';
import { idNumberCheckCommand } from './idnumber';
import { infoCommand } from './info';
import { auditVerifyCommand, backupCommand, checkCommand, initCommand, restoreCommand } from './station';
import { syncNowCommand, syncRegisterCommand, syncStatusCommand } from './sync';

/** Every admin command. A new capability adds its commands here. */
export const COMMANDS: Command[] = [
  infoCommand,
  initCommand,
  backupCommand,
  restoreCommand,
  checkCommand,
  auditVerifyCommand,
  idNumberCheckCommand,
  idcardPortsCommand,
  idcardReadCommand,
  idcardLibrariesCommand,
  idcardConfigureCommand,
  documentsRenderCommand,
  documentsBatchCommand,
  documentsSampleCommand,
  certificateVerifyCommand,
  syncRegisterCommand,
  syncNowCommand,
  syncStatusCommand,
  demoSeedCommand,
  casesListCommand,
  casesShowCommand,
  diagnosticsCommand,
  updateCheckCommand,
  updateDownloadCommand,
  updateInstallCommand,
];
