// The duplicate-review queue, a pair's review, merge and undo (pages), and the check before a
// child is added.
#include <cmath>
#include <cstdio>

#include "common/ids.h"
#include "common/text.h"
#include "matching/check.h"
#include "matching/model_json.h"
#include "web/core/errors.h"
#include "web/core/view_helpers.h"
#include "web/matching/handlers.h"

namespace harbour::web {

namespace {

using matching::kLikelyMatch;
using matching::kNearCertainMatch;
constexpr int kCandidates = 500;  // children read per check
constexpr int kQueueShown = 200;
constexpr std::size_t kMostReason = 2000;

matching::MatchRecord RecordOf(const children::Child& c) {
  matching::MatchRecord r;
  r.id = c.id;
  r.agency = c.created_by_agency;
  r.given_name = c.given_name;
  r.family_name = c.family_name;
  r.date_of_birth = c.date_of_birth;
  if (c.sex != children::Sex::kNotKnown) r.sex = std::string(children::ToCode(c.sex));
  r.postcode = c.postcode;
  return r;
}

std::string Fixed(double value, int places) {
  char text[32];
  std::snprintf(text, sizeof text, "%+.*f", places, value);
  return text;
}

std::string Percent(double probability) {
  if (probability >= 0.9999) return "over 99.99%";
  if (probability < 0.0001) return "under 0.01%";
  char text[32];
  std::snprintf(text, sizeof text, "%.2f%%", probability * 100.0);
  return text;
}

// The waterfall as rows: each bar's label, level, signed weight, and a width step (0..10) and
// direction for the bar drawn beside it; the running total after each bar.
mstch::array WaterfallRows(const matching::Explanation& e) {
  mstch::array rows;
  double total = 0;
  for (const auto& bar : e.bars) {
    total += bar.weight;
    int step = std::min(10, int(std::lround(std::fabs(bar.weight) / 2.0)));
    rows.push_back(mstch::map{{"label", bar.label},
                              {"level", bar.level},
                              {"weight", Fixed(bar.weight, 1)},
                              {"total", Fixed(total, 1)},
                              {"for", bar.weight >= 0},
                              {"step", std::to_string(step)}});
  }
  return rows;
}

Error Problem(const std::string& field, const std::string& message) {
  return Error{ErrorKind::kInvalid, "validation_failed", message, {{field, message}}};
}

// The reason a reviewer gives: required, at most 2,000 characters of text.
Result<std::string> ReasonFrom(const FormData& form) {
  std::string reason = Trim(form.Get("reason"));
  if (reason.empty())
    return std::unexpected(Problem("reason", "Give the reason for your decision"));
  if (CharacterCount(reason) > kMostReason || HasControlCharacters(reason, true)) {
    return std::unexpected(Problem("reason",
                                   "Give the reason in 2,000 characters or fewer, using only "
                                   "letters, numbers, spaces and punctuation"));
  }
  return reason;
}

std::string Count(long long n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

bool DuplicateCheck::NearCertain() const {
  if (hidden_near_certain) return true;
  return std::any_of(visible.begin(), visible.end(),
                     [](const Likely& l) { return l.probability >= kNearCertainMatch; });
}

Result<std::shared_ptr<const matching::Model>> MatchingHandlers::CurrentModel() {
  auto last = matching_.LastRun(/*with_model=*/false);
  if (!last) return std::unexpected(last.error());
  std::string run = *last ? (*last)->id : "";
  std::lock_guard lock(model_mu_);
  if (model_ != nullptr && run == model_run_) return model_;
  if (run.empty()) {
    model_ = std::make_shared<const matching::Model>(matching::StartingModel());
    model_run_.clear();
    return model_;
  }
  auto full = matching_.LastRun(/*with_model=*/true);
  if (!full) return std::unexpected(full.error());
  if (!*full) return Fail(ErrorKind::kInternal, "no_model", "The last match run has gone.");
  auto model = matching::ModelFromJson((*full)->model_json);
  if (!model) return std::unexpected(model.error());
  model_ = std::make_shared<const matching::Model>(std::move(*model));
  model_run_ = (*full)->id;
  return model_;
}

Result<DuplicateCheck> MatchingHandlers::LikelyChildren(const Principal& who,
                                                        const Request& request,
                                                        const children::Child& child) {
  auto model = CurrentModel();
  if (!model) return std::unexpected(model.error());
  matching::MatchRecord person = RecordOf(child);
  auto held = matching_.CandidatesFor(person, kCandidates);
  if (!held) return std::unexpected(held.error());
  auto likely = matching::LikelyMatches(**model, *variants_, person, *held, kLikelyMatch);
  DuplicateCheck check;
  if (likely.empty()) return check;
  std::vector<std::string> ids;
  std::vector<const matching::LikelyMatch*> shown;
  for (const auto& match : likely) {
    const auto& record = (*held)[match.index];
    auto context = children_.Context(record.id, who.user.id, clock_.Now());
    if (!context) return std::unexpected(context.error());
    bool visible = access::CanSeeChild(who.Subject(), *context);
    if (match.explanation.probability >= kNearCertainMatch) {
      check.near_certain.push_back({record.id, match.explanation.weight, visible});
    }
    if (!visible) {
      ++check.hidden;
      check.hidden_near_certain |= match.explanation.probability >= kNearCertainMatch;
      continue;
    }
    ids.push_back(record.id);
    shown.push_back(&match);
  }
  auto found = children_.FindMany(ids);
  if (!found) return std::unexpected(found.error());
  for (std::size_t i = 0; i < found->size() && i < shown.size(); ++i) {
    check.visible.push_back({.child = std::move((*found)[i]),
                             .probability = shown[i]->explanation.probability,
                             .reasons = matching::ReasonsFor(shown[i]->explanation)});
  }
  std::string detail = "duplicate check: " + std::to_string(check.visible.size()) + " shown, " +
                       std::to_string(check.hidden) + " outside access";
  for (const auto& l : check.visible) detail += " " + l.child.id;
  auto decision = access::Decide(who.Subject(), access::Action::kSearchChildren);
  if (!Audit(AuditEntry(who, request, "child.search", "child", "", "allowed", decision.purpose,
                        detail))) {
    return std::unexpected(kAuditUnavailable);
  }
  return check;
}

Result<storage::MatchReview> MatchingHandlers::ReviewFor(const Principal& who,
                                                         const Request& request,
                                                         std::string_view id) {
  auto decision = access::Decide(who.Subject(), access::Action::kReviewDuplicates);
  if (!decision.allowed) {
    AuditRefusal(AuditEntry(who, request, "child.merge", "match_review", IsValidId(id) ? id : "",
                            "refused", {}, decision.reason));
    return Fail(ErrorKind::kForbidden, "forbidden",
                "Only the exploitation coordinator reviews duplicate records.");
  }
  if (!IsValidId(id)) return NotFound("There is no such pair to review.");
  auto review = matching_.FindReview(id);
  if (!review) return std::unexpected(review.error());
  if (!*review) return NotFound("There is no such pair to review.");
  return std::move(**review);
}

Result<storage::ChildMerge> MatchingHandlers::MergeFor(const Principal& who, const Request& request,
                                                       std::string_view id) {
  auto decision = access::Decide(who.Subject(), access::Action::kReviewDuplicates);
  if (!decision.allowed) {
    AuditRefusal(AuditEntry(who, request, "child.unmerge", "child_merge", IsValidId(id) ? id : "",
                            "refused", {}, decision.reason));
    return Fail(ErrorKind::kForbidden, "forbidden",
                "Only the exploitation coordinator undoes a merge.");
  }
  if (!IsValidId(id)) return NotFound("There is no such merge.");
  auto merge = matching_.FindMerge(id);
  if (!merge) return std::unexpected(merge.error());
  if (!*merge) return NotFound("There is no such merge.");
  return std::move(**merge);
}

Result<mstch::array> MatchingHandlers::MergeRows(const Principal& who,
                                                 const children::Child& child) {
  auto merges = matching_.MergesOf(child.id);
  if (!merges) return std::unexpected(merges.error());
  bool can_undo = access::Decide(who.Subject(), access::Action::kReviewDuplicates).allowed;
  std::vector<std::string> ids;
  for (const auto& m : *merges)
    ids.push_back(m.survivor_id == child.id ? m.absorbed_id : m.survivor_id);
  auto others = children_.FindMany(ids);
  if (!others) return std::unexpected(others.error());
  mstch::array rows;
  for (const auto& m : *merges) {
    const std::string& other_id = m.survivor_id == child.id ? m.absorbed_id : m.survivor_id;
    std::string other_name = "another record";
    for (const auto& o : *others) {
      if (o.id == other_id) other_name = children::DisplayName(o);
    }
    rows.push_back(mstch::map{{"merge_id", m.id},
                              {"absorbed_here", m.survivor_id == child.id},
                              {"other_name", other_name},
                              {"merged_by", m.merged_by_name},
                              {"merged_at", FormatLondonDateTime(m.merged_at)},
                              {"undone", m.undone_at.has_value()},
                              {"undone_at", m.undone_at ? FormatLondonDateTime(*m.undone_at) : ""},
                              {"undone_by", m.undone_by_name},
                              {"can_undo", can_undo && !m.undone_at}});
  }
  return rows;
}

// --- the queue --------------------------------------------------------------------------

Response MatchingHandlers::Queue(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kReviewDuplicates);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kReviewDuplicates,
                  "Only the exploitation coordinator reviews duplicate records.");
  }
  auto reviews = matching_.OpenReviews(kQueueShown);
  if (!reviews) return ErrorPage(&who, request, reviews.error());
  auto total = matching_.OpenReviewCount();
  if (!total) return ErrorPage(&who, request, total.error());
  std::vector<std::string> ids;
  for (const auto& r : *reviews) {
    ids.push_back(r.first_id);
    ids.push_back(r.second_id);
  }
  auto found = children_.FindMany(ids);
  if (!found) return ErrorPage(&who, request, found.error());
  std::map<std::string, const children::Child*> by_id;
  for (const auto& c : *found) by_id[c.id] = &c;
  Date today = LondonDate(clock_.Now());
  mstch::array rows;
  for (const auto& r : *reviews) {
    auto a = by_id.find(r.first_id), b = by_id.find(r.second_id);
    if (a == by_id.end() || b == by_id.end()) continue;
    rows.push_back(mstch::map{{"id", r.id},
                              {"first", ChildSummary(*a->second, today)},
                              {"second", ChildSummary(*b->second, today)},
                              {"probability", Percent(matching::ProbabilityOf(r.weight))},
                              {"unsure", r.status == storage::ReviewStatus::kUnsure},
                              {"found", FormatLongDate(LondonDate(r.found_at))}});
  }
  if (!Audit(AuditEntry(who, request, "child.merge", "match_review", "", "allowed",
                        decision.purpose,
                        "review queue: " + std::to_string(rows.size()) + " pairs shown"))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  mstch::map context{{"reviews", rows},
                     {"has_reviews", !rows.empty()},
                     {"total", Count(*total, "pair to review", "pairs to review")},
                     {"more", *total > static_cast<long long>(rows.size())},
                     {"decided", request.query.Get("decided")}};
  context["decided_merged"] = request.query.Get("decided") == "merged";
  context["decided_not_same"] = request.query.Get("decided") == "not_same";
  context["decided_unsure"] = request.query.Get("decided") == "unsure";
  context["undone"] = request.query.Get("undone") == "1";
  auto last = matching_.LastRun(/*with_model=*/false);
  if (!last) return ErrorPage(&who, request, last.error());
  if (*last) {
    const auto& run = **last;
    context["last_run"] =
        mstch::map{{"finished", FormatLondonDateTime(run.finished_at)},
                   {"records", Count(run.records, "child", "children")},
                   {"pairs", Count(run.pairs, "pair", "pairs")},
                   {"queued", Count(run.queued, "new pair", "new pairs")},
                   {"linked", Count(run.linked, "record", "records")},
                   {"seconds", std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                                  run.finished_at - run.started_at)
                                                  .count())}};
  }
  return Page(&who, request, "Duplicate records", "matching/queue", context);
}

