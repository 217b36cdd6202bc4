#pragma once
// Concerns, their addenda and the child's chronology: log what was seen or heard with its
// indicators and any immediate danger, add to a concern without editing it, and read everything
// every agency recorded about the child (pages and API). The handlers behind
// web/concerns/concerns.h; included only inside web/concerns/.
#include <string>
#include <vector>

#include "chronology/chronology.h"
#include "concerns/concern.h"
#include "reference/catalogue.h"
#include "storage/children_repository.h"
#include "storage/concerns_repository.h"
#include "web/concerns/concerns.h"
#include "web/core/handlers.h"

namespace harbour::web {

class ConcernsHandlers : public AreaHandlers {
 public:
  ConcernsHandlers(const Core& core, const reference::Catalogue& catalogue,
                   std::vector<ChronologySource> sources)
      : AreaHandlers(core), catalogue_(catalogue), sources_(std::move(sources)) {}

  Response NewConcernForm(Request& request, const Principal& who);
  Response CreateConcern(Request& request, const Principal& who);
  Response CreateAddendum(Request& request, const Principal& who);
  Response Chronology(Request& request, const Principal& who);
  Response ApiCreateConcern(Request& request, const Principal& who);
  Response ApiChronology(Request& request, const Principal& who);
  Result<concerns::Concern> DoLogConcern(const Principal& who, const Request& request,
                                         const children::Child& child,
                                         const concerns::ConcernInput& input,
                                         std::string_view purpose);
  struct Chronicle {
    std::vector<chronology::Entry> entries;
  };
  Result<Chronicle> DoChronology(const Principal& who, const Request& request,
                                 const children::Child& child, const chronology::Filter& filter,
                                 std::string_view purpose);
  // The chronology page; an addendum that failed validation is shown again on its concern.
  struct AddendumProblem {
    std::string concern_id;
    std::string text;
    std::string message;
  };
  Response ChronologyPage(Request& request, const Principal& who, const children::Child& child,
                          std::string_view purpose, const AddendumProblem* problem);

 private:
  const reference::Catalogue& catalogue_;
  std::vector<ChronologySource> sources_;  // the other areas' entries
  storage::ConcernsRepository concerns_{db_};
  storage::ChildrenRepository children_{db_};
};

}  // namespace harbour::web
