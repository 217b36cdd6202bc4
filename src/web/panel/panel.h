#pragma once
// The multi-agency panel's meetings (docs/panel.md): the coordinator arranges them, invites
// members, records attendance and builds the agenda; the panel records each child's category,
// models, plan, actions and next review; minutes print and export (pages and API).
#include <memory>
#include <vector>

#include "children/child.h"
#include "chronology/chronology.h"
#include "web/core/handlers.h"
#include "web/core/routes.h"
#include "web/referrals/referrals.h"

namespace harbour::web {

class PanelHandlers;
class PdfFonts;  // web/core/pdf_document.h

class PanelArea {
 public:
  // Everything given must outlive the area and the router it registers on. `pdf_fonts` are the
  // minutes PDF's fonts; without them (null) the PDF export answers 503.
  PanelArea(const Core& core, const ReferralsArea& referrals, FeedbackOptions feedback,
            std::shared_ptr<const PdfFonts> pdf_fonts);
  ~PanelArea();
  PanelArea(const PanelArea&) = delete;
  PanelArea& operator=(const PanelArea&) = delete;

  void Register(Routes& routes);

  // The panel's decisions about the child and its actions (with their outcomes) as chronology
  // entries. Reads only; the chronology audits.
  Result<std::vector<chronology::Entry>> ChronologyEntries(const children::Child& child) const;

 private:
  std::unique_ptr<PanelHandlers> handlers_;
};

}  // namespace harbour::web
