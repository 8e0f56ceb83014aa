import type { FaceBox } from './protocol';

/** The oval the applicant puts the face in, and the detected face boxes (green when the gate holds). */
export function FaceGuide({ width, height, boxes, ok }: { width: number; height: number; boxes: FaceBox[]; ok: boolean }) {
  const colour = ok ? '#52c41a' : '#faad14';
  return (
    <>
      <ellipse
        cx={width / 2}
        cy={height / 2}
        rx={height * 0.27}
        ry={height * 0.36}
        fill="none"
        stroke="#ffffff"
        strokeOpacity={0.8}
        strokeWidth={Math.max(2, height / 160)}
        strokeDasharray="12 8"
      />
      {boxes.map((b, i) => (
        <rect
          key={i}
          x={b.x}
          y={b.y}
          width={b.width}
          height={b.height}
          fill="none"
          stroke={colour}
          strokeWidth={Math.max(2, height / 200)}
        />
      ))}
    </>
  );
}
