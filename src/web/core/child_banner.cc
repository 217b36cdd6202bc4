#include "web/core/child_banner.h"

#include "storage/flags_repository.h"

namespace harbour::web {

mstch::array FlagRows(const std::vector<children::Flag>& flags, Date today, bool active_only) {
  mstch::array rows;
  for (const auto& f : flags) {
    bool active = children::IsActive(f, today);
    if (active_only && !active) continue;
    rows.push_back(
        mstch::map{{"id", f.id},
                   {"kind", Str(children::ToCode(f.kind))},
                   {"label", Str(children::Label(f.kind))},
                   {"start", FormatLongDate(f.start)},
                   {"end", Str(f.end ? FormatLongDate(*f.end) : "")},
                   {"panel_reference", f.panel_reference},
                   {"active", active},
                   {"danger", f.kind == children::FlagKind::kAtRiskOfSexualExploitation}});
  }
  return rows;
}

bool ChildBanner::AddTo(mstch::map& context, const children::Child& child) const {
  auto flags = flags_.ForChild(child.id);
  if (!flags) return false;
  mstch::array rows = FlagRows(*flags, LondonDate(clock_.Now()), /*active_only=*/true);
  context["has_child_flags"] = !rows.empty();
  context["child_flags"] = std::move(rows);
  return true;
}

}  // namespace harbour::web
