import { describe, expect, it } from 'vitest'
import { BOM, allPages, csvCell, csvFileName, toCsv, type ExportColumn } from './csv'

interface Row {
  name: string
  value: number | null
}
const columns: ExportColumn<Row>[] = [
  { label: '名称', value: (r) => r.name },
  { label: '产值（元）', value: (r) => r.value },
]

describe('toCsv', () => {
  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', () => {
    const csv = toCsv(columns, [{ name: '甲', value: 2480000000 }])
    expect(csv.startsWith(BOM)).toBe(true)
    expect(csv.slice(1)).toBe('名称,产值（元）\r\n甲,2480000000\r\n')
  })
  it('keeps full precision and leaves missing values empty', () => {
    expect(toCsv(columns, [{ name: 'a', value: 0.1234567 }, { name: 'b', value: null }]).slice(1)).toBe('名称,产值（元）\r\na,0.1234567\r\nb,\r\n')
  })
})

describe('csvCell (RFC 4180)', () => {
  it('quotes cells with commas, quotes or line breaks and doubles the quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('plain')).toBe('plain')
  })
  it('guards against formula injection', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-1')).toBe("'-1")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\tx')).toBe("'\tx")
    expect(csvCell('\rx')).toBe(`"'\rx"`)
  })
  it('writes numbers as numbers (a negative number is not text to guard)', () => {
    expect(csvCell(-5)).toBe('-5')
    expect(csvCell(null)).toBe('')
    expect(csvCell(true)).toBe('true')
  })
  it('names the file safely', () => {
    expect(csvFileName('企业库 / 列表', new Date('2026-12-05T00:00:00Z'))).toBe('企业库-列表-2026-12-05.csv')
  })
})

describe('allPages', () => {
  it('reads every page of a paged list', async () => {
    const data = Array.from({ length: 7 }, (_, i) => i)
    const got = await allPages(async (offset, limit) => ({ items: data.slice(offset, offset + limit), total: data.length }), 3)
    expect(got).toEqual(data)
  })
})
