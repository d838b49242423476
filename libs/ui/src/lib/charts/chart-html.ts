/** Text placed in an echarts HTML tooltip: escaped, since names come from imported data. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A small colour swatch for a tooltip line (inline style: allowed by the CSP's style-src). */
export function tooltipMarker(color: string): string {
  return `<span style="display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;background:${escapeHtml(color)}"></span>`;
}

/** One "label  value" line of a tooltip, the value right-aligned and bold. */
export function tooltipLine(label: string, value: string, color?: string): string {
  return (
    `<div style="display:flex;gap:16px;justify-content:space-between;align-items:center">` +
    `<span>${color ? tooltipMarker(color) : ''}${escapeHtml(label)}</span>` +
    `<b style="font-variant-numeric:tabular-nums">${escapeHtml(value)}</b></div>`
  );
}

export function tooltipTitle(title: string): string {
  return `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(title)}</div>`;
}
