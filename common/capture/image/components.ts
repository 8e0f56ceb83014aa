/**
 * 8-connected components of a binary map. Each component is returned as a flat list of pixel
 * indices; components smaller than `minSize` are dropped.
 */
export function connectedComponents(mask: Uint8Array, width: number, height: number, minSize = 1): Int32Array[] {
  const label = new Int32Array(mask.length);
  const stack = new Int32Array(mask.length);
  const components: Int32Array[] = [];
  let next = 1;
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || label[start]) continue;
    const members: number[] = [];
    let top = 0;
    stack[top++] = start;
    label[start] = next;
    while (top > 0) {
      const i = stack[--top]!;
      members.push(i);
      const x = i % width;
      const y = (i - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width || (dx === 0 && dy === 0)) continue;
          const j = yy * width + xx;
          if (mask[j] && !label[j]) {
            label[j] = next;
            stack[top++] = j;
          }
        }
      }
    }
    next++;
    if (members.length >= minSize) components.push(Int32Array.from(members));
  }
  return components;
}
