/**
 * Printing on A4 landscape: the tables and the charts' SVG drawings have pixel widths laid
 * out for the screen, so a table or chart wider than the printed page would lose its right-hand
 * columns. (A chart is drawn again for its box's width when the page is laid out for printing;
 * only one with a readable minimum width wider than the page, the Gantt on a narrow box, is
 * scaled — an SVG scales without losing sharpness.) Before printing the page is laid out at the page's width (`html.printing`), and every
 * table or chart still wider than its box is scaled down (CSS zoom) to fit, keeping all columns
 * and the Gantt's whole time axis. After printing everything is put back.
 */

/** A4 landscape (297 mm) less two 10 mm margins (styles.css @page), in CSS pixels (96 per inch). */
export const PRINT_WIDTH_PX = Math.floor(((297 - 2 * 10) / 25.4) * 96)

const FIT_SELECTOR = '.data-table, .echart-box'

/** How much an element `natural` px wide must shrink to fit `available` px (1: not at all). */
export function fitZoom(natural: number, available: number): number {
  if (!(natural > 0) || !(available > 0) || natural <= available) return 1
  return Math.floor((available / natural) * 1000) / 1000
}

/** The width the element's content is laid out at: a table's inner tables, a chart's drawing. */
function naturalWidth(el: HTMLElement): number {
  const inner = Array.from(el.querySelectorAll<HTMLElement>('table.dt'))
  const drawings = Array.from(el.querySelectorAll<SVGSVGElement>('svg.chart-svg'))
  return Math.max(el.scrollWidth, ...inner.map((x) => x.offsetWidth), ...drawings.map((x) => x.getBoundingClientRect().width))
}

/** The width of the box the element sits in, less its padding. */
function availableWidth(el: HTMLElement): number {
  const parent = el.parentElement
  if (!parent) return 0
  const style = parent.ownerDocument.defaultView?.getComputedStyle(parent)
  const padding = style ? (parseFloat(style.paddingLeft) || 0) + (parseFloat(style.paddingRight) || 0) : 0
  return parent.clientWidth - padding
}

export function fitForPrint(doc: Document = document): void {
  const html = doc.documentElement
  html.style.setProperty('--atlas-print-width', `${PRINT_WIDTH_PX}px`)
  html.classList.add('printing')
  const els = Array.from(doc.querySelectorAll<HTMLElement>(FIT_SELECTOR))
  for (const el of els) el.style.removeProperty('zoom')
  // Measure all first (one layout), then scale.
  const zooms = els.map((el) => fitZoom(naturalWidth(el), availableWidth(el)))
  els.forEach((el, i) => {
    if (zooms[i] < 1) {
      el.style.setProperty('zoom', String(zooms[i]))
      el.dataset.printZoom = String(zooms[i])
    }
  })
}

export function unfitAfterPrint(doc: Document = document): void {
  doc.documentElement.classList.remove('printing')
  for (const el of Array.from(doc.querySelectorAll<HTMLElement>('[data-print-zoom]'))) {
    el.style.removeProperty('zoom')
    delete el.dataset.printZoom
  }
}

/** Wires the two steps to the browser's print events (the print dialog and Ctrl+P alike). */
export function installPrintFit(win: Window = window): void {
  win.addEventListener('beforeprint', () => fitForPrint(win.document))
  win.addEventListener('afterprint', () => unfitAfterPrint(win.document))
}
