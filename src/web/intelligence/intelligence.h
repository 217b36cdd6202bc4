#pragma once
// Partner intelligence (DOMAIN.md §4): anyone submits what they know; the holding intelligence unit
// reads it with its source, grades it 3x5x2, sanitises it, matches and links its subjects, and
// records the outcome the submitter is told (pages and API).
#include <memory>
#include <string>

#include "web/core/handlers.h"
#include "web/core/routes.h"

namespace harbour::web {

class IntelligenceHandlers;
class RecordsArea;

class IntelligenceArea {
 public:
  // Everything given must outlive the area and the router it registers on.
  IntelligenceArea(const Core& core, const RecordsArea& records, std::string unit_code);
  ~IntelligenceArea();
  IntelligenceArea(const IntelligenceArea&) = delete;
  IntelligenceArea& operator=(const IntelligenceArea&) = delete;

  void Register(Routes& routes);

 private:
  std::unique_ptr<IntelligenceHandlers> handlers_;
};

}  // namespace harbour::web