// --- a pair -----------------------------------------------------------------------------

Response MatchingHandlers::Review(Request& request, const Principal& who) {
  auto review = ReviewFor(who, request, request.Param("id"));
  if (!review) return ErrorPage(&who, request, review.error());
  return ReviewPage(request, who, *review, nullptr, nullptr);
}

Response MatchingHandlers::ReviewPage(Request& request, const Principal& who,
                                      const storage::MatchReview& review, const FormData* form,
                                      const Error* problem) {
  access::Decision decision;
  auto first =
      AuthoriseChild(who, request, review.first_id, access::Action::kReviewDuplicates, &decision);
  if (!first) return ErrorPage(&who, request, first.error());
  auto second = AuthoriseChild(who, request, review.second_id, access::Action::kReviewDuplicates);
  if (!second) return ErrorPage(&who, request, second.error());
  auto model = CurrentModel();
  if (!model) return ErrorPage(&who, request, model.error());
  auto last = matching_.LastRun(/*with_model=*/false);
  if (!last) return ErrorPage(&who, request, last.error());
  auto explanation =
      matching::ExplainPair(**model, *variants_, RecordOf(*first), RecordOf(*second));
  auto agencies = agencies_.List();
  if (!agencies) return ErrorPage(&who, request, agencies.error());
  auto agency_name = [&](const std::string& id) {
    for (const auto& a : *agencies) {
      if (a.id == id) return a.name;
    }
    return std::string("Unknown agency");
  };
  Date today = LondonDate(clock_.Now());
  auto side = [&](const children::Child& c) -> Result<mstch::map> {
    auto holds = matching_.Holdings(c.id);
    if (!holds) return std::unexpected(holds.error());
    auto team = children_.Involved(c.id);
    if (!team) return std::unexpected(team.error());
    std::string agencies_text;
    for (const auto& t : *team)
      agencies_text += (agencies_text.empty() ? "" : ", ") + t.agency_name;
    std::string aliases;
    for (const auto& a : c.aliases) aliases += (aliases.empty() ? "" : ", ") + a;
    mstch::map m = ChildSummary(c, today);
    m.insert({{"aliases", aliases},
              {"sex", Str(children::Label(c.sex))},
              {"address", c.address},
              {"school", c.school},
              {"upn", c.upn},
              {"recorded_by", agency_name(c.created_by_agency)},
              {"created", FormatLongDate(LondonDate(c.created_at))},
              {"team", agencies_text},
              {"concerns", Count(holds->concerns, "concern", "concerns")},
              {"assessments", Count(holds->assessments, "assessment", "assessments")},
              {"referrals", Count(holds->referrals, "referral", "referrals")},
              {"missing", Count(holds->missing_episodes, "missing episode", "missing episodes")},
              {"flags", Count(holds->flags, "warning flag", "warning flags")},
              {"intelligence",
               Count(holds->intelligence, "intelligence report", "intelligence reports")}});
    return m;
  };
  auto a = side(*first);
  if (!a) return ErrorPage(&who, request, a.error());
  auto b = side(*second);
  if (!b) return ErrorPage(&who, request, b.error());
  if (!Audit({AuditEntry(who, request, "child.view", "child", first->id, "allowed",
                         decision.purpose, "duplicate review " + review.id),
              AuditEntry(who, request, "child.view", "child", second->id, "allowed",
                         decision.purpose, "duplicate review " + review.id)})) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  mstch::map context{
      {"review_id", review.id},
      {"first", *a},
      {"second", *b},
      {"bars", WaterfallRows(explanation)},
      {"weight", Fixed(explanation.weight, 1)},
      {"probability", Percent(explanation.probability)},
      {"trained", *last ? "the weights trained on " + FormatLondonDateTime((*last)->finished_at)
                        : std::string("the starting weights (no run yet)")},
      {"open", review.status == storage::ReviewStatus::kPending ||
                   review.status == storage::ReviewStatus::kUnsure},
      {"status", std::string(storage::ToCode(review.status))},
      {"decided_by", review.decided_by_name},
      {"decided_reason", review.reason}};
  if (review.decided_at) context["decided_at"] = FormatLondonDateTime(*review.decided_at);
  if (form != nullptr) {
    context["reason"] = form->Get("reason");
    AddChoiceFlags(context, *form, {"decision"});
  }
  if (problem != nullptr) AddErrors(context, *problem, {"decision", "reason"});
  std::string title = "Are these the same child?";
  if (problem != nullptr) {
    return FormPage(who, request, title, "matching/review", context, problem);
  }
  return Page(&who, request, title, "matching/review", context);
}

