/**
 * "Download PNG" without libraries: clone the chart's SVG with its computed colours inlined
 * (CSS variables and currentColor mean nothing outside the page), draw it on a canvas over the
 * card's background with the title and legend (Recharts draws its legend in HTML), save the blob.
 */

export type LegendEntry = { name: string; color: string; dashed?: boolean };

const STYLE_PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-opacity', 'stroke-width', 'stroke-dasharray', 'opacity',
  'font-family', 'font-size', 'font-weight', 'visibility',
] as const;

const transparent = (color: string) => !color || color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color);

function backgroundOf(el: Element | null): string {
  for (let node = el; node; node = node.parentElement) {
    const bg = getComputedStyle(node).backgroundColor;
    if (!transparent(bg)) return bg;
  }
  return '#ffffff';
}

/** The chart's own SVG: the largest one, not a legend icon. */
function chartSvg(container: HTMLElement): SVGSVGElement | null {
  const svgs = [...container.querySelectorAll('svg')].filter((s) => !s.closest('.recharts-legend-wrapper, .recharts-tooltip-wrapper'));
  const area = (s: SVGSVGElement) => s.getBoundingClientRect().width * s.getBoundingClientRect().height;
  return svgs.sort((a, b) => area(b) - area(a))[0] ?? null;
}

function serialize(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [clone, ...clone.querySelectorAll('*')];
  source.forEach((el, i) => {
    const out = target[i] as SVGElement | undefined;
    if (!out) return;
    const computed = getComputedStyle(el);
    out.setAttribute('style', STYLE_PROPS.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';'));
    out.removeAttribute('class');
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return new XMLSerializer().serializeToString(clone);
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('could not render the chart image'));
    img.src = src;
  });
}

/** Lays legend entries out in rows; returns the height used. */
function drawLegend(ctx: CanvasRenderingContext2D, entries: LegendEntry[], top: number, width: number, pad: number, draw: boolean): number {
  const line = 20;
  let [x, y] = [pad, top];
  for (const e of entries) {
    const w = 22 + ctx.measureText(e.name).width + 16;
    if (x + w > width - pad && x > pad) [x, y] = [pad, y + line];
    if (draw) {
      ctx.fillStyle = e.color;
      ctx.strokeStyle = e.color;
      if (e.dashed) {
        ctx.setLineDash([4, 3]);
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(x, y + 10);
        ctx.lineTo(x + 14, y + 10);
        ctx.stroke();
        ctx.setLineDash([]);
      } else ctx.fillRect(x, y + 5, 12, 10);
      ctx.fillStyle = ctx.canvas.dataset.text ?? '#333';
      ctx.fillText(e.name, x + 20, y + 14);
    }
    x += w;
  }
  return entries.length ? y - top + line : 0;
}

export async function downloadChartPng(
  container: HTMLElement,
  { fileName, title, legend }: { fileName: string; title?: string; legend: LegendEntry[] },
): Promise<void> {
  const svg = chartSvg(container);
  if (!svg) throw new Error('no chart to export');
  const { width, height } = svg.getBoundingClientRect();
  const img = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(serialize(svg, width, height))}`);

  const pad = 16;
  const style = getComputedStyle(container);
  const font = `12px ${style.fontFamily || 'sans-serif'}`;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  canvas.dataset.text = style.color;
  ctx.font = font;
  const titleHeight = title ? 28 : 0;
  const legendHeight = legend.length ? drawLegend(ctx, legend, 0, width + 2 * pad, pad, false) + 8 : 0;
  const fullWidth = width + 2 * pad;
  const fullHeight = pad + titleHeight + height + legendHeight + pad;
  const scale = Math.max(2, window.devicePixelRatio || 1);
  canvas.width = Math.round(fullWidth * scale);
  canvas.height = Math.round(fullHeight * scale);
  ctx.scale(scale, scale);

  ctx.fillStyle = '#ffffff';
  ctx.fillStyle = backgroundOf(container); // ignored (stays white) if the canvas cannot parse it
  ctx.fillRect(0, 0, fullWidth, fullHeight);
  if (title) {
    ctx.font = `600 14px ${style.fontFamily || 'sans-serif'}`;
    ctx.fillStyle = style.color;
    ctx.fillText(title, pad, pad + 14, width);
  }
  ctx.drawImage(img, pad, pad + titleHeight, width, height);
  ctx.font = font;
  drawLegend(ctx, legend, pad + titleHeight + height + 8, fullWidth, pad, true);

  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('could not encode the image');
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName.endsWith('.png') ? fileName : `${fileName}.png`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a title: letters, digits (any script) and dashes. */
export function pngFileName(title: string | undefined, fallback = 'chart'): string {
  const base = (title ?? '')
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || fallback}.png`;
}
