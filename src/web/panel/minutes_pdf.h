#pragma once
// The panel's minutes as a PDF document (web/core/pdf_document.h): A4, marked
// "OFFICIAL-SENSITIVE", the meeting's reference and the page number at the foot of every page.
// docs/panel.md says what the fonts cover.
#include <string>

#include "common/error.h"
#include "panel/minutes.h"
#include "web/core/pdf_document.h"

namespace harbour::web {

// The document's bytes; kUnavailable ("pdf_font_missing", naming the file) when a font file
// can no longer be loaded, kInternal ("pdf_failed") when libharu reports another error.
Result<std::string> MinutesPdf(const panel::Minutes& minutes, const PdfFonts& fonts);

}  // namespace harbour::web
