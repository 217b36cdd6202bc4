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

// An upload form with data-max-bytes (the regional analyst's returns) says at once when the chosen
// files cannot fit in the server's body limit, instead of sending them to be refused (413). The
// server's limit stands either way; each file's part headers are allowed for.
const kPartOverhead = 512
for (const form of document.querySelectorAll('form[data-max-bytes]')) {
  form.addEventListener('submit', (event) => {
    const limit = Number(form.dataset.maxBytes)
    const input = form.querySelector('input[type="file"]')
    if (!input || !limit) return
    const files = [...input.files]
    const bytes = files.reduce((sum, file) => sum + file.size + kPartOverhead, kPartOverhead)
    if (bytes <= limit) return
    event.preventDefault()
    showFileError(input, `The files chosen are too large together: choose files that add up to less than ${Math.floor(limit / 1024)} KiB.`)
  })
}

// The GOV.UK error message on a file input's form group, once.
function showFileError (input, text) {
  const group = input.closest('.govuk-form-group')
  let message = group.querySelector('.harbour-size-error')
  if (!message) {
    message = document.createElement('p')
    message.className = 'govuk-error-message harbour-size-error'
    message.id = `${input.id}-size-error`
    input.before(message)
    input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') ?? ''} ${message.id}`.trim())
  }
  message.innerHTML = '<span class="govuk-visually-hidden">Error:</span> '
  message.append(text)
  group.classList.add('govuk-form-group--error')
  input.classList.add('govuk-file-upload--error')
  input.focus()
}
