#pragma once
// Files compiled into the binary at build time (migrations and templates); see
// cmake/embed.cmake. The table is immutable and safe to read from any thread.
#include <span>
#include <string_view>

namespace harbour {

struct EmbeddedFile {
  std::string_view path;  // relative to the source tree, e.g. "templates/layout.mustache"
  std::string_view contents;
};

std::span<const EmbeddedFile> EmbeddedFiles();

// The contents of the embedded file at `path`; throws std::logic_error if there is none
// (a build defect).
std::string_view EmbeddedText(std::string_view path);

}  // namespace harbour
