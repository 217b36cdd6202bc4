#pragma once
// The area picture (issue 12; DOMAIN.md §9): the problem profile for any period, with the
// period before and a 24-month trend, filtered by ward, agency and type of concern; published
// (suppressed) for analysts and coordinators, unsuppressed and drillable to the children behind
// a cell for coordinators; CSV, XLSX and PDF exports; the register of published board reports,
// which everyone signed in may read; the same data on the API.
#include <memory>

#include "common/working_days.h"
#include "reference/catalogue.h"
#include "storage/tool_library.h"
#include "web/core/handlers.h"
#include "web/core/routes.h"

namespace harbour::web {

class ProfileHandlers;
class PdfFonts;  // web/core/pdf_document.h

class ProfileArea {
 public:
  // Everything given must outlive the area and the router it registers on. `pdf_fonts` are the
  // board report's; null makes the PDF report unavailable (the register still lists).
  ProfileArea(const Core& core, const reference::Catalogue& catalogue,
              const WorkingCalendar& calendar, storage::ToolLibrary& tools,
              std::shared_ptr<const PdfFonts> pdf_fonts);
  ~ProfileArea();
  ProfileArea(const ProfileArea&) = delete;
  ProfileArea& operator=(const ProfileArea&) = delete;

  void Register(Routes& routes);

 private:
  std::unique_ptr<ProfileHandlers> handlers_;
};

}  // namespace harbour::web
