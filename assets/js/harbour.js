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
