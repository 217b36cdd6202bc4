#pragma once
// The area picture (issue 12; DOMAIN.md §9): the problem profile for any period, with the
// period before and a 24-month trend, filtered by ward, agency and type of concern; published
// (suppressed) for analysts and coordinators, unsuppressed and drillable to the children behind
// a cell for coordinators; CSV, XLSX and PDF exports; the register of published board reports,
// which everyone signed in may read; the same data on the API. And the regional analyst's
// page, which combines the partnerships' signed returns into the region's tables.
#include <cstddef>
#include <functional>
#include <memory>

#include "common/error.h"
#include "common/working_days.h"
#include "profile/return_keys.h"
#include "reference/catalogue.h"
#include "storage/tool_library.h"
#include "web/core/handlers.h"
#include "web/core/routes.h"

namespace harbour::web {

class ProfileHandlers;
class PdfFonts;  // web/core/pdf_document.h

// What the regional analyst's page is given by the wiring.
struct RegionalOptions {
  // Reads the trusted keys afresh; called at every upload, from any worker thread, so that a
  // key added to the file counts without a restart. Unset: every upload is refused.
  std::function<Result<profile::TrustedKeys>()> trusted_keys;
  // The server's largest request body ([server] body_limit), stated on the page.
  std::size_t body_limit = 1024 * 1024;
};

class ProfileArea {
 public:
  // Everything given must outlive the area and the router it registers on. `pdf_fonts` are the
  // board report's; null makes the PDF report unavailable (the register still lists).
  ProfileArea(const Core& core, const reference::Catalogue& catalogue,
              const WorkingCalendar& calendar, storage::ToolLibrary& tools,
              std::shared_ptr<const PdfFonts> pdf_fonts, RegionalOptions regional);
  ~ProfileArea();
  ProfileArea(const ProfileArea&) = delete;
  ProfileArea& operator=(const ProfileArea&) = delete;

  void Register(Routes& routes);

 private:
  std::unique_ptr<ProfileHandlers> handlers_;
};

}  // namespace harbour::web
