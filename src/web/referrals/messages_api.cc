// The feedback loop's messages in the JSON API (issue 4; docs/api/openapi.yaml, tag "messages"):
// the caller's own messages about everything they sent, newest first, with the unread count the
// header of every page shows, and marking one read. Only the recipient ever sees a message, so
// this works for a referrer who can no longer open the child's record; a message of someone
// else is answered exactly as one that does not exist. Audited as the pages are.
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "common/ids.h"
#include "common/text.h"
#include "web/core/errors.h"
#include "web/parse/json_body.h"
#include "web/referrals/handlers.h"

namespace harbour::web {

namespace {

using nlohmann::json;

constexpr int kMessagesListed = 200;

json MessageJson(const feedback::Message& m) {
  return json{{"id", m.id},
              {"subject_type", m.subject_type},
              {"subject_id", m.subject_id},
              {"title", m.title},
              {"body", m.body},
              {"next_steps", m.next_steps},
              {"contact", m.contact},
              {"at", FormatRfc3339(m.at)},
              {"read", m.read_at.has_value()},
              {"read_at", m.read_at ? json(FormatRfc3339(*m.read_at)) : json(nullptr)}};
}

// POST /messages/{id}/read takes no body: nothing, or an empty JSON object.
Result<void> CheckNoBody(const Request& request) {
  if (Trim(request.body).empty()) return {};
  if (!request.Header("content-type").starts_with("application/json")) {
    return Fail(ErrorKind::kMalformed, "unsupported_media_type",
                "Send no body, or an empty JSON object with Content-Type: application/json.");
  }
  auto parsed = ParseJsonObject(request.body);
  if (!parsed) return std::unexpected(parsed.error());
  std::map<std::string, std::string> fields;
  for (const auto& [key, value] : parsed->items()) {
    fields[key] = "Is not a field of this resource";
  }
  if (!fields.empty()) return Invalid(std::move(fields), "This request takes no body.");
  return {};
}

}  // namespace

Response ReferralsHandlers::ApiListMessages(Request& request, const Principal& who) {
  std::string unread = request.query.Get("unread");
  if (!unread.empty() && unread != "true" && unread != "false") {
    return JsonError(Error{ErrorKind::kInvalid,
                           "validation_failed",
                           "Check the query string.",
                           {{"unread", "Must be true or false"}}});
  }
  const bool unread_only = unread == "true";
  auto messages = messages_.ForRecipient(who.user.id, unread_only, kMessagesListed + 1);
  if (!messages) return JsonError(messages.error());
  auto count = messages_.UnreadCount(who.user.id);
  if (!count) return JsonError(count.error());
  const bool truncated = messages->size() > static_cast<std::size_t>(kMessagesListed);
  if (truncated) messages->resize(kMessagesListed);
  if (!Audit(AuditEntry(who, request, "message.list", "user", who.user.id, "allowed", {},
                        std::string("api; ") + (unread_only ? "unread; " : "") +
                            std::to_string(messages->size()) + " messages"))) {
    return JsonError(kAuditUnavailable);
  }
  json out = json::array();
  for (const auto& m : *messages) out.push_back(MessageJson(m));
  return Response::Json(
      200, json{{"unread_count", *count}, {"truncated", truncated}, {"messages", out}}.dump());
}

std::string ReferralsHandlers::ChildOfMessage(const feedback::Message& message) {
  if (message.subject_type != "referral") return {};
  auto referral = referrals_.Find(message.subject_id);
  return referral && *referral ? (*referral)->child_id : std::string();
}

Response ReferralsHandlers::ApiReadMessage(Request& request, const Principal& who) {
  const Error not_found{ErrorKind::kNotFound, "not_found", "There is no message here.", {}};
  std::string id = request.Param("id");
  if (!IsValidId(id)) return JsonError(not_found);
  auto found = messages_.Find(id);
  if (!found) return JsonError(found.error());
  // A message is its recipient's alone: anyone else is told it does not exist.
  if (!*found || (*found)->recipient != who.user.id) {
    if (*found && !Audit(AboutChild(AuditEntry(who, request, "message.read", "message", id,
                                               "refused", {}, "not the recipient"),
                                    ChildOfMessage(**found)))) {
      return JsonError(kAuditUnavailable);
    }
    return JsonError(not_found);
  }
  if (auto body = CheckNoBody(request); !body) return JsonError(body.error());
  feedback::Message message = std::move(**found);
  Instant now = clock_.Now();
  const std::string child_id = ChildOfMessage(message);
  auto saved = Write("marking a message read", [&](storage::Transaction& tx) -> Result<bool> {
    bool marked = messages_.MarkOneReadIn(tx, who.user.id, message.id, now);
    AuditIn(tx, AboutChild(
                    AuditEntry(who, request, "message.read", "message", message.id, "allowed", {},
                               "api; " + message.subject_type + " " + message.subject_id +
                                   (marked ? "" : "; already read")),
                    child_id));
    return marked;
  });
  if (!saved) return JsonError(saved.error());
  if (*saved) message.read_at = now;
  auto count = messages_.UnreadCount(who.user.id);
  if (!count) return JsonError(count.error());
  return Response::Json(200,
                        json{{"message", MessageJson(message)}, {"unread_count", *count}}.dump());
}

}  // namespace harbour::web
