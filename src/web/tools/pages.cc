// Risk tools: the administrator registers new versions and chooses the partnership's active
// tool; anyone signed in can read how a tool version asks and scores (transparency).
#include <algorithm>
#include <charconv>

#include "web/core/view_helpers.h"
#include "web/tools/handlers.h"
#include "web/tools/tools.h"

namespace harbour::web {

namespace {

constexpr std::size_t kMaxToolText = 256 * 1024;

std::string DueText(const assessments::Action& a) {
  if (a.due_hours) return "within " + std::to_string(*a.due_hours) + " hours";
  int days = a.due_working_days.value_or(0);
  if (days == 0) return "the same working day";
  return "within " + std::to_string(days) + (days == 1 ? " working day" : " working days");
}

mstch::array ActionList(const std::vector<assessments::Action>& actions,
                        const reference::Catalogue& catalogue) {
  mstch::array out;
  for (const auto& a : actions) {
    out.push_back(mstch::map{
        {"text", a.text}, {"who", tasks::WhoLabel(a.who, catalogue)}, {"due", DueText(a)}});
  }
  return out;
}

}  // namespace

Response ToolsHandlers::ToolsAdmin(Request& request, const Principal& who) {
  return ToolsPage(request, who, nullptr, "");
}

Response ToolsHandlers::ToolsPage(Request& request, const Principal& who, const Error* problem,
                                  const std::string& typed) {
  auto decision = access::Decide(who.Subject(), access::Action::kManageTools);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kManageTools,
                  "Only administrators manage risk tools.");
  }
  auto active = tools_.ActiveId();
  if (!active) return ErrorPage(&who, request, active.error());
  auto versions = tools_.Versions();
  if (!versions) return ErrorPage(&who, request, versions.error());
  mstch::array rows;
  std::vector<std::pair<std::string, std::string>> choices;
  for (const auto& v : *versions) {
    rows.push_back(mstch::map{{"tool_id", v.tool_id},
                              {"version", v.version},
                              {"name", v.name},
                              {"scheme", v.scheme},
                              {"fingerprint", v.fingerprint.substr(0, 16)},
                              {"registered_at", FormatLondonDateTime(v.registered_at)},
                              {"registered_by", v.registered_by},
                              {"active", v.tool_id == *active}});
    if (choices.empty() || choices.back().first != v.tool_id) {
      choices.emplace_back(v.tool_id, v.name);
    }
  }
  // The banner names the registered version only when it is one of the versions listed.
  std::string registered = request.query.Get("registered");
  bool known = std::ranges::any_of(*versions, [&](const auto& v) {
    return registered == v.tool_id + " version " + std::to_string(v.version);
  });
  mstch::map context{{"versions", rows},
                     {"tool_options", Options(choices, *active)},
                     {"active_tool", *active},
                     {"definition", typed},
                     {"registered", Str(known ? registered : "")},
                     {"activated", request.query.Get("activated") == "1"},
                     {"unchanged", request.query.Get("unchanged") == "1"}};
  if (problem != nullptr) {
    // In file order: the fields are keyed "line N: field", which sort as text.
    std::vector<std::pair<std::string, std::string>> fields(problem->fields.begin(),
                                                            problem->fields.end());
    auto line_of = [](const std::string& key) {
      int line = 0;
      if (key.starts_with("line ")) std::from_chars(key.data() + 5, key.data() + key.size(), line);
      return line;
    };
    std::ranges::stable_sort(fields, {}, [&](const auto& f) { return line_of(f.first); });
    mstch::array errors;
    for (const auto& [field, message] : fields) {
      errors.push_back(
          mstch::map{{"message", field + ": " + message}, {"href", Str("#definition")}});
    }
    if (errors.empty()) {
      errors.push_back(mstch::map{{"message", problem->message}, {"href", Str("#definition")}});
    }
    context["has_errors"] = true;
    context["errors"] = errors;
    context["definition_error"] = problem->message;
  }
  return FormPage(who, request, "Risk tools", "tools/tools", context, problem);
}

