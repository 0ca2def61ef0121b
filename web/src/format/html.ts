// The one way the app turns text into HTML. ECharts puts a tooltip formatter's string into the
// page as HTML (innerHTML), and tooltips show data: project names, milestone notes, county names
// that came from an import file. Every formatter that returns HTML builds it here, from lines of
// plain text, so a name such as `<img src=x onerror=…>` shows as those characters and never runs.
// Nothing else in web/src writes markup into strings (src/format/html.test.ts checks the sources).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * `text` as HTML text: & < > " ' become entities, so the result is inert as element content and
 * inside a quoted attribute value. Anything that is not a string is converted with String(). Pure.
 */
export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c])
}

/**
 * The HTML of a tooltip of plain-text lines: each line escaped, lines joined by `<br/>`; empty
 * lines (``, null, undefined, false) are left out. The only markup it writes is `<br/>`. Pure.
 */
export function tooltipLines(lines: readonly (string | number | null | undefined | false)[]): string {
  return lines
    .filter((line) => line !== '' && line !== null && line !== undefined && line !== false)
    .map(escapeHtml)
    .join('<br/>')
}
