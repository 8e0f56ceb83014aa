import { smoothStroke, widthFor, type Stroke } from '../../../../common/capture/signature';

/**
 * Draw strokes with quadratic curves through the midpoints of the smoothed track, line width
 * following pressure. `scale` maps pad CSS pixels to canvas pixels.
 */
export function drawStrokes(ctx: CanvasRenderingContext2D, strokes: readonly Stroke[], scale: number, baseWidth = 2.4): void {
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = '#111';
  ctx.fillStyle = '#111';
  for (const raw of strokes) {
    const s = smoothStroke(raw, 0.6);
    if (s.length === 1) {
      const p = s[0]!;
      ctx.beginPath();
      ctx.arc(p.x * scale, p.y * scale, (widthFor(p.pressure, baseWidth) * scale) / 2, 0, Math.PI * 2);
      ctx.fill();
      continue;
    }
    for (let i = 1; i < s.length; i++) {
      const a = s[i - 1]!;
      const b = s[i]!;
      const prevMid = i > 1 ? { x: (s[i - 2]!.x + a.x) / 2, y: (s[i - 2]!.y + a.y) / 2 } : a;
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      ctx.lineWidth = widthFor((a.pressure + b.pressure) / 2, baseWidth) * scale;
      ctx.beginPath();
      ctx.moveTo(prevMid.x * scale, prevMid.y * scale);
      ctx.quadraticCurveTo(
        a.x * scale,
        a.y * scale,
        (i === s.length - 1 ? b.x : mid.x) * scale,
        (i === s.length - 1 ? b.y : mid.y) * scale,
      );
      ctx.stroke();
    }
  }
}
