#pragma once
// The feedback loop (issue 4): a message to the person who sent something (a referral now,
// intelligence later) saying what happened, what happens next and whom to contact. The sender
// sees their messages even when they cannot open the child's record. Pure.
#include <optional>
#include <string>

#include "common/time.h"

namespace harbour::feedback {

struct Message {
  std::string id;
  std::string recipient;     // user id
  std::string subject_type;  // "referral" (later "intelligence")
  std::string subject_id;
  std::string title;       // what happened, one line
  std::string body;        // the detail: a reason, where it was passed to; may be empty
  std::string next_steps;  // what happens next
  std::string contact;     // whom to contact
  Instant at{};
  std::optional<Instant> read_at;
};

}  // namespace harbour::feedback
