import type { Command } from '../command';
import { idcardPortsCommand, idcardReadCommand } from './idcard';
import { idNumberCheckCommand } from './idnumber';
import { infoCommand } from './info';
import { auditVerifyCommand, backupCommand, checkCommand, initCommand, restoreCommand } from './station';

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
];
