import { useState } from 'react';
import { useCoreEvent } from '../api/useCoreEvent';

export interface TaskProgress {
  phase: string;
  fraction: number;
}

/** The latest task.progress event of one task (backup, restore, check …). */
export function useTaskProgress(task: string): [TaskProgress | null, () => void] {
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  useCoreEvent('task.progress', (p) => {
    if (p.task === task) setProgress({ phase: p.phase, fraction: p.fraction });
  });
  return [progress, () => setProgress(null)];
}
