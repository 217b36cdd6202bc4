// The regional analyst's page (issue 12; docs/profile.md, "The regional analyst's page"): the
// partnerships' signed returns uploaded in one multipart/form-data form, every file checked
// against the trusted keys (read afresh at each upload) and combined only when all are good,
// then shown as published tables or downloaded as JSON or CSV, like `harbour profile aggregate`.
// The uploaded files are never stored; each upload is audited with its period and partnerships.
#include <optional>
#include <string>
#include <vector>

#include "common/codes.h"
#include "profile/core_return.h"
#include "web/core/errors.h"
#include "web/parse/multipart.h"
#include "web/profile/handlers.h"

namespace harbour::web {
namespace {

constexpr std::string_view kTitle = "Combine the partnerships' returns";
constexpr std::string_view kFilesField = "returns";
constexpr std::size_t kMaxReturns = 50;         // files in one upload
constexpr std::size_t kMaxFileNameShown = 120;  // characters of a file name in a problem line

enum class Format { kPage, kJson, kCsv };

inline constexpr auto kFormatCodes = MakeCodeTable<Format>({
    {Format::kPage, "page", "Show on the page"},
    {Format::kJson, "json", "Download JSON"},
    {Format::kCsv, "csv", "Download CSV"},
});
static_assert(IsCompleteCodeTable<kFormatCodes>());

// The form's choice; none chosen is the page.
std::optional<Format> FormatOf(std::string_view code) {
  if (code.empty()) return Format::kPage;
  return kFormatCodes.FromCode(code);
}

std::string_view FormatCode(Format format) { return kFormatCodes.Code(format); }

// "1 MiB", "512 KiB" or "1500 bytes".
std::string LimitText(std::size_t bytes) {
  constexpr std::size_t kKiB = 1024, kMiB = 1024 * 1024;
  if (bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  if (bytes % kKiB == 0) return std::to_string(bytes / kKiB) + " KiB";
  return std::to_string(bytes) + " bytes";
}

// The browser's file name as a problem line names it: "(no name)" when empty, cut when long.
std::string ShownFileName(const std::string& name) {
  if (name.empty()) return "(no name)";
  if (name.size() <= kMaxFileNameShown) return name;
  std::size_t cut = kMaxFileNameShown;
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return name.substr(0, cut) + "…";
}

// The files of the upload: the parts of the file input that carry a chosen file.
std::vector<const MultipartPart*> ChosenFiles(const std::vector<MultipartPart>& parts) {
  std::vector<const MultipartPart*> files;
  for (const auto& part : parts) {
    if (part.name != kFilesField || !part.filename) continue;
    if (part.filename->empty() && part.body.empty()) continue;  // the input with nothing chosen
    files.push_back(&part);
  }
  return files;
}

// Each file read as a return against `trusted`: the returns, and a line per problem.
std::vector<profile::ReceivedReturn> ReadReturns(const std::vector<const MultipartPart*>& files,
                                                 const profile::TrustedKeys& trusted,
                                                 std::vector<std::string>& problems) {
  std::vector<profile::ReceivedReturn> received;
  for (const MultipartPart* file : files) {
    const std::string name = ShownFileName(*file->filename);
    auto read = profile::ReadReturn(file->body, trusted, name);
    if (!read) {
      profile::AppendReturnProblems(name, read.error(), problems);
      continue;
    }
    received.push_back({name, std::move(*read)});
  }
  return received;
}

// The published tables for the page, grouped in the profile's sections.
mstch::array ShownSections(const std::vector<profile::ShownBreakdown>& shown) {
  mstch::array sections;
  for (const auto& [id, title] : ProfileSections()) {
    mstch::array tables;
    for (const auto& b : shown) {
      if (b.section != id) continue;
      mstch::array rows;
      for (const auto& r : b.rows) {
        rows.push_back(
            mstch::map{{"label", r.label},
                       {"count", profile::CountText(r.count)},
                       {"percent", profile::PercentText(r.percent, r.percent_suppressed)},
                       {"not_recorded", r.not_recorded}});
      }
      tables.push_back(mstch::map{{"id", b.id},
                                  {"title", b.title},
                                  {"counting", b.counting},
                                  {"exclusive", b.exclusive},
                                  {"rows", rows},
                                  {"total", profile::CountText(b.total)},
                                  {"note", b.note},
                                  {"has_note", !b.note.empty()}});
    }
    if (tables.empty()) continue;
    sections.push_back(mstch::map{{"id", id}, {"title", title}, {"tables", tables}});
  }
  return sections;
}

mstch::map CombinedContext(const profile::Combined& combined,
                           const std::vector<profile::ReceivedReturn>& received,
                           const std::vector<profile::ShownBreakdown>& shown) {
  mstch::array partnerships;
  for (std::size_t i = 0; i < combined.partnerships.size(); ++i) {
    const auto& [code, name] = combined.partnerships[i];
    partnerships.push_back(mstch::map{{"code", code},
                                      {"name", name},
                                      {"file", i < received.size() ? received[i].file_name : ""}});
  }
  return mstch::map{{"period_label", profile::PeriodLabel(combined.period)},
                    {"period_code", profile::PeriodCode(combined.period)},
                    {"partnerships", partnerships},
                    {"sections", ShownSections(shown)}};
}

// For the audit trail: the format, the period and the partnerships, never the figures.
std::string Described(Format format, const profile::Combined& combined) {
  std::string codes;
  for (const auto& [code, name] : combined.partnerships) {
    codes += (codes.empty() ? "" : ", ") + code;
  }
  return std::string(FormatCode(format)) + "; " + profile::PeriodCode(combined.period) + "; " +
         std::to_string(combined.partnerships.size()) + " partnerships: " + codes;
}

Response Download(Format format, const profile::Combined& combined,
                  const std::vector<profile::ShownBreakdown>& shown, Instant now) {
  const bool csv = format == Format::kCsv;
  Response res;
  res.status = 200;
  res.content_type = csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
  res.body = csv ? profile::CombinedCsv(combined, shown, now)
                 : profile::CombinedJson(combined, shown, now);
  res.AddHeader("Content-Disposition", "attachment; filename=\"harbour-region-" +
                                           profile::PeriodCode(combined.period) +
                                           (csv ? ".csv\"" : ".json\""));
  return res;
}

}  // namespace

Response ProfileHandlers::RegionalPage(const Principal& who, const Request& request,
                                       const std::vector<std::string>& problems, mstch::map result,
                                       unsigned status) {
  mstch::map context = std::move(result);
  context.emplace("max_bytes", std::to_string(regional_.body_limit));
  context.emplace("limit_text", LimitText(regional_.body_limit));
  if (context.find("format_json") == context.end() && context.find("format_csv") == context.end()) {
    context.emplace("format_page", true);
  }
  if (problems.empty()) return Page(&who, request, kTitle, "profile/regional", std::move(context));
  mstch::array errors;
  for (const std::string& line : problems) {
    errors.push_back(mstch::map{{"message", line}, {"href", std::string("#returns")}});
  }
  context["has_errors"] = true;
  context["errors"] = errors;
  return Page(&who, request, "Error: " + std::string(kTitle), "profile/regional",
              std::move(context), status);
}

Response ProfileHandlers::RegionalForm(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kCombineReturns);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kCombineReturns,
                  "Only regional analysts combine the partnerships' returns.");
  }
  return RegionalPage(who, request, {}, {}, 200);
}

