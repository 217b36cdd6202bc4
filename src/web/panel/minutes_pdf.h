#pragma once
// The panel's minutes as a PDF document (libharu, standard Helvetica fonts): A4, wrapped text,
// "OFFICIAL-SENSITIVE" and page numbers on every page. Text is written in Windows-1252, the
// standard fonts' encoding; characters outside it print as "?". Thread-safe (no shared state).
#include <string>

#include "common/error.h"
#include "panel/minutes.h"

namespace harbour::web {

// The document's bytes, or kInternal ("pdf_failed") when libharu reports an error.
Result<std::string> MinutesPdf(const panel::Minutes& minutes);

// UTF-8 to Windows-1252 for the standard fonts: ASCII and Latin-1 letters as they are, the
// common typographic characters (curly quotes, dashes, ellipsis, euro) mapped, anything else
// "?". Invalid UTF-8 bytes also become "?".
std::string ToWinAnsi(std::string_view utf8);

}  // namespace harbour::web
