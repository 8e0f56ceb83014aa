import { describe, expect, it } from 'vitest';
import { backendOrder, gpuKind } from '../../../renderer/src/capture/face/faceBackend';

describe('the face models’ tfjs backend', () => {
  it('calls a WebGL renderer that is a software rasteriser no GPU', () => {
    // What Chromium reports with the GPU blocked or absent (headless, a VM, a counter PC without drivers).
    expect(gpuKind('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe('software');
    expect(gpuKind('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('software');
    expect(gpuKind('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)')).toBe('software');
    expect(gpuKind(null)).toBe('none');
  });

  it('calls a hardware renderer a GPU', () => {
    expect(gpuKind('ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe('hardware');
    expect(gpuKind('ANGLE (NVIDIA, NVIDIA GeForce GT 1030 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe('hardware');
  });

  it('tries WebGL first only on a real GPU, never software WebGL, and always ends on the CPU', () => {
    expect(backendOrder('hardware')).toEqual(['webgl', 'wasm', 'cpu']);
    expect(backendOrder('software')).toEqual(['wasm', 'cpu']);
    expect(backendOrder('none')).toEqual(['wasm', 'cpu']);
  });
});
