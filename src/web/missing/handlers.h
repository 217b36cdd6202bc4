#pragma once
// Missing episodes and return interviews (docs/missing.md): episodes on the child's record, the
// 72-hour interview by someone independent of the child's care, findings that raise concerns, the
// list of interviews due and the repeat-missing rule (pages and API). The handlers behind
// web/missing/missing.h; included only inside web/missing/.
#include <string>
#include <vector>

#include "chronology/chronology.h"
#include "missing/episode.h"
#include "reference/catalogue.h"
#include "storage/agencies_repository.h"
#include "storage/children_repository.h"
#include "storage/concerns_repository.h"
#include "storage/missing_repository.h"
#include "storage/tasks_repository.h"
#include "web/core/handlers.h"
#include "web/missing/missing_json.h"

namespace harbour::web {

class MissingHandlers : public AreaHandlers {
 public:
  MissingHandlers(const Core& core, const reference::Catalogue& catalogue,
                  missing::RepeatRule repeat)
      : AreaHandlers(core), catalogue_(catalogue), repeat_(repeat) {}

  // Missing episodes and return interviews (missing_handlers.cc, missing_api.cc).
  Response MissingEpisodes(Request& request, const Principal& who);
  Response RecordMissingEpisode(Request& request, const Principal& who);
  Response ViewMissingEpisode(Request& request, const Principal& who);
  Response RecordMissingReturn(Request& request, const Principal& who);
  Response RecordReturnInterview(Request& request, const Principal& who);
  Response ReturnInterviewsDue(Request& request, const Principal& who);
  Response ApiRecordMissingEpisode(Request& request, const Principal& who);
  Response ApiListMissingEpisodes(Request& request, const Principal& who);
  Response ApiGetMissingEpisode(Request& request, const Principal& who);
  Response ApiRecordMissingReturn(Request& request, const Principal& who);
  Response ApiRecordReturnInterview(Request& request, const Principal& who);
  Response ApiReturnInterviewsDue(Request& request, const Principal& who);
  // The child's episodes page; a refused episode form shows its problems and what was typed.
  Response MissingListPage(const Principal& who, const Request& request,
                           const children::Child& child, const FormData* form,
                           const Error* problems);
  // An episode's page; `which` ("return" or "interview") names the refused form to show again.
  Response EpisodePage(const Principal& who, const Request& request, const children::Child& child,
                       const missing::MissingEpisode& episode, std::string_view which,
                       const FormData* form, const Error* problems, unsigned status);
  // Validates and stores an episode with its audit entry ("missing.create"); when the child
  // then meets the repeat rule and has no open strategy task, adds one for the coordinators —
  // one transaction. `strategy_task` says whether it did.
  Result<missing::MissingEpisode> DoRecordEpisode(const Principal& who, const Request& request,
                                                  const children::Child& child,
                                                  const missing::EpisodeInput& input,
                                                  std::string_view purpose, bool* strategy_task);
  // Records the episode's return ("missing.return"); kConflict "already_returned".
  Result<missing::ReturnRecord> DoRecordReturn(const Principal& who, const Request& request,
                                               const missing::MissingEpisode& episode,
                                               const missing::ReturnInput& input,
                                               std::string_view purpose);
  // Records a return interview ("interview.record") and the concerns its findings raise,
  // recorded by the interviewer's agency ("concern.create") — one transaction.
  Result<missing::ReturnInterview> DoRecordInterview(const Principal& who, const Request& request,
                                                     const children::Child& child,
                                                     const missing::MissingEpisode& episode,
                                                     const missing::InterviewInput& input,
                                                     std::string_view purpose);
  // The episode `episode_id` and its child, when the caller may do `action` on the child
  // (AuthoriseChild's refusals); kNotFound for an unknown episode or one of another child
  // (`child_id` non-empty).
  struct EpisodeAccess {
    children::Child child;
    missing::MissingEpisode episode;
    access::Decision decision;
  };
  Result<EpisodeAccess> FindEpisodeFor(const Principal& who, const Request& request,
                                       std::string_view episode_id, std::string_view child_id,
                                       access::Action action);
  // The child's episodes and interviews as chronology entries.
  Result<std::vector<chronology::Entry>> MissingEntries(const children::Child& child);

 private:
  const reference::Catalogue& catalogue_;
  missing::RepeatRule repeat_;  // [missing] in harbour.toml
  storage::MissingRepository missing_{db_};
  storage::ChildrenRepository children_{db_};
  storage::ConcernsRepository concerns_{db_};
  storage::TasksRepository tasks_{db_};
  storage::AgenciesRepository agencies_{db_};
};

}  // namespace harbour::web
