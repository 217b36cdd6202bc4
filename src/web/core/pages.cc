#include "web/core/pages.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "storage/messages_repository.h"
#include "web/core/errors.h"

namespace harbour::web {

namespace {

// The service navigation: each section the role may use, the current one marked.
mstch::array Nav(const Principal& who, std::string_view path) {
  struct Item {
    std::string label, href;
  };
  std::vector<Item> items = {{"Home", "/"}};
  using access::Action;
  auto can = [&](Action a) { return access::Decide(who.Subject(), a).allowed; };
  if (can(Action::kSearchChildren)) items.push_back({"Find a child", "/children"});
  if (can(Action::kCreateChild)) items.push_back({"Add a child", "/children/new"});
  bool case_work = can(Action::kSearchChildren) || can(Action::kSitOnPanel);
  if (case_work) items.push_back({"My tasks", "/tasks"});
  if (can(Action::kViewAreaReviews)) items.push_back({"Reviews due", "/reviews"});
  if (can(Action::kScreenReferrals)) items.push_back({"Referrals", "/referrals"});
  if (can(Action::kSitOnPanel)) items.push_back({"Panel", "/panel"});
  if (case_work) items.push_back({"My referrals", "/my/referrals"});
  if (can(Action::kGradeIntelligence))
    items.push_back({"Intelligence queue", "/intelligence/queue"});
  if (can(Action::kSubmitIntelligence)) items.push_back({"My intelligence", "/my/intelligence"});
  if (can(Action::kRecordDisruption)) items.push_back({"Disruption", "/disruption"});
  if (can(Action::kRecordBusinessVisit)) items.push_back({"Business visits", "/business-visits"});
  if (can(Action::kViewProfile)) items.push_back({"Area profile", "/profile"});
  if (can(Action::kReadBoardReports)) items.push_back({"Board reports", "/profile/reports"});
  if (can(Action::kCombineReturns)) items.push_back({"Regional returns", "/profile/regional"});
  if (can(Action::kGrantAccess)) items.push_back({"Access requests", "/access-requests"});
  if (can(Action::kReviewDuplicates)) items.push_back({"Duplicate records", "/matching"});
  if (can(Action::kManageTools)) items.push_back({"Risk tools", "/tools"});
  if (can(Action::kViewAuditTrail)) items.push_back({"Audit trail", "/audit"});
  // The current item is the one whose address is the longest start of the path ("/profile"
  // for the profile, "/profile/reports" for the register beneath it).
  auto matches = [&](const Item& item) {
    return item.href == "/" ? path == "/" : path.starts_with(item.href);
  };
  std::size_t longest = 0;
  for (const auto& item : items) {
    if (matches(item)) longest = std::max(longest, item.href.size());
  }
  mstch::array nav;
  for (const auto& item : items) {
    bool current = matches(item) && item.href.size() == longest;
    nav.push_back(mstch::map{{"label", item.label}, {"href", item.href}, {"current", current}});
  }
  return nav;
}

}  // namespace

Response Pages::Page(const Principal* who, const Request& request, std::string_view title,
                     std::string_view page, mstch::map context, unsigned status) const {
  context.emplace("csrf_token", Str(who && who->session ? who->session->csrf_token : ""));
  std::string content = templates_.Render(page, context);
  mstch::map layout{{"title", Str(title)},
                    {"content", content},
                    {"demo", demo_},
                    {"csrf_token", Str(who && who->session ? who->session->csrf_token : "")}};
  if (who != nullptr) {
    layout.emplace("nav", Nav(*who, request.path));
    // The feedback loop's unread count; a failure to count hides it rather than the page.
    auto unread = messages_.UnreadByType(who->user.id);
    int count = 0;
    for (const auto& [type, n] : unread ? *unread : std::map<std::string, int>{}) count += n;
    // The page that shows them: referrals' messages first, else intelligence outcomes.
    bool only_intelligence = unread && count > 0 && unread->contains("intelligence") &&
                             unread->at("intelligence") == count;
    layout.emplace(
        "user",
        mstch::map{{"display_name", who->user.display_name},
                   {"role_label", Str(access::Label(who->user.role))},
                   {"agency_name", who->agency.name},
                   {"unread", count},
                   {"unread_href", Str(only_intelligence ? "/my/intelligence" : "/my/referrals")},
                   {"unread_noun", Str(count == 1 ? "message" : "messages")}});
  }
  if (auto it = context.find("back_href"); it != context.end())
    layout.emplace("back_href", it->second);
  if (auto it = context.find("flash"); it != context.end()) layout.emplace("flash", it->second);
  return Response::Html(status, templates_.Render("core/layout", layout));
}

Response Pages::FormPage(const Principal& who, const Request& request, std::string_view title,
                         std::string_view page, mstch::map context, const Error* problems) const {
  if (problems == nullptr) return Page(&who, request, title, page, std::move(context));
  return Page(&who, request, "Error: " + std::string(title), page, std::move(context),
              StatusFor(problems->kind));
}

Response Pages::ErrorPage(const Principal* who, const Request& request, const Error& error) const {
  unsigned status = StatusFor(error.kind);
  if (status == StatusFor(ErrorKind::kNotFound)) return NotFoundPage(who, request);
  bool forbidden = status == StatusFor(ErrorKind::kForbidden);
  std::string title = forbidden ? "You do not have access to this page"
                                : "Sorry, there is a problem with the service";
  return Page(who, request, title, forbidden ? "core/forbidden" : "core/error",
              mstch::map{{"message", error.message}, {"error_id", request.request_id}}, status);
}

Response Pages::NotFoundPage(const Principal* who, const Request& request) const {
  return Page(who, request, "Page not found", "core/not-found", mstch::map{},
              StatusFor(ErrorKind::kNotFound));
}

}  // namespace harbour::web
