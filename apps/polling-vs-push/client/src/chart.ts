// Horizontal bar charts drawn as SVG by hand: one row per technique, one bar
// (or one segment, when stacked) per series. Labels are set with textContent.

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface Series {
  name: string;
  color: string;
}

export interface Row {
  /** Goes into `data-technique`, for tests and styling. */
  key: string;
  label: string;
  /** One value per series; null when there is nothing to show yet. */
  values: (number | null)[];
  /** Printed after the bars. */
  text: string;
}

export interface ChartSpec {
  series: Series[];
  rows: Row[];
  /** Segments side by side in one bar (true) or one thin bar per series (false). */
  stacked: boolean;
}

const WIDTH = 560;
const LABEL_WIDTH = 110;
const TEXT_WIDTH = 150;
const BAR_AREA = WIDTH - LABEL_WIDTH - TEXT_WIDTH;
const LEGEND_HEIGHT = 22;

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** About how wide `text` is drawn at the legend's size: a Hangul syllable is about twice a Latin letter. */
const textWidth = (text: string) =>
  [...text].reduce(
    (width, char) => width + (/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/.test(char) ? 13 : 7),
    0,
  );

/** Redraws `svg` from scratch with `spec`. */
export function drawBars(svg: SVGSVGElement, spec: ChartSpec): void {
  const { series, rows, stacked } = spec;
  const barHeight = stacked ? 16 : 9;
  const rowHeight = stacked ? 24 : series.length * (barHeight + 2) + 8;
  const height = LEGEND_HEIGHT + rows.length * rowHeight + 4;
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${height}`);

  const total = (row: Row) =>
    stacked
      ? row.values.reduce<number>((sum, v) => sum + (v ?? 0), 0)
      : Math.max(0, ...row.values.map((v) => v ?? 0));
  const max = Math.max(1e-9, ...rows.map(total));
  const width = (value: number) => (value > 0 ? Math.max(1, (value / max) * BAR_AREA) : 0);

  const legend = el('g', { class: 'legend' });
  let x = LABEL_WIDTH;
  for (const s of series) {
    legend.append(el('rect', { x, y: 4, width: 10, height: 10, fill: s.color }));
    legend.append(el('text', { x: x + 14, y: 13 }, s.name));
    x += 24 + textWidth(s.name);
  }
  svg.append(legend);

  rows.forEach((row, index) => {
    const top = LEGEND_HEIGHT + index * rowHeight;
    const group = el('g', { class: 'row', 'data-technique': row.key });
    group.append(el('text', { x: 0, y: top + rowHeight / 2 + 4 }, row.label));
    let offset = LABEL_WIDTH;
    row.values.forEach((value, i) => {
      const s = series[i] as Series;
      const w = width(value ?? 0);
      const y = stacked ? top + (rowHeight - barHeight) / 2 : top + 4 + i * (barHeight + 2);
      const bar = el('rect', {
        class: 'bar',
        x: offset,
        y,
        width: w,
        height: barHeight,
        fill: s.color,
        'data-series': s.name,
        'data-value': value ?? '',
      });
      bar.append(el('title', {}, `${s.name}: ${value ?? '–'}`));
      group.append(bar);
      if (stacked) offset += w;
    });
    const end = stacked ? offset : LABEL_WIDTH + width(total(row));
    group.append(el('text', { class: 'value', x: end + 6, y: top + rowHeight / 2 + 4 }, row.text));
    svg.append(group);
  });
}
