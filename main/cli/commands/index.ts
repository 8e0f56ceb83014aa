import type { Command } from '../command';
import { idcardPortsCommand, idcardReadCommand } from './idcard';
import { idNumberCheckCommand } from './idnumber';
import { infoCommand } from './info';

/** Every admin command. A new capability adds its commands here. */
export const COMMANDS: Command[] = [infoCommand, idNumberCheckCommand, idcardPortsCommand, idcardReadCommand];
