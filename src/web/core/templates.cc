#include "web/core/templates.h"

#include <set>
#include <stdexcept>
#include <vector>

#include "common/embedded.h"

namespace harbour::web {

Templates::Templates() {
  constexpr std::string_view kDir = "templates/";
  constexpr std::string_view kSuffix = ".mustache";
  for (const auto& file : EmbeddedFiles()) {
    if (!file.path.starts_with(kDir) || !file.path.ends_with(kSuffix)) continue;
    std::string_view name = file.path.substr(kDir.size());
    name.remove_suffix(kSuffix.size());
    partials_.emplace(std::string(name), std::string(file.contents));
  }
  ResolvePartials();
}

std::string Templates::Render(std::string_view name, const mstch::map& context) const {
  auto it = partials_.find(std::string(name));
  if (it == partials_.end()) throw std::logic_error("unknown template: " + std::string(name));
  // mstch parses every partial it is given on every render, so give it only those this
  // template uses (computed once at start-up).
  return mstch::render(it->second, context, uses_.at(it->first));
}

namespace {

// Names of the partials "{{> name}}" in `text`.
std::set<std::string> DirectPartials(const std::string& text) {
  std::set<std::string> out;
  std::size_t pos = 0;
  while ((pos = text.find("{{>", pos)) != std::string::npos) {
    std::size_t end = text.find("}}", pos);
    if (end == std::string::npos) break;
    std::string name = text.substr(pos + 3, end - pos - 3);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    out.insert(name);
    pos = end + 2;
  }
  return out;
}

}  // namespace

void Templates::ResolvePartials() {
  for (const auto& [name, text] : partials_) {
    std::map<std::string, std::string> used;
    std::vector<std::string> pending(1, name);
    while (!pending.empty()) {
      std::string next = pending.back();
      pending.pop_back();
      for (const auto& partial : DirectPartials(partials_.at(next))) {
        auto found = partials_.find(partial);
        if (found == partials_.end()) throw std::logic_error("unknown partial: " + partial);
        if (used.emplace(partial, found->second).second) pending.push_back(partial);
      }
    }
    uses_.emplace(name, std::move(used));
  }
}

}  // namespace harbour::web