Response ProfileHandlers::CombineReturns(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kCombineReturns);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kCombineReturns,
                  "Only regional analysts combine the partnerships' returns.");
  }
  // Every refusal below is audited with what was sent (how many files), not their content.
  auto refuse = [&](const std::vector<std::string>& problems, unsigned status, std::size_t files,
                    Format format) {
    AuditRefusal(AuditEntry(who, request, "profile.regional", "profile", "", "refused",
                            decision.purpose,
                            "not combined: " + std::to_string(files) + " files, " +
                                std::to_string(problems.size()) + " problems"));
    mstch::map keep{{"format_" + std::string(FormatCode(format)), true}};
    return RegionalPage(who, request, problems, std::move(keep), status);
  };
  auto parts = ParseMultipartRequest(request.Header("content-type"), request.body);
  if (!parts) {
    return refuse({"The upload could not be read (" + parts.error().message +
                   "). Choose the files again and send the form."},
                  StatusFor(ErrorKind::kMalformed), 0, Format::kPage);
  }
  const auto format = FormatOf(MultipartField(*parts, "format"));
  if (!format) {
    return refuse({"Choose how to see the result: on the page, as JSON or as CSV."},
                  StatusFor(ErrorKind::kInvalid), 0, Format::kPage);
  }
  const std::vector<const MultipartPart*> files = ChosenFiles(*parts);
  if (files.empty()) {
    return refuse({"Choose one or more return files."}, StatusFor(ErrorKind::kInvalid), 0, *format);
  }
  if (files.size() > kMaxReturns) {
    return refuse({"Choose at most " + std::to_string(kMaxReturns) + " returns at once."},
                  StatusFor(ErrorKind::kInvalid), files.size(), *format);
  }
  auto trusted = regional_.trusted_keys
                     ? regional_.trusted_keys()
                     : Result<profile::TrustedKeys>(Fail(ErrorKind::kUnavailable, "no_trusted_keys",
                                                         "No partnership's key is trusted yet."));
  if (!trusted) {
    return refuse({"The returns cannot be checked: " + trusted.error().message},
                  StatusFor(trusted.error().kind), files.size(), *format);
  }
  std::vector<std::string> problems;
  std::vector<profile::ReceivedReturn> received = ReadReturns(files, *trusted, problems);
  if (!problems.empty()) {
    return refuse(problems, StatusFor(ErrorKind::kInvalid), files.size(), *format);
  }
  const profile::Labels labels = profile::AggregateLabels(catalogue_);
  auto combined = profile::Combine(received, labels);
  if (!combined) {
    return refuse(profile::CombineProblems(combined.error()), StatusFor(ErrorKind::kInvalid),
                  files.size(), *format);
  }
  auto shown = profile::ShowAll(combined->tables, {}, labels, profile::Release::kPublished);
  if (!Audit(AuditEntry(who, request, "profile.regional", "profile",
                        profile::PeriodCode(combined->period), "allowed", decision.purpose,
                        Described(*format, *combined)))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  if (*format != Format::kPage) return Download(*format, *combined, shown, clock_.Now());
  mstch::map result = CombinedContext(*combined, received, shown);
  result.emplace("combined", true);
  return RegionalPage(who, request, {}, std::move(result), 200);
}

}  // namespace harbour::web