Result<void> MatchingHandlers::DoDecide(const Principal& who, const Request& request,
                                        const storage::MatchReview& review, const FormData& form) {
  std::string choice = form.Get("decision");
  bool merge = choice == "merge_first" || choice == "merge_second";
  if (!merge && choice != "not_same" && choice != "unsure") {
    return std::unexpected(Problem("decision", "Choose whether these are the same child"));
  }
  auto reason = ReasonFrom(form);
  if (!reason) return std::unexpected(reason.error());
  if (review.status != storage::ReviewStatus::kPending &&
      review.status != storage::ReviewStatus::kUnsure) {
    return Fail(ErrorKind::kConflict, "review_decided", "This pair has already been decided.");
  }
  access::Decision decision;
  auto first =
      AuthoriseChild(who, request, review.first_id, access::Action::kReviewDuplicates, &decision);
  if (!first) return std::unexpected(first.error());
  auto second = AuthoriseChild(who, request, review.second_id, access::Action::kReviewDuplicates);
  if (!second) return std::unexpected(second.error());
  Instant now = clock_.Now();
  std::string detail = "review " + review.id + "; " + choice;
  if (!merge) {
    auto status =
        choice == "not_same" ? storage::ReviewStatus::kNotSame : storage::ReviewStatus::kUnsure;
    bool not_same = choice == "not_same";
    return Write("recording a duplicate review", [&](storage::Transaction& tx) -> Result<void> {
      matching_.DecideIn(tx, review.id, status, who.user.id, *reason, now);
      for (const auto* c : {&*first, &*second}) {
        const std::string& other = c == &*first ? second->id : first->id;
        AuditIn(tx, AuditEntry(who, request, not_same ? "child.not_same" : "child.unsure", "child",
                               c->id, "allowed", decision.purpose, detail + " with " + other));
      }
      return {};
    });
  }
  const children::Child& survivor = choice == "merge_first" ? *first : *second;
  const children::Child& absorbed = choice == "merge_first" ? *second : *first;
  storage::ChildMerge m;
  m.id = NewId();
  m.survivor_id = survivor.id;
  m.absorbed_id = absorbed.id;
  m.review_id = review.id;
  m.merged_by = who.user.id;
  m.merged_at = now;
  m.reason = *reason;
  return Write("merging two children's records", [&](storage::Transaction& tx) -> Result<void> {
    auto summary = matching_.MergeIn(tx, m);
    matching_.DecideIn(tx, review.id, storage::ReviewStatus::kMerged, who.user.id, *reason, now);
    std::string what = "merge " + m.id + "; review " + review.id + "; " +
                       std::to_string(summary.moved) + " records moved, " +
                       std::to_string(summary.added) + " names and agencies added, " +
                       std::to_string(summary.left) + " left on the merged record";
    AuditIn(tx, {AuditEntry(who, request, "child.merge", "child", survivor.id, "allowed",
                            decision.purpose, what + "; absorbed " + absorbed.id),
                 AuditEntry(who, request, "child.merge", "child", absorbed.id, "allowed",
                            decision.purpose, what + "; merged into " + survivor.id)});
    return {};
  });
}

