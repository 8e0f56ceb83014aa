import { afterEach, beforeEach } from 'vitest';
import { caseStation } from '../../cases/testing/station';
import { tempDir } from '../../kernel/store/testing/fixtures';
import type { AfterAcceptanceService } from '../service';
import { afterAcceptance } from './fixture';

export interface AfterAcceptanceStation {
  env: ReturnType<typeof caseStation>;
  aa: AfterAcceptanceService;
}

/**
 * Registers the hooks of a test file that works on one case station: before each test a fresh
 * station in a temp folder with the after-acceptance service, after it the session closed and the
 * folder removed. The returned object's fields are replaced before each test.
 */
export function afterAcceptanceStation(): AfterAcceptanceStation {
  const current = {} as AfterAcceptanceStation;
  let dir: ReturnType<typeof tempDir> | undefined;
  beforeEach(() => {
    dir = tempDir();
    current.env = caseStation(dir.dir);
    current.aa = afterAcceptance(current.env.svc, current.env.t.auth.audit(), current.env.clock);
  });
  afterEach(() => {
    current.env.t.auth.close();
    dir?.cleanup();
  });
  return current;
}
