/**
 * PNG export of whatever charts a panel holds: echarts' canvas renderer draws each chart onto
 * one or more `<canvas>` layers, so the panel composites the canvases it contains onto a white
 * sheet under the panel's title and hands the result to the browser as a download. Works for
 * every chart kind without reaching into echarts.
 */

export interface CanvasBox {
  /** Position and size in CSS pixels, relative to the panel. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PngLayout {
  width: number;
  height: number;
  /** Where the title's baseline sits (CSS pixels); 0 without a title. */
  titleBaseline: number;
  /** The offset that moves each canvas box into the sheet. */
  dx: number;
  dy: number;
}

export const PNG_PADDING = 16;
export const PNG_TITLE_HEIGHT = 28;

/** The sheet that holds every canvas box with a padding, and a title band on top. */
export function pngLayout(boxes: readonly CanvasBox[], withTitle: boolean): PngLayout | null {
  const visible = boxes.filter((b) => b.width > 0 && b.height > 0);
  if (visible.length === 0) {
    return null;
  }
  const left = Math.min(...visible.map((b) => b.x));
  const top = Math.min(...visible.map((b) => b.y));
  const right = Math.max(...visible.map((b) => b.x + b.width));
  const bottom = Math.max(...visible.map((b) => b.y + b.height));
  const titleBand = withTitle ? PNG_TITLE_HEIGHT : 0;
  return {
    width: Math.ceil(right - left + 2 * PNG_PADDING),
    height: Math.ceil(bottom - top + 2 * PNG_PADDING + titleBand),
    titleBaseline: withTitle ? PNG_PADDING + 18 : 0,
    dx: PNG_PADDING - left,
    dy: PNG_PADDING + titleBand - top,
  };
}

/** `floorwise-turnover-retention-2025-03-14.png`. */
export function exportFileName(
  subject: string,
  extension: 'png' | 'csv',
  now: Date = new Date(),
): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const slug = subject
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `floorwise-${slug || 'chart'}-${date}.${extension}`;
}

/**
 * Draws the canvases inside `root` onto one PNG (at the device pixel ratio) and returns its data
 * URL, or null when `root` holds no drawn canvas.
 */
export function canvasesToPng(
  root: HTMLElement,
  title: string | null,
  doc: Document = document,
): string | null {
  const canvases = Array.from(root.querySelectorAll('canvas'));
  const origin = root.getBoundingClientRect();
  const boxes = canvases.map((c) => {
    const r = c.getBoundingClientRect();
    return { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
  });
  const layout = pngLayout(boxes, Boolean(title));
  if (layout === null) {
    return null;
  }
  const ratio = Math.max(
    1,
    ...canvases.map((c, i) => (boxes[i].width > 0 ? c.width / boxes[i].width : 1)),
  );
  const sheet = doc.createElement('canvas');
  sheet.width = Math.ceil(layout.width * ratio);
  sheet.height = Math.ceil(layout.height * ratio);
  const ctx = sheet.getContext('2d');
  if (!ctx) {
    return null;
  }
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  if (title) {
    ctx.fillStyle = '#1b1c1f';
    ctx.font = '600 15px Roboto, "Helvetica Neue", Arial, sans-serif';
    ctx.fillText(title, PNG_PADDING, layout.titleBaseline);
  }
  canvases.forEach((c, i) => {
    const b = boxes[i];
    if (b.width > 0 && b.height > 0) {
      ctx.drawImage(c, b.x + layout.dx, b.y + layout.dy, b.width, b.height);
    }
  });
  return sheet.toDataURL('image/png');
}

/** Hands a data URL to the browser as a download. */
export function downloadDataUrl(filename: string, dataUrl: string, doc: Document = document): void {
  const link = doc.createElement('a');
  link.href = dataUrl;
  link.download = filename;
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
}
