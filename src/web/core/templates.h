#pragma once
// Mustache templates (mstch) compiled into the binary from templates/. {{x}} escapes HTML;
// {{{x}}} is used only for HTML the server itself rendered. Immutable after construction and
// safe to use from many threads.
#include <map>
#include <mstch/mstch.hpp>
#include <string>
#include <string_view>

namespace harbour::web {

class Templates {
 public:
  Templates();  // loads every embedded templates/*.mustache
  // Renders "children/child" (path under templates/ without the suffix). Throws
  // std::logic_error for an unknown template: a programming error.
  std::string Render(std::string_view name, const mstch::map& context) const;
  bool Has(std::string_view name) const { return partials_.contains(std::string(name)); }

 private:
  void ResolvePartials();
  std::map<std::string, std::string> partials_;  // every template, by name
  // For each template, the partials it uses directly or through other partials.
  std::map<std::string, std::map<std::string, std::string>> uses_;
};

// mstch's node turns a const char* into a bool: always build strings explicitly.
inline mstch::node Str(std::string_view s) { return std::string(s); }

}  // namespace harbour::web
