import { describe, expect, it } from 'vitest';
import { adminArgsOf, gpuDisabled } from './launch';

describe('desktop launch switches', () => {
  it('--admin runs the CLI with what follows, in a packaged app and in development', () => {
    expect(adminArgsOf(['/opt/apps/cn.gov.mca.jiuzhu.workstation/files/jiuzhu-workstation', '--admin', 'info'])).toEqual(['info']);
    expect(adminArgsOf(['electron', '.', '--admin', '--user', 'admin', 'backup', '--out', '/media/usb/a.jzbak'])).toEqual([
      '--user',
      'admin',
      'backup',
      '--out',
      '/media/usb/a.jzbak',
    ]);
    expect(adminArgsOf(['C:\\Program Files\\救助通工作站\\救助通工作站.exe'])).toBeNull();
  });

  it('the GPU is switched off by the preset or for one PC by JIUZHU_DISABLE_GPU=1', () => {
    expect(gpuDisabled({}, {})).toBe(false);
    expect(gpuDisabled({}, { disableGpu: true })).toBe(true);
    expect(gpuDisabled({ JIUZHU_DISABLE_GPU: '1' }, {})).toBe(true);
    expect(gpuDisabled({ JIUZHU_DISABLE_GPU: '0' }, { disableGpu: false })).toBe(false);
  });
});
