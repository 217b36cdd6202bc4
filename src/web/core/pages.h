#pragma once
// Rendering a page in the layout: the navigation the signed-in user's role allows, the feedback
// loop's unread count, the demo banner, and the error, forbidden and not-found pages. Immutable
// after construction and safe to use from many threads.
#include <string_view>

#include "common/error.h"
#include "web/core/http.h"
#include "web/core/principal.h"
#include "web/core/templates.h"

namespace harbour::storage {
class MessagesRepository;
}  // namespace harbour::storage

namespace harbour::web {

class Pages {
 public:
  // `messages` must outlive the pages; `demo` shows the "synthetic demo data" banner.
  Pages(storage::MessagesRepository& messages, bool demo) : messages_(messages), demo_(demo) {}

  // `page` (a template name, "panel/meeting") rendered with `context` inside the layout.
  // `who` is null on the sign-in page and for requests without a session.
  Response Page(const Principal* who, const Request& request, std::string_view title,
                std::string_view page, mstch::map context, unsigned status = 200) const;
  // A form's page. With `problems` (a refused submission) the title starts "Error: " and the
  // status is StatusFor(problems->kind), 422 for kInvalid; without, 200. The caller has put the
  // error summary and what was typed into `context`.
  Response FormPage(const Principal& who, const Request& request, std::string_view title,
                    std::string_view page, mstch::map context, const Error* problems) const;
  // The page for an error: not found (404), forbidden (403) or the service's problem, with the
  // request id to quote.
  Response ErrorPage(const Principal* who, const Request& request, const Error& error) const;
  Response NotFoundPage(const Principal* who, const Request& request) const;
  // A template rendered on its own, outside the layout (an export such as the minutes).
  std::string Render(std::string_view name, const mstch::map& context) const {
    return templates_.Render(name, context);
  }

 private:
  Templates templates_;
  storage::MessagesRepository& messages_;
  bool demo_ = false;
};

}  // namespace harbour::web
