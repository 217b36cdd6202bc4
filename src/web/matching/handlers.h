#pragma once
// The handlers behind web/matching/matching.h; included only inside web/matching/.
#include <memory>
#include <mutex>
#include <string>

#include "matching/model.h"
#include "matching/names.h"
#include "storage/agencies_repository.h"
#include "storage/children_repository.h"
#include "storage/matching_repository.h"
#include "web/core/handlers.h"
#include "web/matching/matching.h"

namespace harbour::web {

class MatchingHandlers : public AreaHandlers {
 public:
  MatchingHandlers(const Core& core, std::shared_ptr<const matching::NameVariants> variants)
      : AreaHandlers(core), variants_(std::move(variants)) {}

  Response Queue(Request& request, const Principal& who);
  Response Review(Request& request, const Principal& who);
  Response Decide(Request& request, const Principal& who);
  Response MergePage(Request& request, const Principal& who);
  Response Undo(Request& request, const Principal& who);

  Result<DuplicateCheck> LikelyChildren(const Principal& who, const Request& request,
                                        const children::Child& child);
  Result<mstch::array> MergeRows(const Principal& who, const children::Child& child);

 private:
  // The model of the last run (the starting model before any), re-read only when a newer run
  // has been saved. Thread-safe.
  Result<std::shared_ptr<const matching::Model>> CurrentModel();
  // The review page for `review`; `form` and `problem` show a refused decision again (422).
  Response ReviewPage(Request& request, const Principal& who, const storage::MatchReview& review,
                      const FormData* form, const Error* problem);
  Response MergeConfirmPage(Request& request, const Principal& who,
                            const storage::ChildMerge& merge, const FormData* form,
                            const Error* problem);
  // The review `id` for a coordinator (kNotFound for junk or unknown ids; refused otherwise).
  Result<storage::MatchReview> ReviewFor(const Principal& who, const Request& request,
                                         std::string_view id);
  Result<storage::ChildMerge> MergeFor(const Principal& who, const Request& request,
                                       std::string_view id);
  Result<void> DoDecide(const Principal& who, const Request& request,
                        const storage::MatchReview& review, const FormData& form);
  Result<void> DoUndo(const Principal& who, const Request& request,
                      const storage::ChildMerge& merge, const FormData& form);

  std::shared_ptr<const matching::NameVariants> variants_;
  storage::MatchingRepository matching_{db_};
  storage::ChildrenRepository children_{db_};
  storage::AgenciesRepository agencies_{db_};
  std::mutex model_mu_;
  std::string model_run_;  // the run the cached model is of ("" for the starting model)
  std::shared_ptr<const matching::Model> model_;
};

}  // namespace harbour::web
