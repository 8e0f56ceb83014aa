/** A horizontal bar chart drawn with SVG (no chart library): one labelled bar per row, scaled to the largest. */
export function Bars({ rows, testId }: { rows: Array<{ label: string; value: number; text?: string }>; testId?: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowHeight = 26;
  const labelWidth = 150;
  const barWidth = 320;
  return (
    <svg
      viewBox={`0 0 ${labelWidth + barWidth + 90} ${rows.length * rowHeight + 4}`}
      width="100%"
      style={{ maxWidth: labelWidth + barWidth + 90 }}
      role="img"
      data-testid={testId}
    >
      {rows.map((r, i) => {
        const w = Math.round((r.value / max) * barWidth);
        const y = i * rowHeight + 2;
        return (
          <g key={r.label} data-label={r.label} data-value={r.value}>
            <text x={labelWidth - 8} y={y + 16} textAnchor="end" fontSize={13} fill="#333">
              {r.label}
            </text>
            <rect x={labelWidth} y={y + 3} width={Math.max(w, r.value > 0 ? 2 : 0)} height={rowHeight - 8} rx={3} fill="#1a56a8" />
            <text x={labelWidth + w + 6} y={y + 16} fontSize={13} fill="#333">
              {r.text ?? r.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
