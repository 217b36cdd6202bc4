// Harbour's browser entry point, loaded by templates/layout.mustache as
// <script type="module" src="/assets/js/harbour.js">. Every page works without it; it only
// enhances GOV.UK and MoJ components that carry a data-module attribute.
//
// The Content-Security-Policy forbids inline script, so the two body classes that GOV.UK
// Frontend's page template sets inline are set here instead. Module scripts run only in
// browsers GOV.UK Frontend supports, after the document is parsed.
import { initAll as initGovukFrontend } from '/assets/js/govuk-frontend.min.js'
import { initAll as initMojFrontend } from '/assets/js/moj-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')

// GOV.UK Frontend's radios script turns a conditional reveal's data-aria-controls into
// aria-controls (valid on a radio) and also sets aria-expanded on that radio, at start-up, on
// every click in the group and on pageshow. ARIA allows aria-expanded on a checkbox but not on a
// radio, so axe reports every such radio as a critical aria-allowed-attr violation
// (alphagov/govuk-frontend#979, which GOV.UK keeps open). Harbour removes the attribute the moment
// it appears, before anything else can run. The revealed question follows its radio directly, so
// it is still reached next in reading order; checkboxes keep theirs, where it is valid. Started
// before GOV.UK Frontend so that its first pass is caught as well.
new MutationObserver((mutations) => {
  for (const { target } of mutations) {
    if (target instanceof HTMLInputElement && target.type === 'radio' && target.hasAttribute('aria-expanded')) {
      target.removeAttribute('aria-expanded')
    }
  }
}).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-expanded'] })

initGovukFrontend()
initMojFrontend()

// Content htmx swaps in gets the same enhancement. htmx fires htmx:load on each new top-level
// element (and once on <body> at start-up, already handled above). Components are looked up
// inside that element, so a swapped fragment's own top-level element is not itself enhanced:
// wrap data-module components in a plain container.
document.body.addEventListener('htmx:load', (event) => {
  const scope = event.target
  if (scope instanceof Element && scope !== document.body) {
    initGovukFrontend({ scope })
    initMojFrontend({ scope })
  }
})

// The area profile's charts, drawn from the tables beside them (assets/js/charts.js); loaded
// only on pages that have one.
if (document.querySelector('[data-chart]')) {
  import('/assets/js/charts.js').then(({ drawCharts }) => drawCharts(document))
}
