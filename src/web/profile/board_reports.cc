// The board report (issue 12): the live profile's published release as a PDF for analysts and
// coordinators, and the register of published board reports: a coordinator publishes the
// report for a period that has ended, suppressed against the published report it contains
// (profile/register.h); everyone signed in lists and downloads them. Every download and
// publication is audited.
#include "common/ids.h"
#include "profile/register.h"
#include "web/core/errors.h"
#include "web/core/view_helpers.h"
#include "web/profile/board_report.h"
#include "web/profile/handlers.h"

namespace harbour::web {
namespace {

const std::vector<std::string> kPublishFieldOrder = {"period", "from", "to"};

const Error kNoFonts{ErrorKind::kUnavailable,
                     "pdf_fonts_missing",
                     "The PDF board report has no fonts set up ([pdf] in harbour.toml). Use the "
                     "CSV or XLSX export.",
                     {}};

// The periods that have ended by `today`, newest first: quarters, years, financial years.
std::vector<std::pair<std::string, std::string>> EndedPeriods(Date today) {
  std::vector<std::pair<std::string, std::string>> choices;
  for (const auto& p : profile::OfferedPeriods(today, true)) {
    choices.emplace_back(profile::PeriodCode(p), profile::PeriodLabel(p));
  }
  return choices;
}

// Only the period's fields of a form: a board report is for the whole area, published.
FormData PeriodFields(const FormData& form) {
  FormData out;
  for (const char* name :
       {"period", "from_day", "from_month", "from_year", "to_day", "to_month", "to_year"}) {
    if (form.Has(name)) out.Add(name, form.Get(name));
  }
  return out;
}

std::string PeriodLabelOf(const storage::BoardReportRecord& r) {
  if (auto named = profile::ParsePeriod(r.period_code)) return profile::PeriodLabel(*named);
  return profile::PeriodLabel(
      {.kind = profile::PeriodKind::kCustom, .first = r.period_first, .last = r.period_last});
}

std::vector<profile::PublishedPeriod> Published(
    const std::vector<storage::BoardReportRecord>& register_entries) {
  std::vector<profile::PublishedPeriod> out;
  out.reserve(register_entries.size());
  for (const auto& r : register_entries) {
    out.push_back(
        {r.id,
         PeriodLabelOf(r),
         {.kind = profile::PeriodKind::kCustom, .first = r.period_first, .last = r.period_last}});
  }
  return out;
}

}  // namespace

Response ProfileHandlers::ReportPdf(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kExportProfile);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kExportProfile,
                  "Only analysts and coordinators export the problem profile. Published board "
                  "reports are at /profile/reports.");
  }
  if (!pdf_fonts_) return ErrorPage(&who, request, kNoFonts);
  auto computed = ComputeRequest(request.query, who);
  if (!computed) return ProblemPage(who, request, computed.error());
  BoardReport report{
      .header = ExportHeaderOf(*computed, clock_.Now()),
      .shown = computed->shown,
      .trend = computed->trend,
      .monitoring = computed->monitoring,
      .published = "Not in the register: made from the live profile when it was downloaded."};
  auto pdf = BoardReportPdf(report, *pdf_fonts_);
  if (!pdf) return ErrorPage(&who, request, pdf.error());
  if (!Audit(AuditEntry(who, request, "profile.export", "profile", computed->PeriodCode(),
                        "allowed", decision.purpose, "pdf; " + computed->Described()))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  return Download(std::move(*pdf), "application/pdf",
                  "harbour-board-report-" + computed->PeriodCode() + ".pdf");
}

Response ProfileHandlers::BoardReports(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kReadBoardReports);
  if (!decision.allowed) {
    return Refuse(
        who, request, decision, access::Action::kReadBoardReports,
        "The board reports are the partnership's; regional analysts read the region's returns.");
  }
  return BoardReportsPage(who, request, {}, nullptr);
}

Response ProfileHandlers::BoardReportsPage(const Principal& who, const Request& request,
                                           const FormData& form, const Error* problems) {
  auto entries = board_reports_.List();
  if (!entries) return ErrorPage(&who, request, entries.error());
  std::map<std::string, std::string> labels_by_id;
  for (const auto& r : *entries) labels_by_id[r.id] = PeriodLabelOf(r);
  mstch::array reports;
  for (const auto& r : *entries) {
    std::string against =
        r.checked_against.empty() ? std::string() : labels_by_id[r.checked_against];
    reports.push_back(mstch::map{{"id", r.id},
                                 {"period_label", labels_by_id[r.id]},
                                 {"published_at", FormatLondonDateTime(r.published_at)},
                                 {"published_by", r.published_by_name},
                                 {"agency", r.agency_name},
                                 {"checked_against", against},
                                 {"sha256", r.pdf_sha256}});
  }
  bool may_publish = access::Decide(who.Subject(), access::Action::kPublishBoardReport).allowed;
  std::string period = Trim(form.Get("period"));
  auto choices = EndedPeriods(LondonDate(clock_.Now()));
  if (period.empty() && !choices.empty()) period = choices.front().first;
  mstch::map context{
      {"reports", reports},
      {"has_reports", !reports.empty()},
      {"may_publish", may_publish},
      {"may_export", access::Decide(who.Subject(), access::Action::kViewProfile).allowed},
      {"period_options", Options(choices, period)},
  };
  AddValues(context, form);
  if (problems != nullptr) {
    AddErrors(context, *problems, kPublishFieldOrder);
    return FormPage(who, request, "Published board reports", "profile/reports", std::move(context),
                    problems);
  }
  return Page(&who, request, "Published board reports", "profile/reports", std::move(context));
}

