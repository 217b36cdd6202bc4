#pragma once
// One child, one record (issue 13; docs/matching.md, "In the product"): the coordinator's
// duplicate-review queue with each pair's waterfall and the two records side by side, merge,
// "not the same child", "unsure", and undoing a merge; and the check before a child is added,
// which the children area asks through LikelyChildren.
#include <memory>
#include <string>
#include <vector>

#include "children/child.h"
#include "web/core/handlers.h"
#include "web/core/routes.h"

namespace harbour::matching {
class NameVariants;
}  // namespace harbour::matching

namespace harbour::web {

class MatchingHandlers;

// What the check before a child is added found among the children already recorded.
struct DuplicateCheck {
  struct Likely {
    children::Child child;
    double probability = 0;
    std::vector<std::string> reasons;  // "Date of birth: exact", strongest first
  };
  std::vector<Likely> visible;  // matches the user may see, most likely first
  std::size_t hidden = 0;       // matches outside the user's access
  bool hidden_near_certain = false;
  // Every near-certain match (probability at least 0.99), seen or not, with its match weight:
  // what is queued for the coordinator when the child is added all the same.
  struct NearCertainMatch {
    std::string child_id;
    double weight = 0;
    bool visible = false;
  };
  std::vector<NearCertainMatch> near_certain;
  bool Empty() const { return visible.empty() && hidden == 0; }
  bool NearCertain() const;  // some match, seen or not, is near certain
};

class MatchingArea {
 public:
  // Everything given must outlive the area and the router it registers on.
  MatchingArea(const Core& core, std::shared_ptr<const matching::NameVariants> variants);
  ~MatchingArea();
  MatchingArea(const MatchingArea&) = delete;
  MatchingArea& operator=(const MatchingArea&) = delete;

  void Register(Routes& routes);

  // The children already recorded who are likely (probability at least 0.5) to be `child`, as
  // the partnership's last trained model scores them (the starting model before any run). Those
  // the user may see are listed; the rest are only counted. Audited as a child search
  // ("duplicate check") when it finds any.
  Result<DuplicateCheck> LikelyChildren(const Principal& who, const Request& request,
                                        const children::Child& child) const;
  // The merges the child's record took part in, newest first, for its page: who merged which
  // record when, whether undone, and (for those who may review duplicates) a link to undo it.
  Result<mstch::array> MergeRows(const Principal& who, const children::Child& child) const;

 private:
  std::unique_ptr<MatchingHandlers> handlers_;
};

}  // namespace harbour::web
