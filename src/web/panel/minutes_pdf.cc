#include "web/panel/minutes_pdf.h"

namespace harbour::web {

namespace {

void WriteMinutes(PdfDocument& w, const panel::Minutes& m) {
  w.Heading("Minutes of the " + m.reference + " meeting", 16);
  w.Field("When", m.when);
  w.Field("Where", m.where);
  w.Heading("Attendance", 12);
  for (const auto& a : m.attendance) {
    std::string names;
    for (const auto& n : a.names) names += (names.empty() ? "" : ", ") + n;
    w.Paragraph(a.agency_name + ": " + std::string(panel::Label(a.attendance)) + " (" + names +
                ")");
  }
  w.Heading("Children discussed", 12);
  if (m.items.empty()) w.Paragraph("No child was on the agenda.");
  for (const auto& item : m.items) {
    w.Heading(std::to_string(item.position) + ". " + item.child_name + " (" + item.reason + ")",
              11);
    if (!item.discussed) {
      w.Paragraph("Not discussed.");
      continue;
    }
    w.Field("Category", item.category);
    w.Field("Exploitation model", item.models);
    w.Field("Also", item.elements);
    w.Field("Plan", item.plan);
    w.Field("Next review", item.next_review);
    for (const auto& a : item.actions) {
      w.Paragraph("Action: " + a.title + " - " + a.owner + ", due " + a.due + ". " + a.status, 12);
    }
  }
  w.Space(12);
  w.Paragraph(m.produced);
  if (w.Substituted() || w.Unshaped()) {
    w.Space(6);
    w.Paragraph(std::string(w.Substituted()
                                ? "Characters this PDF's fonts do not have are written as "
                                  "their Unicode code, for example [U+1F600]. "
                                : "") +
                (w.Unshaped() ? "Some scripts are printed without their joined or reordered letter "
                                "forms. "
                              : "") +
                "The minutes page and its HTML export show every name as it was typed.");
  }
}

}  // namespace

Result<std::string> MinutesPdf(const panel::Minutes& minutes, const PdfFonts& fonts) {
  PdfDocument document(fonts, "Minutes of the " + minutes.reference + " meeting",
                       {.marking = "OFFICIAL-SENSITIVE", .footer = minutes.reference + " minutes"});
  WriteMinutes(document, minutes);
  return document.Finish();
}

}  // namespace harbour::web