Result<storage::BoardReportRecord> ProfileHandlers::MakeBoardReport(const profile::Query& query,
                                                                    profile::Labels labels,
                                                                    const Principal& who) {
  auto entries = board_reports_.List();
  if (!entries) return std::unexpected(entries.error());
  Instant now = clock_.Now();
  auto against = profile::EarlierToCheckAgainst(query.period, Published(*entries), LondonDate(now));
  if (!against) return std::unexpected(against.error());
  std::optional<profile::EarlierRelease> earlier;
  std::string checked_note;
  if (*against) {
    auto entry = board_reports_.Find(**against);
    if (!entry) return std::unexpected(entry.error());
    if (!*entry) return Fail(ErrorKind::kInternal, "register_corrupt", "A report went missing.");
    auto cells = profile::ParseEarlierRelease((*entry)->tables);
    if (!cells) return std::unexpected(cells.error());
    earlier = std::move(*cells);
    checked_note = "; suppressed against the published report for " + PeriodLabelOf(**entry);
  }
  auto computed = Compute(query, std::move(labels), false, earlier ? &*earlier : nullptr);
  if (!computed) return std::unexpected(computed.error());
  storage::BoardReportRecord record{
      .id = NewId(),
      .period_code = computed->PeriodCode(),
      .period_first = query.period.first,
      .period_last = query.period.last,
      .published_at = now,
      .published_by = who.user.id,
      .published_by_name = who.user.display_name,
      .agency_name = who.agency.name,
      .checked_against = against->value_or(""),
      .tables = profile::EarlierReleaseJson(profile::PublishedCells(computed->shown)),
      .pdf = {},
      .pdf_sha256 = {}};
  BoardReport report{.header = ExportHeaderOf(*computed, now),
                     .shown = computed->shown,
                     .trend = computed->trend,
                     .monitoring = computed->monitoring,
                     .published = "Published by " + who.user.display_name + " (" + who.agency.name +
                                  ") on " + FormatLondonDateTime(now) + checked_note + "."};
  auto pdf = BoardReportPdf(report, *pdf_fonts_);
  if (!pdf) return std::unexpected(pdf.error());
  record.pdf = std::move(*pdf);
  return record;
}

Response ProfileHandlers::PublishBoardReport(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kPublishBoardReport);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kPublishBoardReport,
                  "Only coordinators publish the board report.");
  }
  auto parsed = ParseUrlEncoded(request.body);
  if (!parsed) return ErrorPage(&who, request, parsed.error());
  const FormData form = PeriodFields(*parsed);
  if (!pdf_fonts_) return ErrorPage(&who, request, kNoFonts);
  auto labels = ReadLabels();
  if (!labels) return ErrorPage(&who, request, labels.error());
  auto query = ParseQuery(form, *labels, who);
  Result<storage::BoardReportRecord> record =
      query ? MakeBoardReport(*query, *labels, who)
            : Result<storage::BoardReportRecord>(std::unexpected(query.error()));
  if (!record) {
    const Error& e = record.error();
    if (e.kind != ErrorKind::kInvalid && e.kind != ErrorKind::kConflict) {
      return ErrorPage(&who, request, e);
    }
    return BoardReportsPage(who, request, *parsed, &e);
  }
  auto saved = Write("publishing a board report", [&](storage::Transaction& tx) -> Result<void> {
    // The register may have changed while the report was made: the rules again, on the
    // register as it stands, locked until this entry is written.
    auto still =
        profile::EarlierToCheckAgainst(query->period, Published(board_reports_.ListLockedIn(tx)),
                                       LondonDate(record->published_at));
    if (!still) return std::unexpected(still.error());
    if (still->value_or("") != record->checked_against) {
      return Fail(ErrorKind::kConflict, "register_changed",
                  "Another board report was published while this one was being made. Publish "
                  "it again.");
    }
    board_reports_.InsertIn(tx, *record);
    AuditIn(tx, AuditEntry(who, request, "profile.publish", "board_report", record->id, "allowed",
                           decision.purpose,
                           record->period_code + (record->checked_against.empty()
                                                      ? std::string()
                                                      : "; against " + record->checked_against)));
    return {};
  });
  if (!saved) {
    const Error& e = saved.error();
    if (e.kind != ErrorKind::kConflict) return ErrorPage(&who, request, e);
    // A rule's own refusal names the field; a unique violation (the same period, published in
    // the same moment) does not.
    Error taken = e;
    if (taken.fields.empty()) {
      if (e.code != "register_changed") {
        taken.message = "The register changed while this report was being made: " + e.message;
      }
      taken.fields["period"] = taken.message;
    }
    return BoardReportsPage(who, request, *parsed, &taken);
  }
  return Response::Redirect("/profile/reports");
}

Response ProfileHandlers::BoardReportDownload(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kReadBoardReports);
  if (!decision.allowed) {
    return Refuse(
        who, request, decision, access::Action::kReadBoardReports,
        "The board reports are the partnership's; regional analysts read the region's returns.");
  }
  std::string id = request.Param("id");
  if (!IsValidId(id)) return NotFoundPage(&who, request);
  auto entry = board_reports_.Find(id);
  if (!entry) return ErrorPage(&who, request, entry.error());
  if (!*entry) return NotFoundPage(&who, request);
  if (!Audit(AuditEntry(who, request, "profile.report.download", "board_report", id, "allowed",
                        decision.purpose, (*entry)->period_code))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  return Download(std::move((*entry)->pdf), "application/pdf",
                  "harbour-board-report-" + (*entry)->period_code + "-published.pdf");
}

}  // namespace harbour::web