Response ToolsHandlers::RegisterTool(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kManageTools);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kManageTools,
                  "Only administrators manage risk tools.");
  }
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  std::string text = form->Get("definition");
  if (Trim(text).empty() || text.size() > kMaxToolText) {
    Error e{ErrorKind::kInvalid,
            "validation_failed",
            text.size() > kMaxToolText ? "The tool file must be 256 KB or smaller."
                                       : "Paste the tool file (TOML) to register.",
            {}};
    return ToolsPage(request, who, &e, text.size() > kMaxToolText ? "" : text);
  }
  auto done = tools_.Register(
      text, who.user.username,
      AuditEntry(who, request, "tool.register", "risk_tool", "", "allowed", decision.purpose),
      clock_.Now());
  if (!done) {
    AuditRefusal(AuditEntry(who, request, "tool.register", "risk_tool", "", "refused",
                            decision.purpose, done.error().message));
    if (done.error().kind == ErrorKind::kInvalid || done.error().kind == ErrorKind::kConflict) {
      return ToolsPage(request, who, &done.error(), text);
    }
    return ErrorPage(&who, request, done.error());
  }
  if (done->registration == assessments::Registration::kAlreadyRegistered) {
    return Response::Redirect("/tools?unchanged=1");
  }
  return Response::Redirect(
      "/tools?registered=" +
      PercentEncode(done->tool->id + " version " + std::to_string(done->tool->version)));
}

Response ToolsHandlers::ActivateTool(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kManageTools);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kManageTools,
                  "Only administrators manage risk tools.");
  }
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  auto done = tools_.Activate(
      form->Get("tool"), who.user.username,
      AuditEntry(who, request, "tool.activate", "risk_tool", "", "allowed", decision.purpose),
      clock_.Now());
  if (!done) {
    if (done.error().kind == ErrorKind::kInvalid) return ToolsPage(request, who, &done.error(), "");
    return ErrorPage(&who, request, done.error());
  }
  return Response::Redirect("/tools?activated=1");
}

Response ToolsHandlers::ViewToolVersion(Request& request, const Principal& who) {
  std::string version_text = request.Param("version");
  int version = 0;
  auto [end, ec] =
      std::from_chars(version_text.data(), version_text.data() + version_text.size(), version);
  if (ec != std::errc() || end != version_text.data() + version_text.size()) {
    return NotFoundPage(&who, request);
  }
  auto tool = tools_.Load(request.Param("id"), version);
  if (!tool) return ErrorPage(&who, request, tool.error());
  const assessments::ToolDefinition& t = **tool;
  mstch::array levels;
  for (const auto& level : t.levels) {
    levels.push_back(mstch::map{{"label", level.label},
                                {"colour", level.colour},
                                {"review_days", level.review_days},
                                {"actions", ActionList(level.actions, catalogue_)}});
  }
  mstch::array sections;
  for (const auto& section : t.sections) {
    mstch::array questions;
    for (const auto& q : section.indicators) {
      std::string scoring;
      if (t.scheme == assessments::Scheme::kPoints) {
        scoring = std::to_string(q.points.current) + " current / " + std::to_string(q.points.past) +
                  " past / " + std::to_string(q.points.both) + " both";
      }
      if (const auto* s = t.FindLevel(q.suggested)) scoring = "Suggests " + s->label;
      if (const auto* l = t.FindLevel(q.at_least)) {
        scoring += (scoring.empty() ? "" : "; ") + std::string("at least ") + l->label;
      }
      if (q.immediate_action)
        scoring += (scoring.empty() ? "" : "; ") + std::string("immediate action");
      questions.push_back(mstch::map{{"code", q.code},
                                     {"question", q.question},
                                     {"guidance", q.guidance},
                                     {"scoring", scoring}});
    }
    sections.push_back(mstch::map{{"title", section.title}, {"questions", questions}});
  }
  mstch::array bands, rules, floors;
  for (const auto& b : t.bands) {
    bands.push_back(mstch::map{{"from", b.from}, {"level", LevelTag(t, b.level)}});
  }
  for (const auto& r : t.rules) rules.push_back(mstch::map{{"description", r.description}});
  for (const auto& f : t.floors) floors.push_back(mstch::map{{"description", f.description}});
  mstch::map context{{"id", t.id},
                     {"name", t.name},
                     {"description", t.description},
                     {"version", t.version},
                     {"scheme", Str(assessments::ToCode(t.scheme))},
                     {"fingerprint", t.fingerprint},
                     {"current_days", t.look_back.current_days},
                     {"past_days", t.look_back.past_days},
                     {"levels", levels},
                     {"sections", sections},
                     {"bands", bands},
                     {"has_bands", !bands.empty()},
                     {"rules", rules},
                     {"has_rules", !rules.empty()},
                     {"floors", floors},
                     {"has_floors", !floors.empty()},
                     {"immediate_actions", ActionList(t.immediate.actions, catalogue_)},
                     {"has_immediate", !t.immediate.actions.empty()}};
  return Page(&who, request, t.name + " version " + std::to_string(t.version), "tools/tool",
              context);
}

}  // namespace harbour::web