Response MatchingHandlers::Decide(Request& request, const Principal& who) {
  auto review = ReviewFor(who, request, request.Param("id"));
  if (!review) return ErrorPage(&who, request, review.error());
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  auto done = DoDecide(who, request, *review, *form);
  if (!done) {
    if (done.error().kind != ErrorKind::kInvalid) return ErrorPage(&who, request, done.error());
    return ReviewPage(request, who, *review, &*form, &done.error());
  }
  std::string choice = form->Get("decision");
  if (choice == "merge_first")
    return Response::Redirect("/children/" + review->first_id + "?merged=1");
  if (choice == "merge_second") {
    return Response::Redirect("/children/" + review->second_id + "?merged=1");
  }
  return Response::Redirect("/matching?decided=" + choice);
}

// --- undoing a merge --------------------------------------------------------------------

Response MatchingHandlers::MergePage(Request& request, const Principal& who) {
  auto merge = MergeFor(who, request, request.Param("id"));
  if (!merge) return ErrorPage(&who, request, merge.error());
  return MergeConfirmPage(request, who, *merge, nullptr, nullptr);
}

Response MatchingHandlers::MergeConfirmPage(Request& request, const Principal& who,
                                            const storage::ChildMerge& merge, const FormData* form,
                                            const Error* problem) {
  auto found = children_.FindMany({merge.survivor_id, merge.absorbed_id});
  if (!found) return ErrorPage(&who, request, found.error());
  if (found->size() != 2)
    return ErrorPage(&who, request,
                     Error{ErrorKind::kNotFound, "not_found", "There is no such merge.", {}});
  Date today = LondonDate(clock_.Now());
  mstch::map context{{"merge_id", merge.id},
                     {"survivor", ChildSummary((*found)[0], today)},
                     {"absorbed", ChildSummary((*found)[1], today)},
                     {"merged_by", merge.merged_by_name},
                     {"merged_at", FormatLondonDateTime(merge.merged_at)},
                     {"merge_reason", merge.reason},
                     {"undone", merge.undone_at.has_value()},
                     {"undone_by", merge.undone_by_name},
                     {"undo_reason", merge.undo_reason}};
  if (merge.undone_at) context["undone_at"] = FormatLondonDateTime(*merge.undone_at);
  if (form != nullptr) {
    context["reason"] = form->Get("reason");
    context["not_same_checked"] = form->Get("not_same") == "yes";
  }
  if (!Audit(AuditEntry(who, request, "child.view", "child", merge.survivor_id, "allowed",
                        "coordination", "merge " + merge.id))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  if (problem != nullptr) {
    AddErrors(context, *problem, {"reason"});
    return FormPage(who, request, "Undo a merge", "matching/merge", context, problem);
  }
  return Page(&who, request, "Undo a merge", "matching/merge", context);
}

Result<void> MatchingHandlers::DoUndo(const Principal& who, const Request& request,
                                      const storage::ChildMerge& merge, const FormData& form) {
  auto reason = ReasonFrom(form);
  if (!reason) return std::unexpected(reason.error());
  if (merge.undone_at) {
    return Fail(ErrorKind::kConflict, "merge_undone", "This merge has already been undone.");
  }
  access::Decision decision = access::Decide(who.Subject(), access::Action::kReviewDuplicates);
  auto survivor = children_.Find(merge.survivor_id);
  if (!survivor) return std::unexpected(survivor.error());
  if (!*survivor) return NotFound("There is no such merge.");
  if (!(*survivor)->merged_into.empty()) {
    return Fail(ErrorKind::kConflict, "survivor_merged",
                "The record this one was merged into has since been merged into another. Undo "
                "that merge first.");
  }
  bool not_same = form.Get("not_same") == "yes";
  Instant now = clock_.Now();
  return Write("undoing a merge", [&](storage::Transaction& tx) -> Result<void> {
    matching_.UnmergeIn(tx, merge, who.user.id, *reason, now);
    if (!merge.review_id.empty()) {
      matching_.DecideIn(
          tx, merge.review_id,
          not_same ? storage::ReviewStatus::kNotSame : storage::ReviewStatus::kUnsure, who.user.id,
          *reason, now);
    }
    std::string what = "merge " + merge.id + " undone" + (not_same ? "; not the same child" : "");
    AuditIn(tx, {AuditEntry(who, request, "child.unmerge", "child", merge.survivor_id, "allowed",
                            decision.purpose, what + "; restored " + merge.absorbed_id),
                 AuditEntry(who, request, "child.unmerge", "child", merge.absorbed_id, "allowed",
                            decision.purpose, what + "; split from " + merge.survivor_id)});
    return {};
  });
}

Response MatchingHandlers::Undo(Request& request, const Principal& who) {
  auto merge = MergeFor(who, request, request.Param("id"));
  if (!merge) return ErrorPage(&who, request, merge.error());
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  auto done = DoUndo(who, request, *merge, *form);
  if (!done) {
    if (done.error().kind != ErrorKind::kInvalid) return ErrorPage(&who, request, done.error());
    return MergeConfirmPage(request, who, *merge, &*form, &done.error());
  }
  return Response::Redirect("/children/" + merge->absorbed_id + "?unmerged=1");
}

}  // namespace harbour::web
