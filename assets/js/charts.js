// The area profile's pictures (issue 12), drawn with uPlot from the data table that follows
// each chart: the table stays the source of truth and is what screen readers read, so every
// chart container is aria-hidden. A suppressed count ("c") is drawn as a gap, never as zero.
//
// <div class="harbour-chart" data-chart="trend|bars" data-table="ID"> is filled in place.
import uPlot from '/assets/js/uPlot.esm.js'

const COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#6f72af', '#f47738']

// The number in a cell, or null for "c" or an empty cell.
function countOf(cell) {
  const text = (cell?.textContent ?? '').trim().replace(/,/g, '')
  return /^\d+$/.test(text) ? Number(text) : null
}

// The width the chart may take: its container's parent's (an empty container is not shown).
function widthOf(container) {
  const width = container.parentElement?.clientWidth || 640
  return Math.max(280, Math.min(width, 960))
}

// The trend table: a row per month (th data-month="YYYY-MM"), a column per measure.
function drawTrend(container, table) {
  const names = [...table.querySelectorAll('thead th')].slice(1).map((th) => th.textContent.trim())
  const rows = [...table.querySelectorAll('tbody tr')]
  const months = rows.map((row) => {
    const [year, month] = row.querySelector('th').dataset.month.split('-').map(Number)
    return Date.UTC(year, month - 1, 15) / 1000
  })
  const series = names.map((_, i) => rows.map((row) => countOf(row.querySelectorAll('td')[i])))
  const options = {
    width: widthOf(container),
    height: 260,
    legend: { live: false },
    series: [{ label: 'Month' }, ...names.map((label, i) => ({ label, stroke: COLOURS[i % COLOURS.length], width: 2, spanGaps: false }))],
    axes: [{}, { label: 'Count' }],
    scales: { y: { range: (u, min, max) => [0, Math.max(5, max)] } },
  }
  new uPlot(options, [months, ...series], container)
}

// A breakdown table: a row per group (its th), the first number column this period's count.
function drawBars(container, table) {
  // Groups with something to draw (a count above zero in either period); the table keeps all.
  const rows = [...table.querySelectorAll('tbody tr')]
    .filter((row) => !/^Total/.test(row.querySelector('th')?.textContent.trim() ?? ''))
    .filter((row) => (countOf(row.querySelector('td')) ?? 0) > 0 || (countOf(row.querySelectorAll('td')[2]) ?? 0) > 0)
  if (rows.length < 2) return
  const labels = rows.map((row) => row.querySelector('th').textContent.trim())
  const counts = rows.map((row) => countOf(row.querySelector('td')))
  const previous = rows.map((row) => countOf(row.querySelectorAll('td')[2]))
  const bars = uPlot.paths.bars({ size: [0.35, 40], align: 0 })
  const short = (label) => (label.length > 22 ? label.slice(0, 21) + '…' : label)
  const options = {
    width: widthOf(container),
    height: 240,
    legend: { live: false },
    scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: (u, min, max) => [0, Math.max(5, max ?? 0)] } },
    series: [
      { label: 'Group', value: (u, i) => (i == null ? '' : labels[Math.round(i)] ?? '') },
      { label: 'This period', fill: COLOURS[0], stroke: COLOURS[0], paths: bars, points: { show: false } },
      { label: 'Period before', fill: '#b1b4b6', stroke: '#b1b4b6', paths: uPlot.paths.bars({ size: [0.35, 40], align: 1 }), points: { show: false } },
    ],
    axes: [
      { splits: () => labels.map((_, i) => i), values: () => labels.map(short), rotate: labels.length > 4 ? -30 : 0, size: labels.length > 4 ? 90 : 40, gap: 4 },
      { label: 'Count' },
    ],
  }
  new uPlot(options, [labels.map((_, i) => i), counts, previous], container)
}

export function drawCharts(root) {
  for (const container of root.querySelectorAll('.harbour-chart[data-chart]')) {
    const table = root.getElementById(container.dataset.table)
    if (!table || container.childElementCount > 0) continue
    try {
      if (container.dataset.chart === 'trend') drawTrend(container, table)
      else drawBars(container, table)
    } catch (error) {
      // A chart that cannot be drawn leaves its table, which says everything the chart would.
      container.replaceChildren()
      console.warn('chart not drawn:', error)
    }
  }
}
